#include "http/server_session.hpp"

#include "http/http_server.hpp"
#include "http/transfer_codings.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/rfc7230.hpp>
#include <boost/beast/http/write.hpp>

namespace edgelab {

namespace {

// One constructor for both streams (clang 14 instantiates constrained
// constructors in an explicit class instantiation, so there are no two).
template <class Stream>
Stream make_session_stream(tcp::socket socket, net::ssl::context* tls) {
  if constexpr (std::is_same_v<Stream, TlsStream>)
    return Stream(beast::tcp_stream(std::move(socket)), *tls);
  else
    return Stream(std::move(socket));
}

}  // namespace

template <class Stream>
BasicServerSession<Stream>::BasicServerSession(tcp::socket socket, std::shared_ptr<HttpServer> server,
                                               net::ssl::context* tls)
    : stream_(make_session_stream<Stream>(std::move(socket), tls)),
      executor_(stream_.get_executor()),
      server_(std::move(server)) {
  boost::system::error_code ec;
  auto ep = lowest().socket().remote_endpoint(ec);
  if (!ec) remote_ = ep.address();
  lowest().socket().set_option(tcp::no_delay(true), ec);
  if constexpr (!kTls)
    for (auto& s : scratch_) s.reserve(256);
}

template <class Stream>
BasicServerSession<Stream>::~BasicServerSession() {
  if (registered_) server_->session_closed(registry_slot_);
}

template <class Stream>
void BasicServerSession<Stream>::start(Registry::iterator registry_slot) {
  registry_slot_ = registry_slot;
  registered_ = true;
  net::dispatch(stream_.get_executor(), [self = self()] {
    if constexpr (kTls) {
      self->lowest().expires_after(self->server_->limits().header_timeout);
      self->stream_.async_handshake(net::ssl::stream_base::server, [self](boost::system::error_code ec) {
        if (ec) {
          ++self->server_->counters_.tls_handshake_failures;
          return self->close();
        }
        self->wait_for_request();
      });
    } else {
      self->wait_for_request();
    }
  });
}

template <class Stream>
void BasicServerSession<Stream>::shutdown() {
  net::post(stream_.get_executor(), [self = self()] {
    self->shutting_down_ = true;
    // An idle connection is closed now; a busy one closes after its response.
    if (!self->busy_) self->close();
  });
}

template <class Stream>
void BasicServerSession<Stream>::wait_for_request() {
  if (shutting_down_) return close();
  if (buffer_.size() > 0) return read_request();  // pipelined bytes already here
  // Idle keep-alive: wait for the first byte under the idle timeout, so the
  // header timeout below measures only how long the request itself takes.
  lowest().expires_after(server_->limits().idle_timeout);
  stream_.async_read_some(buffer_.prepare(4096), [self = self()](boost::system::error_code ec, std::size_t n) {
    self->on_first_bytes(ec, n);
  });
}

template <class Stream>
void BasicServerSession<Stream>::on_first_bytes(boost::system::error_code ec, std::size_t n) {
  if (ec) return close();
  buffer_.commit(n);
  read_request();
}

template <class Stream>
void BasicServerSession<Stream>::read_request() {
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(server_->limits().header_bytes));
  parser_->body_limit(server_->limits().body_bytes);
  lowest().expires_after(server_->limits().header_timeout);
  http::async_read(stream_, buffer_, *parser_,
                   [self = self()](boost::system::error_code ec, std::size_t n) { self->on_read(ec, n); });
}

template <class Stream>
void BasicServerSession<Stream>::on_read(boost::system::error_code ec, std::size_t) {
  auto& counters = server_->counters_;
  if (ec == http::error::end_of_stream || ec == net::error::eof) return close();
  if (ec == beast::error::timeout) {
    // The stream is already closed by its timer: nothing can be answered.
    ++counters.request_timeouts;
    return close();
  }
  if (ec == net::error::operation_aborted || ec == net::error::connection_reset) {
    ++counters.bad_requests;
    counters.bad_request_kinds.add(BadRequestKind::aborted);
    return close();
  }
  if (ec) {
    BadRequestKind kind = bad_request_kind(ec);
    // A request line that alone is past the target limit is a 414, even when
    // it also filled the whole header allowance.
    if (kind == BadRequestKind::header_too_large && request_target_bytes() > server_->limits().uri_bytes)
      kind = BadRequestKind::uri_too_long;
    return refuse(kind, ec.message());
  }
  if (auto kind = check_request(parser_->get())) return refuse(*kind, {});
  request_ = parser_->release();
  parser_.reset();
  busy_ = true;
  lowest().expires_never();  // the handler owns the timing until it answers
  server_->handler_(self());
}

template <class Stream>
std::size_t BasicServerSession<Stream>::request_target_bytes() const {
  // Beast hands over the request line once it has parsed it; until then it
  // is still in the buffer, whole or in part, and at least that long.
  if (const auto target = parser_->get().target(); !target.empty()) return target.size();
  const auto data = buffer_.cdata();
  const std::string_view buffered(static_cast<const char*>(data.data()), data.size());
  return std::min(buffered.find('\n'), buffered.size());
}

template <class Stream>
std::optional<BadRequestKind> BasicServerSession<Stream>::check_request(const Request& request) const {
  const auto& limits = server_->limits();
  if (request.target().size() > limits.uri_bytes) return BadRequestKind::uri_too_long;
  std::size_t fields = 0;
  TransferCodings codings;
  for (const auto& field : request) {
    if (++fields > limits.max_headers) return BadRequestKind::too_many_headers;
    if (field.name() == http::field::transfer_encoding) codings.add_field(field.value());
  }
  // RFC 9112 6.1: without chunked last the body length cannot be known (400,
  // then close: Beast would take the body for the next request), as in any
  // HTTP/1.0 message. Any other coding is one we do not implement (501).
  if (codings.present) {
    if (!codings.chunked_last || request.version() < 11) return BadRequestKind::bad_transfer_encoding;
    if (!codings.chunked_alone()) return BadRequestKind::unsupported_transfer_encoding;
  }
  return std::nullopt;
}

template <class Stream>
void BasicServerSession<Stream>::refuse(BadRequestKind kind, const std::string& detail) {
  auto& counters = server_->counters_;
  ++counters.bad_requests;
  counters.bad_request_kinds.add(kind);
  if (server_->bad_request_observer_) server_->bad_request_observer_(kind, remote_);
  const auto& limits = server_->limits();
  switch (kind) {
    case BadRequestKind::header_too_large:
      return send_error(http::status::request_header_fields_too_large, "request header too large");
    case BadRequestKind::too_many_headers:
      return send_error(http::status::request_header_fields_too_large,
                        "too many request header fields (limit " + std::to_string(limits.max_headers) + ")");
    case BadRequestKind::uri_too_long:
      return send_error(http::status::uri_too_long,
                        "request target too long (limit " + std::to_string(limits.uri_bytes) + " bytes)");
    case BadRequestKind::body_too_large:
      return send_error(http::status::payload_too_large, "request body too large");
    case BadRequestKind::bad_transfer_encoding:
      return send_error(http::status::bad_request, "Transfer-Encoding must end with chunked");
    case BadRequestKind::unsupported_transfer_encoding:
      return send_error(http::status::not_implemented, "Transfer-Encoding other than chunked is not supported");
    case BadRequestKind::bad_content_length:
      return send_error(http::status::bad_request, "malformed request: " + detail);
    case BadRequestKind::malformed:
    case BadRequestKind::aborted:
    case BadRequestKind::count_:
      break;
  }
  send_error(http::status::bad_request, "malformed request: " + detail);
}

template <class Stream>
void BasicServerSession<Stream>::send_error(http::status status, std::string_view message) {
  Response res{status, 11};
  res.set(http::field::content_type, "text/plain");
  res.set(http::field::connection, "close");
  res.body() = std::string(message) + "\n";
  res.prepare_payload();
  busy_ = true;
  response_.emplace(std::move(res));
  lowest().expires_after(server_->limits().send_timeout);
  http::async_write(stream_, *response_,
                    [self = self()](boost::system::error_code wec, std::size_t) { self->on_write(wec, false); });
}

template <class Stream>
void BasicServerSession<Stream>::respond(Response response) {
  net::dispatch(stream_.get_executor(), [self = self(), response = std::move(response)]() mutable {
    bool keep = response.keep_alive() && !self->shutting_down_;
    response.keep_alive(keep);
    self->response_.emplace(std::move(response));
    self->lowest().expires_after(self->server_->limits().send_timeout);
    http::async_write(self->stream_, *self->response_,
                      [self, keep](boost::system::error_code ec, std::size_t) { self->on_write(ec, keep); });
  });
}

template <class Stream>
void BasicServerSession<Stream>::respond_buffers(std::span<const net::const_buffer> buffers, bool keep_alive,
                                                 std::shared_ptr<const void> owner) {
  // The hit path: buffers point into an immutable cached object (kept alive by
  // `owner`) and into scratch_, so nothing is copied.
  write_buffer_count_ = std::min(buffers.size(), write_buffers_.size());
  std::copy_n(buffers.begin(), write_buffer_count_, write_buffers_.begin());
  write_owner_ = std::move(owner);
  net::dispatch(stream_.get_executor(), [self = self(), keep_alive] {
    bool keep = keep_alive && !self->shutting_down_;
    self->lowest().expires_after(self->server_->limits().send_timeout);
    net::async_write(self->stream_,
                     std::span<const net::const_buffer>(self->write_buffers_.data(), self->write_buffer_count_),
                     [self, keep](boost::system::error_code ec, std::size_t) { self->on_write(ec, keep); });
  });
}

template <class Stream>
void BasicServerSession<Stream>::send_interim(std::shared_ptr<const std::string> bytes, std::function<void()> done) {
  net::dispatch(stream_.get_executor(), [self = self(), bytes = std::move(bytes), done = std::move(done)]() mutable {
    self->lowest().expires_after(self->server_->limits().send_timeout);
    net::async_write(self->stream_, net::buffer(*bytes),
                     [self, bytes, done = std::move(done)](boost::system::error_code, std::size_t) {
                       self->lowest().expires_never();
                       done();
                     });
  });
}

template <class Stream>
void BasicServerSession<Stream>::finish(bool keep_alive) {
  net::dispatch(stream_.get_executor(),
                [self = self(), keep_alive] { self->on_write({}, keep_alive && !self->shutting_down_); });
}

template <class Stream>
void BasicServerSession<Stream>::on_write(boost::system::error_code ec, bool keep_alive) {
  busy_ = false;
  response_.reset();
  write_owner_.reset();
  if (ec || !keep_alive || shutting_down_) return close();
  wait_for_request();
}

template <class Stream>
void BasicServerSession<Stream>::close() {
  if (closed_) return;
  closed_ = true;
  boost::system::error_code ec;
  // TLS: no close_notify round trip; every answer carries its length.
  lowest().socket().shutdown(tcp::socket::shutdown_send, ec);
  lowest().close();
}

template class BasicServerSession<beast::tcp_stream>;
template class BasicServerSession<TlsStream>;

}  // namespace edgelab
