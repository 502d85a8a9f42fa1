#pragma once
// One background thread per process for script work that must not run on an
// io thread: compiling a deployed script and running its self-tests (each
// test may use its full CPU budget), and refilling warm isolate pools. Jobs
// run in order; a job must not block on another.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace edgelab {

class ScriptWorker {
 public:
  static ScriptWorker& instance();
  ~ScriptWorker();

  void post(std::function<void()> job);

 private:
  ScriptWorker();
  void loop();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace edgelab
