#include "node/streamed_delivery.hpp"

#include <boost/asio/write.hpp>

#include <algorithm>
#include <array>

namespace edgelab {

StreamedDelivery::StreamedDelivery(HttpExchangePtr client, std::shared_ptr<StreamingBody> body, std::string head,
                                   bool keep_alive, std::chrono::milliseconds send_timeout, DoneHandler done,
                                   Window window)
    : client_(std::move(client)),
      body_(std::move(body)),
      head_(std::move(head)),
      keep_alive_(keep_alive),
      send_timeout_(send_timeout),
      done_(std::move(done)),
      sent_(window.first),
      first_(window.first),
      end_(std::min(window.end, body_->total())) {}

void StreamedDelivery::start() {
  net::post(client_->executor(), [self = shared_from_this()] {
    // The head and the body bytes already in go out in one write: for the
    // many waiters a collapsed fetch releases at once, one segment (and one
    // wake-up of the client) each instead of two.
    const std::size_t available = std::min(self->body_->available(), self->end_);
    const std::size_t from = self->sent_;
    const std::size_t body_now = available > from ? available - from : 0;
    self->sent_ += body_now;
    const std::array<net::const_buffer, 2> buffers{net::buffer(self->head_),
                                                   net::buffer(self->body_->data() + from, body_now)};
    self->client_->stream().expires_after(self->send_timeout_);
    net::async_write(self->client_->stream(), buffers, [self](boost::system::error_code ec, std::size_t) {
      if (ec) return self->end(false);
      self->pump();
    });
  });
}

void StreamedDelivery::pump() {
  const std::size_t available = std::min(body_->available(), end_);
  // A chunk at a time (or the rest, or what a flush hands over): see streaming_body.hpp.
  if (available > sent_ && (available - sent_ >= kChunk || available == end_ || body_->done() || flushed_)) {
    flushed_ = false;
    const std::size_t from = sent_;
    sent_ = available;
    client_->stream().expires_after(send_timeout_);
    net::async_write(client_->stream(), net::buffer(body_->data() + from, available - from),
                     [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
                       if (ec) return self->end(false);
                       self->pump();
                     });
    return;
  }
  if (sent_ == end_) return end(true);  // the window is sent, whatever the rest of the fetch does
  if (body_->done()) return end(!body_->failed() && sent_ == end_);
  const std::size_t target = std::min(end_, sent_ + kChunk);
  auto self = shared_from_this();
  if (!body_->wait_for(sent_, target, client_->executor(), [self] {
        // Woken short of the target: a flush, so send what there is.
        self->flushed_ = std::min(self->body_->available(), self->end_) < std::min(self->end_, self->sent_ + kChunk);
        self->pump();
      }))
    pump();
}

void StreamedDelivery::end(bool ok) {
  if (done_) done_(ok, sent_ - std::min(sent_, first_));
  // A body cut short closes the connection: the client sees it truncated.
  client_->finish(ok && keep_alive_);
}

}  // namespace edgelab
