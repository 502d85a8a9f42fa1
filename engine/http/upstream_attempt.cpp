#include "http/upstream_attempt.hpp"

#include "http/response_framing.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

namespace edgelab {

UpstreamAttempt::UpstreamAttempt(std::shared_ptr<UpstreamPool> pool, std::shared_ptr<const Request> request,
                                 UpstreamPool::SendHandler done, UpstreamPool::InterimHandler interim)
    : pool_(std::move(pool)), request_(std::move(request)), done_(std::move(done)), interim_(std::move(interim)) {}

void UpstreamAttempt::start() {
  connection_ = pool_->take_idle();
  reused_ = connection_ != nullptr;
  if (reused_) {
    ++pool_->counters().reuses;
    return write();
  }
  connect();
}

bool UpstreamAttempt::idempotent() const {
  auto m = request_->method();
  return m == http::verb::get || m == http::verb::head || m == http::verb::options || m == http::verb::put ||
         m == http::verb::delete_ || m == http::verb::trace;
}

void UpstreamAttempt::connect() {
  ++pool_->counters().connects;
  connection_ = std::make_unique<UpstreamConnection>(net::make_strand(pool_->io_context()));
  const Endpoint& upstream = pool_->upstream();
  boost::system::error_code ec;
  auto address = net::ip::make_address(upstream.host == "localhost" ? "127.0.0.1" : upstream.host, ec);
  if (!ec) return on_resolved({}, {tcp::endpoint(address, upstream.port)});
  resolver_.emplace(connection_->stream.get_executor());
  resolver_->async_resolve(upstream.host, std::to_string(upstream.port),
                           [self = shared_from_this()](boost::system::error_code rec, tcp::resolver::results_type r) {
                             std::vector<tcp::endpoint> eps;
                             for (const auto& e : r) eps.push_back(e.endpoint());
                             self->on_resolved(rec, std::move(eps));
                           });
}

void UpstreamAttempt::on_resolved(boost::system::error_code ec, std::vector<tcp::endpoint> endpoints) {
  if (ec) return fail(ec);
  endpoints_ = std::move(endpoints);
  connection_->stream.expires_after(pool_->limits().connect_timeout);
  connection_->stream.async_connect(endpoints_,
                                    [self = shared_from_this()](boost::system::error_code cec, const tcp::endpoint&) {
                                      if (cec) return self->fail(cec);
                                      boost::system::error_code ignored;
                                      self->connection_->stream.socket().set_option(tcp::no_delay(true), ignored);
                                      self->write();
                                    });
}

void UpstreamAttempt::write() {
  connection_->stream.expires_after(pool_->limits().read_timeout);
  http::async_write(connection_->stream, *request_,
                    [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
                      if (ec) return self->retry_or_fail(ec);
                      self->read_header();
                    });
}

void UpstreamAttempt::read_header() {
  // A fresh parser per message: an interim response is a whole message, and
  // what follows it in the buffer is the next one.
  parser_ = std::make_unique<http::response_parser<http::empty_body>>();
  parser_->header_limit(static_cast<std::uint32_t>(pool_->limits().header_bytes));
  parser_->body_limit(boost::none);
  if (request_->method() == http::verb::head) parser_->skip(true);
  connection_->stream.expires_after(pool_->limits().read_timeout);
  http::async_read_header(
      connection_->stream, connection_->buffer, *parser_,
      [self = shared_from_this()](boost::system::error_code ec, std::size_t) { self->on_header(ec); });
}

void UpstreamAttempt::on_header(boost::system::error_code ec) {
  if (ec) {
    const auto kind = classify_header_error(ec, parser_->get());
    if (kind != UpstreamFramingError::none) return framing_failure(kind);
    return retry_or_fail(ec);
  }
  received_any_ = true;
  const unsigned status = parser_->get().result_int();
  if (status / 100 == 1) return on_interim(status);
  if (auto kind = check_response_framing(parser_->get(), pool_->limits().max_headers);
      kind != UpstreamFramingError::none)
    return framing_failure(kind);
  ++connection_->requests;
  auto exchange = std::make_shared<UpstreamExchange>(pool_, std::move(connection_), std::move(parser_));
  done_({}, std::move(exchange));
}

void UpstreamAttempt::on_interim(unsigned status) {
  // RFC 9110 15.2: a proxy consumes 1xx it did not ask for and reads on. A
  // 101 means the origin switched protocols under a proxied request: the
  // rest of the connection is not HTTP we can frame.
  if (status == 101) return framing_failure(UpstreamFramingError::switching_protocols);
  if (++interim_responses_ > kMaxInterimResponses) return framing_failure(UpstreamFramingError::too_many_interim);
  ++pool_->counters().interim_responses;
  if (status == 103 && interim_) {
    auto resume = [self = shared_from_this()] {
      auto ex = self->connection_->stream.get_executor();
      net::post(ex, [self] { self->read_header(); });
    };
    return interim_(parser_->get(), std::move(resume));
  }
  read_header();
}

void UpstreamAttempt::retry_or_fail(boost::system::error_code ec) {
  // A pooled connection the peer closed while idle fails before any byte of
  // the response: safe to try once more on a fresh connection.
  const bool nothing_received = !received_any_ && (!parser_ || !parser_->got_some());
  if (reused_ && nothing_received && idempotent() && ec != beast::error::timeout) {
    ++pool_->counters().retries;
    reused_ = false;
    parser_.reset();
    return connect();
  }
  fail(ec);
}

void UpstreamAttempt::framing_failure(UpstreamFramingError kind) {
  pool_->note_framing(kind);
  fail(make_error_code(kind));
}

void UpstreamAttempt::fail(boost::system::error_code ec) {
  ++pool_->counters().failures;
  connection_.reset();  // closed, never pooled
  done_(ec, nullptr);
}

}  // namespace edgelab
