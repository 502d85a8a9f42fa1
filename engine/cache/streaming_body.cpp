#include "cache/streaming_body.hpp"

#include <boost/asio/post.hpp>

namespace edgelab {

StreamingBody::StreamingBody(std::shared_ptr<std::string> buffer, boost::asio::any_io_executor ex,
                             std::chrono::microseconds flush_delay)
    : buffer_(std::move(buffer)),
      data_(buffer_->data()),
      total_(buffer_->size()),
      flush_timer_(std::move(ex)),
      flush_delay_(flush_delay) {}

void StreamingBody::publish(std::size_t available) {
  available_.store(available, std::memory_order_release);
  wake(false, false);
}

void StreamingBody::finish(bool ok) {
  state_.store(ok ? State::complete : State::failed, std::memory_order_release);
  wake(true, false);
}

bool StreamingBody::wait_for(std::size_t have, std::size_t target, boost::asio::any_io_executor ex,
                             std::function<void()> wake_reader) {
  std::lock_guard lock(mutex_);
  // Checked under the lock that wake() takes, so no progress is missed.
  if (available() >= target || done()) return false;
  waiting_.push_back(Reader{have, target, std::move(ex), std::move(wake_reader)});
  if (available() > have) arm_flush();
  return true;
}

void StreamingBody::arm_flush() {
  if (flush_armed_) return;
  flush_armed_ = true;
  flush_timer_.expires_after(flush_delay_);
  flush_timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
    {
      std::lock_guard lock(self->mutex_);
      self->flush_armed_ = false;
    }
    if (!ec) self->wake(false, true);
  });
}

void StreamingBody::wake(bool everyone, bool flush) {
  std::vector<Reader> woken;
  {
    std::lock_guard lock(mutex_);
    const std::size_t now = available();
    bool short_of_target = false;
    std::vector<Reader> still;
    for (auto& r : waiting_) {
      if (everyone || now >= r.target || (flush && now > r.have)) {
        woken.push_back(std::move(r));
      } else {
        short_of_target = short_of_target || now > r.have;
        still.push_back(std::move(r));
      }
    }
    waiting_.swap(still);
    // Progress that reached nobody's target: flush it a moment later unless
    // more comes first (the next progress re-checks the targets).
    if (short_of_target && !everyone) arm_flush();
  }
  for (auto& r : woken) boost::asio::post(r.ex, std::move(r.wake));
}

}  // namespace edgelab
