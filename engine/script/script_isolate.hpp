#pragma once
// One Lua 5.4 state that runs untrusted scripts: bounded memory, CPU time and
// instructions per call, allow-listed libraries, read-only shared tables, and
// a kill no script can catch. Not thread-safe: one thread uses an isolate at
// a time.
//
// After a kill or any failed load or call (everything but no_such_function)
// the isolate refuses further work with isolate_dead: the failed call may
// have left the script's own tables half-updated, and a kill may have
// stopped a C function halfway. Discard it and build a fresh one; never
// reuse a failed isolate.
//
// Globals a call sets live in that call's environment and vanish with it; a
// script that wants state across calls keeps it in its own tables (locals of
// the main chunk), which is its business: nothing of the host is writable.
//
//   ScriptIsolate isolate;
//   if (auto r = isolate.load(source, "rewrite.lua"); !r.ok()) log(r.message);
//   auto r = isolate.call("on_request", std::array{ScriptValue{path}});
#include "script/script_budget.hpp"
#include "script/script_limits.hpp"
#include "script/script_result.hpp"

#include <lua.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace edgelab {

class ScriptIsolate {
 public:
  explicit ScriptIsolate(const ScriptLimits& limits = {});
  ~ScriptIsolate();
  ScriptIsolate(ScriptIsolate&&) noexcept;
  ScriptIsolate& operator=(ScriptIsolate&&) noexcept;

  // Compiles the source (text only: binary chunks are refused) and runs its
  // main chunk once, under the same limits as a call; what it defines is the
  // script environment every call reads. One script per isolate.
  ScriptResult load(std::string_view source, std::string_view chunk_name);
  // Calls a global function of the loaded script in a fresh coroutine and a
  // fresh call environment (globals the call sets vanish with it).
  ScriptResult call(std::string_view function_name, std::span<const ScriptValue> arguments = {});
  // A read-only global table of strings for scripts (before load()).
  ScriptResult define_host_table(std::string_view name, const ScriptFields& fields);
  // The seed of math.random for the next call; each call advances it, so a
  // sequence of calls after reseed(s) is reproducible.
  void reseed(std::uint64_t seed) { seed_ = seed; }
  // What host functions reach during the following calls (a ScriptCall);
  // the caller clears it after the call.
  void set_host_context(void* context) {
    if (budget_) budget_->set_host_context(context);
  }
  // Whether the loaded script defines a global function of that name.
  bool defines_function(std::string_view name);
  // The global `name` of the loaded script as JSON text (edge.json's rules),
  // or nullopt when it is nil; a value JSON cannot hold is an error.
  ScriptResult global_as_json(std::string_view name);

  bool usable() const { return state_ != nullptr && !dead_; }
  bool killed() const { return budget_ != nullptr && budget_->killed(); }
  ScriptStatus kill_reason() const { return budget_ ? budget_->kill_reason() : ScriptStatus::ok; }
  std::size_t memory_bytes_in_use() const { return budget_ ? budget_->bytes_in_use() : 0; }
  // The memory the isolate holds (its arena's whole region included), beside what Lua asked for.
  std::size_t memory_footprint_bytes() const { return budget_ ? budget_->footprint_bytes() : 0; }
  const ScriptLimits& limits() const { return budget_->limits(); }

 private:
  struct LuaCloser {
    void operator()(lua_State* L) const { lua_close(L); }
  };
  struct RunRequest;
  struct CompileRequest;
  struct HostTableRequest;

  ScriptResult run(RunRequest& request);
  ScriptResult finish(ScriptResult result);
  static int prepare_run(lua_State* L);
  static int compile(lua_State* L);
  static int build_host_table(lua_State* L);
  static void push_argument(lua_State* L, const ScriptValue& value);
  static ScriptResult error_result(lua_State* thread, int status);
  static ScriptValue read_value(lua_State* thread, int index);

  // Declared before state_: lua_close still calls the allocator.
  std::unique_ptr<ScriptBudget> budget_;
  std::unique_ptr<lua_State, LuaCloser> state_;
  std::uint64_t seed_ = 0;
  bool loaded_ = false;
  bool dead_ = false;
};

}  // namespace edgelab
