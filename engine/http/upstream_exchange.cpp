#include "http/upstream_exchange.hpp"

#include "http/upstream_pool.hpp"

#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

namespace edgelab {

UpstreamExchange::UpstreamExchange(std::shared_ptr<UpstreamPool> pool, std::unique_ptr<UpstreamConnection> connection,
                                   std::unique_ptr<http::response_parser<http::empty_body>> parser)
    : pool_(std::move(pool)), connection_(std::move(connection)), header_parser_(std::move(parser)) {
  reusable_ = header_parser_->is_done() && header_parser_->keep_alive();
}

UpstreamExchange::~UpstreamExchange() {
  if (connection_ && reusable_) pool_->release(std::move(connection_));
}

void UpstreamExchange::read_body(std::uint64_t limit, BodyHandler done) {
  body_parser_.emplace(std::move(*header_parser_));
  body_parser_->body_limit(limit);
  connection_->stream.expires_after(pool_->limits().read_timeout);
  http::async_read(connection_->stream, connection_->buffer, *body_parser_,
                   [self = shared_from_this(), done = std::move(done)](boost::system::error_code ec, std::size_t) {
                     if (ec) {
                       self->body_failed(ec);
                       return done(ec, Response{});
                     }
                     self->reusable_ = self->body_parser_->keep_alive();
                     done({}, self->body_parser_->release());
                   });
}

void UpstreamExchange::read_into(char* dest, std::size_t size, ProgressHandler progress, DoneHandler done) {
  dest_ = dest;
  dest_size_ = size;
  progress_ = std::move(progress);
  read_done_ = std::move(done);
  relay_parser_.emplace(std::move(*header_parser_));
  relay_parser_->body_limit(size);
  // Beast reads as much as the buffer has room for, and the header left it at
  // a few hundred bytes: without room a 16 KiB body came in 32 reads of 512,
  // each one a wake-up of every collapsed waiter. The pool gives the room back.
  connection_->buffer.reserve(std::min<std::size_t>(size + connection_->buffer.size(), kBodyReadRoom));
  if (relay_parser_->is_done()) {
    reusable_ = relay_parser_->keep_alive();
    return read_done_(size == 0 ? boost::system::error_code{} : http::error::partial_message);
  }
  read_into_step();
}

void UpstreamExchange::read_into_step() {
  auto& body = relay_parser_->get().body();
  body.data = dest_ + received_;
  body.size = dest_size_ - received_;
  connection_->stream.expires_after(pool_->limits().read_timeout);
  http::async_read_some(connection_->stream, connection_->buffer, *relay_parser_,
                        [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
                          if (ec == http::error::need_buffer) ec = {};
                          auto& b = self->relay_parser_->get().body();
                          self->received_ = self->dest_size_ - b.size;
                          if (ec) {
                            self->body_failed(ec);
                            return self->read_done_(ec);
                          }
                          self->progress_(self->received_);
                          if (self->relay_parser_->is_done()) {
                            self->reusable_ = self->relay_parser_->keep_alive();
                            if (self->check_trailing())
                              return self->read_done_(make_error_code(UpstreamFramingError::trailing_bytes));
                            return self->read_done_(self->received_ == self->dest_size_ ? boost::system::error_code{}
                                                                                        : http::error::partial_message);
                          }
                          if (self->received_ == self->dest_size_) {
                            self->reusable_ = false;
                            return self->read_done_(http::error::body_limit);
                          }
                          self->read_into_step();
                        });
}

void UpstreamExchange::relay(HttpExchangePtr client, HeaderEditor edit, RelayHandler done, BodyTap tap) {
  client_ = std::move(client);
  tap_ = std::move(tap);
  relay_handler_ = std::move(done);
  relay_parser_.emplace(std::move(*header_parser_));
  relay_parser_->body_limit(boost::none);
  auto& header = relay_parser_->get().base();
  header.version(11);  // a proxy answers in its own version (RFC 9110 6.2)
  edit(header);
  // No length and not chunked (RFC 9112 6.3 item 8): the body ends when the
  // upstream closes. The client gets it chunked (or, if it speaks 1.0, with a
  // close), never with framing it would have to guess.
  auto& message = relay_parser_->get();
  const bool client_11 = client_->request().version() >= 11;
  const unsigned status = message.result_int();
  if (status == 204 || status == 304) {
    // No body whatever the fields say: Beast would still end a "chunked"
    // one with a last chunk, and the client would read it as its next response.
    message.chunked(false);
    if (status == 204) header.erase(http::field::content_length);
  } else if (relay_parser_->need_eof() || (message.chunked() && !client_11)) {
    // No length (RFC 9112 6.3 item 8), or chunked for a client that may not be
    // sent it (6.1): re-framed chunked for 1.1, by the close for 1.0.
    message.chunked(client_11);
    if (!client_11) header.set(http::field::connection, "close");
  }
  relay_serializer_.emplace(message);
  if (relay_parser_->is_done()) {
    relay_parser_->get().body().data = nullptr;
    relay_parser_->get().body().size = 0;
    relay_parser_->get().body().more = false;
    return relay_write();
  }
  relay_read();
}

void UpstreamExchange::relay_read() {
  auto& body = relay_parser_->get().body();
  body.data = relay_buffer_.data();
  body.size = relay_buffer_.size();
  connection_->stream.expires_after(pool_->limits().read_timeout);
  http::async_read(connection_->stream, connection_->buffer, *relay_parser_,
                   [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
                     if (ec == http::error::need_buffer) ec = {};
                     if (ec) {
                       self->body_failed(ec);
                       return self->relay_done(ec);
                     }
                     if (self->relay_parser_->is_done()) self->check_trailing();
                     auto& b = self->relay_parser_->get().body();
                     b.size = self->relay_buffer_.size() - b.size;
                     b.data = self->relay_buffer_.data();
                     b.more = !self->relay_parser_->is_done();
                     self->relayed_ += b.size;
                     if (self->tap_ && b.size) self->tap_(std::string_view(self->relay_buffer_.data(), b.size));
                     self->relay_write();
                   });
}

void UpstreamExchange::relay_write() {
  client_written_ = true;
  client_->stream().expires_after(std::chrono::seconds(30));
  http::async_write(
      client_->stream(), *relay_serializer_, [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
        if (ec == http::error::need_buffer) ec = {};
        if (ec) return self->relay_done(ec);
        if (self->relay_serializer_->is_done() || self->relay_parser_->is_done()) {
          if (self->relay_serializer_->is_done())
            return self->relay_done(self->trailing_ ? make_error_code(UpstreamFramingError::trailing_bytes)
                                                    : boost::system::error_code{});
          self->relay_parser_->get().body().data = nullptr;
          self->relay_parser_->get().body().size = 0;
          self->relay_parser_->get().body().more = false;
          return self->relay_write();
        }
        self->relay_read();
      });
}

bool UpstreamExchange::check_trailing() {
  // Bytes already read past the end of the body: the upstream's framing and
  // ours disagree, so this answer is not stored and the connection not pooled.
  if (connection_->buffer.size() == 0) return false;
  trailing_ = true;
  reusable_ = false;
  pool_->note_framing(UpstreamFramingError::trailing_bytes);
  return true;
}

void UpstreamExchange::body_failed(boost::system::error_code ec) {
  reusable_ = false;
  const auto kind = upstream_framing_error(ec);
  if (kind != UpstreamFramingError::none) pool_->note_framing(kind);
}

void UpstreamExchange::relay_done(boost::system::error_code ec) {
  reusable_ = !ec && relay_parser_->is_done() && relay_parser_->keep_alive();
  const auto& relayed = relay_parser_->get();
  const bool client_keep = !ec && relayed.keep_alive();
  auto client = std::move(client_);
  auto handler = std::move(relay_handler_);
  // Failed before a byte went to the client: it can still get a proper 502.
  const bool client_untouched = ec && !client_written_;
  if (handler) handler(ec, relayed_, !client_untouched);
  if (!client_untouched) client->finish(client_keep);
}

}  // namespace edgelab
