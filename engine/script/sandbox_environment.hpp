#pragma once
// The globals a script sees. Only allow-listed libraries are opened; what a
// script could use to escape, observe addresses or stall the host is removed
// (load, dofile, collectgarbage, print, string.dump, io, os, debug, package)
// or wrapped (pcall and xpcall re-raise a kill, coroutine creation is counted
// and hooked, tostring hides addresses, rawset and setmetatable refuse shared
// tables and finalizers). The shared library tables reach scripts only as
// read-only proxies.
//
// Three tables of environment, innermost first:
//   call environment  one per call, discarded after it: the call's globals;
//   script environment  what the main chunk defined when the script loaded;
//   shared globals  the libraries, never reachable by a script.
#include <lua.hpp>

#include <cstdint>

namespace edgelab {

class SandboxEnvironment {
 public:
  // lua_CFunction for lua_pcall: opens and locks down the libraries.
  static int open(lua_State* L);

  // Pushes a read-only proxy of the table at `index` and records it, so
  // rawset refuses it too.
  static void push_read_only(lua_State* L, int index);
  static void push_shared_globals(lua_State* L) { lua_pushglobaltable(L); }
  static void push_script_environment(lua_State* L);
  // A fresh call environment whose misses fall through to the script's.
  static void push_call_environment(lua_State* L);
  // The seed of math.random for the current call (the original randomseed,
  // hidden from scripts, runs on the call's first draw).
  static void reseed(lua_State* L, std::uint64_t seed);
  // A call environment that its call left as it found it (only _G, pointing
  // at itself) serves the next call too: one table less per call.
  static bool call_environment_untouched(lua_State* L, int index);
  static void keep_call_environment(lua_State* L, int index);

 private:
  static void lock_base(lua_State* L, int globals, int frozen);
  static void lock_coroutine(lua_State* L, int library);
  static int seeded_random(lua_State* L);
  static int kill_checked_call(lua_State* L);
  static int after_kill_checked_call(lua_State* L, int status, lua_KContext context);
  static int guarded_xpcall(lua_State* L);
  static int kill_aware_handler(lua_State* L);
  static int counted_create(lua_State* L);
  static int counted_wrap(lua_State* L);
  static int resume_wrapped(lua_State* L);
  static int address_free_tostring(lua_State* L);
  static int guarded_rawset(lua_State* L);
  static int guarded_setmetatable(lua_State* L);
  static int refuse_write(lua_State* L);
};

}  // namespace edgelab
