#include "script/script_worker.hpp"

namespace edgelab {

bool ScriptWorker::post(std::function<void()> job) {
  // Destroyed at exit after the jobs running then; queued ones hold weak
  // references and callbacks only, so dropping them is safe.
  static JobThread thread(kMaxQueued);
  return thread.post(std::move(job));
}

}  // namespace edgelab
