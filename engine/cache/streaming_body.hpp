#pragma once
// The body of a response that is still arriving, shared by every client that
// waits on the same fetch. The buffer is sized once from Content-Length and
// never moves; the fetch writes past `available()` and publishes with release
// order, readers read below it. Readers are woken by progress, not by polling.
//
// Readers ask for a whole chunk at a time (wait_for with a target), so that
// an origin sending its body in small pieces costs each of N collapsed
// clients one write per chunk, not one per piece (500 waiters on a 16 KiB
// body that came in 33 reads made 16,500 writes). So that a body that
// trickles still streams, a reader holding some bytes short of its target is
// woken anyway a moment after the last progress (the flush delay): one timer
// per body, never one per reader.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace edgelab {

class StreamingBody : public std::enable_shared_from_this<StreamingBody> {
 public:
  // `ex` runs the flush timer (the fetch's executor).
  StreamingBody(std::shared_ptr<std::string> buffer, boost::asio::any_io_executor ex,
                std::chrono::microseconds flush_delay = std::chrono::milliseconds(2));

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

  // Reader side: returns false when `target` bytes are already there (or the
  // body is done), so the reader goes on at once; otherwise `wake` is posted
  // to `ex` once they are, at the end, or at a flush while the reader holds
  // fewer than available() (it has sent `have`).
  bool wait_for(std::size_t have, std::size_t target, boost::asio::any_io_executor ex, std::function<void()> wake);

 private:
  enum class State { streaming, complete, failed };
  struct Reader {
    std::size_t have;
    std::size_t target;
    boost::asio::any_io_executor ex;
    std::function<void()> wake;
  };
  // Wakes readers whose target is reached (all of them when `everyone`, or
  // those holding less than is available when `flush`).
  void wake(bool everyone, bool flush);
  void arm_flush();

  std::shared_ptr<std::string> buffer_;
  const char* data_;
  std::size_t total_;
  std::atomic<std::size_t> available_{0};
  std::atomic<State> state_{State::streaming};
  std::mutex mutex_;
  std::vector<Reader> waiting_;
  boost::asio::steady_timer flush_timer_;
  std::chrono::microseconds flush_delay_;
  bool flush_armed_ = false;  // under mutex_
};

}  // namespace edgelab
