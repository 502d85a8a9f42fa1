#pragma once
// The body of a response that is still arriving, shared by every client that
// waits on the same fetch. The buffer is sized once from Content-Length and
// never moves; the fetch writes past `available()` and publishes with release
// order, readers read below it. Readers are woken by progress, not by polling.
#include <boost/asio/any_io_executor.hpp>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace edgelab {

class StreamingBody {
 public:
  explicit StreamingBody(std::shared_ptr<std::string> buffer);

  const char* data() const { return data_; }
  std::size_t total() const { return total_; }
  std::size_t available() const { return available_.load(std::memory_order_acquire); }
  bool done() const { return state_.load(std::memory_order_acquire) != State::streaming; }
  bool failed() const { return state_.load(std::memory_order_acquire) == State::failed; }

  // Writer side (the fetch).
  char* writable() { return buffer_->data(); }
  void publish(std::size_t available);
  void finish(bool ok);
  std::shared_ptr<std::string> buffer() const { return buffer_; }

  // Reader side: returns false when there is already more than `have` bytes
  // (or the body is done), so the reader goes on at once; otherwise `wake`
  // is posted to `ex` on the next progress.
  bool wait_for_more(std::size_t have, boost::asio::any_io_executor ex, std::function<void()> wake);

 private:
  enum class State { streaming, complete, failed };
  void wake_all();

  std::shared_ptr<std::string> buffer_;
  const char* data_;
  std::size_t total_;
  std::atomic<std::size_t> available_{0};
  std::atomic<State> state_{State::streaming};
  std::mutex mutex_;
  std::vector<std::pair<boost::asio::any_io_executor, std::function<void()>>> waiting_;
};

}  // namespace edgelab
