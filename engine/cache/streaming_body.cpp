#include "cache/streaming_body.hpp"

#include <boost/asio/post.hpp>

namespace edgelab {

StreamingBody::StreamingBody(std::shared_ptr<std::string> buffer)
    : buffer_(std::move(buffer)), data_(buffer_->data()), total_(buffer_->size()) {}

void StreamingBody::publish(std::size_t available) {
  available_.store(available, std::memory_order_release);
  wake_all();
}

void StreamingBody::finish(bool ok) {
  state_.store(ok ? State::complete : State::failed, std::memory_order_release);
  wake_all();
}

bool StreamingBody::wait_for_more(std::size_t have, boost::asio::any_io_executor ex, std::function<void()> wake) {
  std::lock_guard lock(mutex_);
  // Checked under the lock that wake_all() takes, so no progress is missed.
  if (available() > have || done()) return false;
  waiting_.emplace_back(std::move(ex), std::move(wake));
  return true;
}

void StreamingBody::wake_all() {
  std::vector<std::pair<boost::asio::any_io_executor, std::function<void()>>> waiting;
  {
    std::lock_guard lock(mutex_);
    waiting.swap(waiting_);
  }
  for (auto& [ex, wake] : waiting) boost::asio::post(ex, std::move(wake));
}

}  // namespace edgelab
