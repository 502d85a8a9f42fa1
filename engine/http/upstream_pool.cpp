#include "http/upstream_pool.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

namespace edgelab {

// One try at sending a request: connect (or reuse), write, read the header.
class UpstreamPool::Attempt : public std::enable_shared_from_this<Attempt> {
 public:
  Attempt(std::shared_ptr<UpstreamPool> pool, std::shared_ptr<const Request> request, SendHandler done)
      : pool_(std::move(pool)), request_(std::move(request)), done_(std::move(done)) {}

  void start() {
    connection_ = pool_->take_idle();
    reused_ = connection_ != nullptr;
    if (reused_) {
      ++pool_->counters_.reuses;
      return write();
    }
    connect();
  }

 private:
  bool idempotent() const {
    auto m = request_->method();
    return m == http::verb::get || m == http::verb::head || m == http::verb::options || m == http::verb::put ||
           m == http::verb::delete_ || m == http::verb::trace;
  }

  void connect() {
    ++pool_->counters_.connects;
    connection_ = std::make_unique<UpstreamConnection>(net::make_strand(pool_->ioc_));
    boost::system::error_code ec;
    auto address =
        net::ip::make_address(pool_->upstream_.host == "localhost" ? "127.0.0.1" : pool_->upstream_.host, ec);
    if (!ec) return on_resolved({}, {tcp::endpoint(address, pool_->upstream_.port)});
    resolver_.emplace(connection_->stream.get_executor());
    resolver_->async_resolve(pool_->upstream_.host, std::to_string(pool_->upstream_.port),
                             [self = shared_from_this()](boost::system::error_code rec, tcp::resolver::results_type r) {
                               std::vector<tcp::endpoint> eps;
                               for (const auto& e : r) eps.push_back(e.endpoint());
                               self->on_resolved(rec, std::move(eps));
                             });
  }

  void on_resolved(boost::system::error_code ec, std::vector<tcp::endpoint> endpoints) {
    if (ec) return fail(ec);
    endpoints_ = std::move(endpoints);
    connection_->stream.expires_after(pool_->limits_.connect_timeout);
    connection_->stream.async_connect(endpoints_,
                                      [self = shared_from_this()](boost::system::error_code cec, const tcp::endpoint&) {
                                        if (cec) return self->fail(cec);
                                        boost::system::error_code ignored;
                                        self->connection_->stream.socket().set_option(tcp::no_delay(true), ignored);
                                        self->write();
                                      });
  }

  void write() {
    connection_->stream.expires_after(pool_->limits_.read_timeout);
    http::async_write(connection_->stream, *request_,
                      [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
                        if (ec) return self->retry_or_fail(ec);
                        self->read_header();
                      });
  }

  void read_header() {
    parser_ = std::make_unique<http::response_parser<http::empty_body>>();
    parser_->header_limit(static_cast<std::uint32_t>(pool_->limits_.header_bytes));
    parser_->body_limit(boost::none);
    if (request_->method() == http::verb::head) parser_->skip(true);
    connection_->stream.expires_after(pool_->limits_.read_timeout);
    http::async_read_header(connection_->stream, connection_->buffer, *parser_,
                            [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
                              if (ec) return self->retry_or_fail(ec);
                              ++self->connection_->requests;
                              auto exchange = std::make_shared<UpstreamExchange>(
                                  self->pool_, std::move(self->connection_), std::move(self->parser_));
                              self->done_({}, std::move(exchange));
                            });
  }

  void retry_or_fail(boost::system::error_code ec) {
    // A pooled connection the peer closed while idle fails before any byte of
    // the response: safe to try once more on a fresh connection.
    const bool nothing_received = !parser_ || !parser_->got_some();
    if (reused_ && nothing_received && idempotent() && ec != beast::error::timeout) {
      ++pool_->counters_.retries;
      reused_ = false;
      parser_.reset();
      return connect();
    }
    fail(ec);
  }

  void fail(boost::system::error_code ec) {
    ++pool_->counters_.failures;
    connection_.reset();
    done_(ec, nullptr);
  }

  std::shared_ptr<UpstreamPool> pool_;
  std::shared_ptr<const Request> request_;
  SendHandler done_;
  std::unique_ptr<UpstreamConnection> connection_;
  std::unique_ptr<http::response_parser<http::empty_body>> parser_;
  std::optional<tcp::resolver> resolver_;
  std::vector<tcp::endpoint> endpoints_;
  bool reused_ = false;
};

UpstreamPool::UpstreamPool(net::io_context& ioc, Endpoint upstream, UpstreamLimits limits)
    : ioc_(ioc), upstream_(std::move(upstream)), limits_(limits) {}

void UpstreamPool::send(std::shared_ptr<const Request> request, SendHandler done) {
  std::make_shared<Attempt>(shared_from_this(), std::move(request), std::move(done))->start();
}

std::unique_ptr<UpstreamConnection> UpstreamPool::take_idle() {
  std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  while (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    if (now - connection->idle_since < limits_.idle_lifetime) return connection;
  }
  return nullptr;
}

void UpstreamPool::release(std::unique_ptr<UpstreamConnection> connection) {
  connection->idle_since = std::chrono::steady_clock::now();
  connection->stream.expires_never();
  std::lock_guard lock(mutex_);
  if (idle_.size() < limits_.max_idle) idle_.push_back(std::move(connection));
}

void UpstreamPool::close_idle() {
  std::lock_guard lock(mutex_);
  idle_.clear();
}

}  // namespace edgelab
