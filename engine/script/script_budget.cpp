#include "script/script_budget.hpp"

#include <cstdlib>
#include <ctime>

namespace edgelab {

void* ScriptBudget::allocate(void* ud, void* ptr, std::size_t old_size, std::size_t new_size) noexcept {
  auto* budget = static_cast<ScriptBudget*>(ud);
  // With ptr null, old_size is the kind of object Lua is creating, not a size.
  const std::size_t current = ptr != nullptr ? old_size : 0;
  if (new_size == 0) {
    budget->arena_.reallocate(ptr, current, 0);
    budget->bytes_in_use_ -= current;
    return nullptr;
  }
  if (new_size > current && new_size - current > budget->limits_.memory_bytes - budget->bytes_in_use_) {
    // Killed on the first refusal, even if Lua's emergency collection would
    // let a retry succeed: a script at its limit is not worth nursing, and
    // the outcome stays deterministic.
    budget->kill(ScriptStatus::memory_exceeded);
    return nullptr;
  }
  void* grown = budget->arena_.reallocate(ptr, current, new_size);
  if (grown == nullptr) return nullptr;
  budget->bytes_in_use_ = budget->bytes_in_use_ - current + new_size;
  return grown;
}

ScriptBudget& ScriptBudget::of(lua_State* L) {
  void* ud = nullptr;
  lua_getallocf(L, &ud);
  return *static_cast<ScriptBudget*>(ud);
}

void ScriptBudget::install_hook(lua_State* thread) const {
  lua_sethook(thread, &count_hook, LUA_MASKCOUNT, kHookInterval);
}

void ScriptBudget::begin_call() {
  call_active_ = true;
  ++call_serial_;
  // The thread CPU clock is a system call (~0.3 us), more than a short hook
  // costs: it is read at the call's first hook instead, and the wall time
  // before that counts as CPU (an upper bound of a few microseconds).
  call_cpu_start_us_ = -1;
  call_wall_start_us_ = wall_us();
  instructions_ = 0;
  coroutines_ = 0;
}

bool ScriptBudget::admit_coroutine() {
  if (++coroutines_ <= limits_.max_coroutines) return true;
  kill(ScriptStatus::coroutines_exceeded);
  return false;
}

void ScriptBudget::kill(ScriptStatus reason) {
  if (!killed()) kill_reason_ = reason;  // the first reason is the cause; later ones are consequences
}

void ScriptBudget::raise_kill(lua_State* L) const {
  // A literal: status_text() views static storage, so this frame owns nothing.
  const std::string_view text = status_text(kill_reason_);
  lua_pushlstring(L, text.data(), text.size());
  lua_error(L);
  std::abort();  // lua_error does not return
}

namespace {
std::int64_t clock_us(clockid_t clock) {
  timespec now{};
  clock_gettime(clock, &now);
  return std::int64_t(now.tv_sec) * 1'000'000 + now.tv_nsec / 1000;
}
}  // namespace

std::int64_t ScriptBudget::thread_cpu_us() { return clock_us(CLOCK_THREAD_CPUTIME_ID); }
std::int64_t ScriptBudget::wall_us() { return clock_us(CLOCK_MONOTONIC); }

void ScriptBudget::charge_interval() {
  instructions_ += kHookInterval;
  if (instructions_ > limits_.instructions) kill(ScriptStatus::instructions_exceeded);
  // The thread CPU clock is a system call; the monotonic clock is read in
  // user space (vDSO). A thread cannot use more CPU than wall time passes,
  // so until the wall time passes the limit there is nothing to check.
  else if (call_cpu_start_us_ < 0) {
    first_hook_wall_us_ = wall_us();
    call_cpu_start_us_ = thread_cpu_us();
    // The time before this hook counts as CPU (below): it may already be past the limit.
    if (first_hook_wall_us_ - call_wall_start_us_ > limits_.cpu_us) kill(ScriptStatus::cpu_exceeded);
  } else if (wall_us() - call_wall_start_us_ > limits_.cpu_us &&
             thread_cpu_us() - call_cpu_start_us_ + (first_hook_wall_us_ - call_wall_start_us_) > limits_.cpu_us) {
    kill(ScriptStatus::cpu_exceeded);
  }
}

void ScriptBudget::count_hook(lua_State* L, lua_Debug*) {
  ScriptBudget& budget = of(L);
  if (!budget.call_active_) {
    // Lua code outside a call (a finalizer during lua_close, say) has no
    // budget to run on: stop it at once without blaming the script.
    lua_pushliteral(L, "no script code may run outside a call");
    lua_error(L);
  }
  if (!budget.killed()) budget.charge_interval();
  if (budget.killed()) budget.raise_kill(L);
}

}  // namespace edgelab
