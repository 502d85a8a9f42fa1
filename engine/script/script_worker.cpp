#include "script/script_worker.hpp"

namespace edgelab {

bool ScriptWorker::post(std::function<void()> job) {
  // Destroyed at exit, after the job running then; the jobs still queued are
  // dropped. A deploy's job holds its node and its exchange, so one still
  // queued when the process exits releases them late, after main() has
  // returned: a deploy racing the exit is the case this does not cover.
  static JobThread thread(kMaxQueued);
  return thread.post(std::move(job));
}

}  // namespace edgelab
