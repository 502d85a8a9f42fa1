#pragma once
// The process's thread for script work that must not run on an io thread:
// compiling a deployed script and running its self-tests (each test may use
// its full CPU budget), and refilling warm isolate pools.
#include "core/job_thread.hpp"

namespace edgelab {

class ScriptWorker {
 public:
  static constexpr std::size_t kMaxQueued = 64;
  // False (the job dropped) when kMaxQueued jobs are waiting.
  static bool post(std::function<void()> job);
};

}  // namespace edgelab
