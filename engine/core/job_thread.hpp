#pragma once
// A thread of its own for work that must never run on an io thread: the lab's
// faults (killing or reviving a node waits for it to drain or start), edge
// scripts' compiles and self-tests (each may use its whole CPU budget). Jobs
// run one at a time, in order; the queue is bounded so a flood of requests is
// refused, not buffered.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace edgelab {

class JobThread {
 public:
  explicit JobThread(std::size_t max_queued = 32);
  // Finishes the job running now; the jobs still queued are dropped.
  ~JobThread();
  JobThread(const JobThread&) = delete;
  JobThread& operator=(const JobThread&) = delete;

  // False when max_queued jobs are already waiting.
  bool post(std::function<void()> job);

 private:
  void run();

  const std::size_t max_queued_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace edgelab
