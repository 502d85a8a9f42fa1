#pragma once
// What a script call returns to the host: a status, a message for the log,
// and the values the Lua function returned. No exceptions: a script failing
// is an expected outcome on the request path.
#include <cstdint>

struct lua_State;
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace edgelab {

#define EDGELAB_SCRIPT_STATUSES(X)                                               \
  X(ok, "ok")                                                                    \
  X(syntax_error, "the script does not compile")                                 \
  X(source_too_large, "the script source exceeds max_source_bytes")              \
  X(runtime_error, "the script raised an error")                                 \
  X(no_such_function, "the script defines no function of that name")             \
  X(yielded, "the script yielded out of its call")                               \
  X(cpu_exceeded, "the call used more CPU time than cpu_us")                     \
  X(instructions_exceeded, "the call ran more instructions than its budget")     \
  X(memory_exceeded, "the isolate reached memory_bytes")                         \
  X(coroutines_exceeded, "the call created more coroutines than max_coroutines") \
  X(isolate_dead, "the isolate failed before (killed or errored) and must be discarded")

enum class ScriptStatus : int {
#define EDGELAB_ENUM_ENTRY(name, text) name,
  EDGELAB_SCRIPT_STATUSES(EDGELAB_ENUM_ENTRY)
#undef EDGELAB_ENUM_ENTRY
      count_
};

std::string_view status_name(ScriptStatus s);
std::string_view status_text(ScriptStatus s);

// Kills are the statuses the isolate imposes, as opposed to errors the script
// itself raised or made; a killed isolate refuses every later call.
constexpr bool is_kill(ScriptStatus s) {
  return s == ScriptStatus::cpu_exceeded || s == ScriptStatus::instructions_exceeded ||
         s == ScriptStatus::memory_exceeded || s == ScriptStatus::coroutines_exceeded;
}

// A flat string table: request headers in, response headers out.
using ScriptFields = std::vector<std::pair<std::string, std::string>>;
// Arguments to and results from a call. Tables cross only as ScriptFields
// (string keys; string or number values), never as references into the VM.
// A host object (a request handle) pushed by the host's own function; only
// ever an argument, never a result.
struct ScriptHostObject {
  void (*push)(lua_State* L, void* data) = nullptr;
  void* data = nullptr;
};
using ScriptValue =
    std::variant<std::monostate, bool, std::int64_t, double, std::string, ScriptFields, ScriptHostObject>;

struct ScriptResult {
  ScriptStatus status = ScriptStatus::ok;
  std::string message;  // "chunk:line: text" for script errors
  std::vector<ScriptValue> values;

  bool ok() const { return status == ScriptStatus::ok; }
  bool killed() const { return is_kill(status); }
};

}  // namespace edgelab
