#pragma once
// A deployed script version: its source, settings and hooks, compiled once
// and then run on isolates (script_isolate.hpp), one per io thread, taken
// from a warm pool so no request waits for one to be built. Immutable once
// made; a node swaps whole programs, so a request in flight finishes on the
// version it started with (it holds the shared_ptr).
//
// An isolate that fails (a kill, an error) is dropped from its thread and
// replaced from the pool; the pool is refilled by the ScriptWorker thread.
#include "metrics/latency_histogram.hpp"
#include "script/script_call.hpp"
#include "script/script_isolate.hpp"

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace edgelab {

enum class ScriptFailMode : std::uint8_t { open, closed };
std::string_view fail_mode_name(ScriptFailMode mode);

struct ScriptSettings {
  ScriptFailMode fail = ScriptFailMode::open;
  ScriptLimits limits;
};

struct ScriptCounters {
  std::atomic<std::uint64_t> invocations{0};
  std::atomic<std::uint64_t> errors{0};  // the script raised (or returned from a yield)
  std::array<std::atomic<std::uint64_t>, std::size_t(ScriptStatus::count_)> by_status{};
  std::atomic<std::uint64_t> failed_open{0};
  std::atomic<std::uint64_t> failed_closed{0};
  std::atomic<std::uint64_t> isolates_built{0};
  std::atomic<std::uint64_t> cold_builds{0};  // built on a request because the pool was empty
  std::atomic<std::uint64_t> logs{0};
  std::atomic<std::uint64_t> logs_dropped{0};
  std::atomic<std::uint64_t> memory_bytes{0};  // an isolate's memory after its latest call
  std::atomic<std::uint64_t> memory_peak_bytes{0};
  LatencyHistogram call_ns;  // wall time of each hook call, in nanoseconds (the call is CPU-bound)
};

class ScriptProgram : public std::enable_shared_from_this<ScriptProgram> {
 public:
  // Compiles the source in a fresh isolate and finds its hooks; nullptr and
  // `error` ("name:line: message") when it does not load. Self-tests are
  // run separately (script_self_tests.hpp).
  static std::shared_ptr<ScriptProgram> compile(std::string source, std::string name, ScriptSettings settings,
                                                std::string& error);
  ScriptProgram(std::string source, std::string name, ScriptSettings settings);
  ~ScriptProgram();

  const std::string& version() const { return version_; }  // the source's SHA-256, hex, first 16 digits
  const std::string& name() const { return name_; }
  const std::string& source() const { return source_; }
  const ScriptSettings& settings() const { return settings_; }
  bool defines(ScriptHook hook) const { return hooks_[std::size_t(hook)]; }
  bool defines_any() const;
  std::int64_t deployed_at() const { return deployed_at_; }  // Unix seconds
  void set_deployed_at(std::int64_t at) { deployed_at_ = at; }
  ScriptCounters& counters() const { return counters_; }

  // Runs `hook` on this thread's isolate with `call` as its host context.
  // Counts it; a failed isolate is discarded.
  ScriptResult run(ScriptHook hook, ScriptCall& call) const;
  // A fresh isolate with the script loaded (self-tests, `script run`).
  std::unique_ptr<ScriptIsolate> build_isolate() const;

  // Builds `count` isolates into the warm pool now (at deploy).
  void prewarm(std::size_t count) const;
  std::size_t warm_isolates() const;

 private:
  ScriptIsolate* thread_isolate() const;
  void discard_thread_isolate() const;
  std::unique_ptr<ScriptIsolate> take_warm() const;
  void request_refill() const;

  std::string source_;
  std::string name_;
  ScriptSettings settings_;
  std::string version_;
  std::array<bool, kScriptHookCount> hooks_{};
  std::uint64_t id_;
  std::int64_t deployed_at_ = 0;
  mutable ScriptCounters counters_;
  mutable std::mutex pool_mutex_;
  mutable std::vector<std::unique_ptr<ScriptIsolate>> warm_;
  mutable bool refill_pending_ = false;
};

using ScriptProgramPtr = std::shared_ptr<const ScriptProgram>;

}  // namespace edgelab
