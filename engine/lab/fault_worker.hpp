#pragma once
// A thread of its own for the lab's faults: killing or reviving a node waits
// for it to drain or start, which must never happen on an io thread (the API
// that asks for the fault runs on one). Jobs run one at a time, in order; the
// queue is bounded so a flood of fault requests is refused, not buffered.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace edgelab {

class FaultWorker {
 public:
  static constexpr std::size_t kMaxQueued = 32;

  FaultWorker();
  // Finishes the job running now; the jobs still queued are dropped.
  ~FaultWorker();
  FaultWorker(const FaultWorker&) = delete;
  FaultWorker& operator=(const FaultWorker&) = delete;

  // False when kMaxQueued jobs are already waiting.
  bool post(std::function<void()> job);

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace edgelab
