#include "node/streamed_delivery.hpp"

#include <boost/asio/write.hpp>

namespace edgelab {

StreamedDelivery::StreamedDelivery(HttpExchangePtr client, std::shared_ptr<StreamingBody> body, std::string head,
                                   bool keep_alive, std::chrono::milliseconds send_timeout, DoneHandler done)
    : client_(std::move(client)),
      body_(std::move(body)),
      head_(std::move(head)),
      keep_alive_(keep_alive),
      send_timeout_(send_timeout),
      done_(std::move(done)) {}

void StreamedDelivery::start() {
  net::post(client_->executor(), [self = shared_from_this()] {
    self->client_->stream().expires_after(self->send_timeout_);
    net::async_write(self->client_->stream(), net::buffer(self->head_),
                     [self](boost::system::error_code ec, std::size_t) {
                       if (ec) return self->end(false);
                       self->pump();
                     });
  });
}

void StreamedDelivery::pump() {
  const std::size_t available = body_->available();
  if (available > sent_) {
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
  if (body_->done()) return end(!body_->failed() && sent_ == body_->total());
  if (!body_->wait_for_more(sent_, client_->executor(), [self = shared_from_this()] { self->pump(); })) pump();
}

void StreamedDelivery::end(bool ok) {
  if (done_) done_(ok, sent_);
  // A body cut short closes the connection: the client sees it truncated.
  client_->finish(ok && keep_alive_);
}

}  // namespace edgelab
