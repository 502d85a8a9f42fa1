#include "script/script_worker.hpp"

namespace edgelab {

ScriptWorker& ScriptWorker::instance() {
  static ScriptWorker worker;
  return worker;
}

ScriptWorker::ScriptWorker() : thread_([this] { loop(); }) {}

ScriptWorker::~ScriptWorker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void ScriptWorker::post(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(job));
  }
  wake_.notify_one();
}

void ScriptWorker::loop() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;  // pending jobs hold only weak references and callbacks: dropping them is safe
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    try {
      job();
    } catch (...) {
      // A job reports its own failures; one that throws must not end the worker.
    }
  }
}

}  // namespace edgelab
