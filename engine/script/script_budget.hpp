#pragma once
// The accounting behind one isolate: the allocator that refuses beyond the
// memory limit and the count hook that stops a call over its CPU time or
// instruction budget. Once it has killed the isolate it stays killed: every
// later hook raises again, so a script cannot catch the kill and go on.
#include "script/isolate_arena.hpp"
#include "script/script_limits.hpp"
#include "script/script_result.hpp"

#include <lua.hpp>

#include <cstddef>
#include <cstdint>

namespace edgelab {

class ScriptBudget {
 public:
  // Instructions between two hook calls. The interval hardly matters for
  // speed: with any count hook set, PUC Lua routes every instruction through
  // its hook check, which costs about 2x on pure Lua code (fib(27): 12 ms
  // plain, 27 ms hooked, the same with an interval of 100'000). A smaller
  // interval only makes the kill land sooner.
  static constexpr int kHookInterval = 1000;

  explicit ScriptBudget(const ScriptLimits& limits) : limits_(limits) {}
  ScriptBudget(const ScriptBudget&) = delete;
  ScriptBudget& operator=(const ScriptBudget&) = delete;

  // lua_Alloc; `ud` is the ScriptBudget.
  static void* allocate(void* ud, void* ptr, std::size_t old_size, std::size_t new_size) noexcept;
  // The budget of any thread of the isolate (the allocator's user data).
  static ScriptBudget& of(lua_State* L);

  // Hooks a thread: every coroutine of a call needs it, hooks are per thread.
  void install_hook(lua_State* thread) const;

  void begin_call();
  void end_call() { call_active_ = false; }
  // Numbers the calls: a host object made for one call (a request handle)
  // carries its serial, so a script that keeps it finds it dead in the next.
  std::uint64_t call_serial() const { return call_serial_; }
  // What the host lends the current call (a ScriptCall), null outside one.
  void set_host_context(void* context) { host_context_ = context; }
  void* host_context() const { return host_context_; }
  // math.random is seeded on its first use in a call, from this seed.
  void set_call_seed(std::uint64_t seed) { call_seed_ = seed; }
  std::uint64_t call_seed() const { return call_seed_; }
  bool random_seeded() const { return seeded_serial_ == call_serial_; }
  void mark_random_seeded() { seeded_serial_ = call_serial_; }

  // Counts a coroutine of the current call; false (and killed) over the limit.
  bool admit_coroutine();

  void kill(ScriptStatus reason);
  bool killed() const { return kill_reason_ != ScriptStatus::ok; }
  ScriptStatus kill_reason() const { return kill_reason_; }
  // Raises the kill as a Lua error. Call only from a Lua C function or hook,
  // with no C++ object alive in the calling frame (the error longjmps).
  [[noreturn]] void raise_kill(lua_State* L) const;

  std::size_t bytes_in_use() const { return bytes_in_use_; }
  // What the isolate holds: its arena's region and the blocks outside it.
  std::size_t footprint_bytes() const { return arena_.footprint_bytes(); }
  const ScriptLimits& limits() const { return limits_; }

 private:
  static void count_hook(lua_State* L, lua_Debug* ar);
  static std::int64_t thread_cpu_us();
  static std::int64_t wall_us();
  void charge_interval();

  ScriptLimits limits_;
  IsolateArena arena_;
  std::size_t bytes_in_use_ = 0;
  ScriptStatus kill_reason_ = ScriptStatus::ok;
  bool call_active_ = false;
  std::int64_t call_cpu_start_us_ = -1;  // -1: not read yet in this call
  std::int64_t call_wall_start_us_ = 0;
  std::int64_t first_hook_wall_us_ = 0;
  std::int64_t instructions_ = 0;
  int coroutines_ = 0;
  std::uint64_t call_serial_ = 0;
  void* host_context_ = nullptr;
  std::uint64_t call_seed_ = 0;
  std::uint64_t seeded_serial_ = 0;
};

}  // namespace edgelab
