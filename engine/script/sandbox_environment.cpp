#include "script/sandbox_environment.hpp"

#include "script/bounded_builtins.hpp"
#include "script/edge_library.hpp"
#include "script/request_api.hpp"
#include "script/response_api.hpp"
#include "script/script_budget.hpp"

namespace edgelab {

namespace {

// Registry keys: only their addresses matter (non-const, so never merged).
char kFrozenTables;
char kScriptEnvironment;
char kCallEnvironmentMeta;
char kCachedCallEnvironment;
char kRandomSeed;

constexpr const char* kRemovedBase[] = {"dofile",         "loadfile", "load", "loadstring", "require",
                                        "collectgarbage", "print",    "warn", "_G"};
constexpr const char* kSharedLibraries[] = {LUA_STRLIBNAME,  LUA_TABLIBNAME, LUA_MATHLIBNAME,
                                            LUA_UTF8LIBNAME, LUA_COLIBNAME,  "edge"};

void open_library(lua_State* L, const char* name, lua_CFunction opener) {
  luaL_requiref(L, name, opener, 1);
  lua_pop(L, 1);
}

// {__index = parent, __metatable = "locked"} on the table at -1.
void set_fallback(lua_State* L, int parent) {
  lua_createtable(L, 0, 2);
  lua_pushvalue(L, parent);
  lua_setfield(L, -2, "__index");
  lua_pushliteral(L, "locked");
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
}

}  // namespace

int SandboxEnvironment::open(lua_State* L) {
  open_library(L, LUA_GNAME, luaopen_base);
  open_library(L, LUA_STRLIBNAME, luaopen_string);
  open_library(L, LUA_TABLIBNAME, luaopen_table);
  open_library(L, LUA_MATHLIBNAME, luaopen_math);
  open_library(L, LUA_UTF8LIBNAME, luaopen_utf8);
  open_library(L, LUA_COLIBNAME, luaopen_coroutine);

  lua_pushglobaltable(L);
  const int globals = lua_gettop(L);
  lua_newtable(L);
  const int frozen = lua_gettop(L);
  lua_pushvalue(L, frozen);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &kFrozenTables);

  lock_base(L, globals, frozen);

  lua_getfield(L, globals, LUA_STRLIBNAME);
  lua_pushnil(L);
  lua_setfield(L, -2, "dump");
  BoundedBuiltins::wrap_string_library(L, -1);
  lua_pop(L, 1);
  // getmetatable("") would hand out the metatable whose __index is the real
  // string library; with __metatable set it returns this string instead.
  lua_pushliteral(L, "");
  lua_getmetatable(L, -1);
  lua_pushliteral(L, "string");
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 2);

  lua_getfield(L, globals, LUA_TABLIBNAME);
  BoundedBuiltins::wrap_table_library(L, -1);
  lua_pop(L, 1);

  // The host seeds each call; a script reseeding would only confuse that.
  lua_getfield(L, globals, LUA_MATHLIBNAME);
  lua_getfield(L, -1, "randomseed");
  lua_rawsetp(L, LUA_REGISTRYINDEX, &kRandomSeed);
  lua_pushnil(L);
  lua_setfield(L, -2, "randomseed");
  // Seeding costs a call into the library: it happens on a call's first
  // math.random, not on every call (most never draw).
  lua_getfield(L, -1, "random");
  lua_pushcclosure(L, &seeded_random, 1);
  lua_setfield(L, -2, "random");
  lua_pop(L, 1);

  lua_getfield(L, globals, LUA_COLIBNAME);
  lock_coroutine(L, lua_gettop(L));
  lua_pop(L, 1);

  EdgeLibrary::push(L);
  lua_setfield(L, globals, "edge");
  ScriptRequestApi::open(L);
  ScriptResponseApi::open(L);

  for (const char* name : kSharedLibraries) {
    lua_getfield(L, globals, name);
    push_read_only(L, -1);
    lua_setfield(L, globals, name);
    lua_pop(L, 1);
  }

  lua_newtable(L);
  set_fallback(L, globals);
  lua_pushvalue(L, -1);
  lua_setfield(L, -2, LUA_GNAME);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &kScriptEnvironment);

  // The cached call environment's slot exists from the start (false): putting
  // one back after a call happens outside a protected call and must not allocate.
  lua_pushboolean(L, 0);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &kCachedCallEnvironment);

  lua_createtable(L, 0, 2);
  push_script_environment(L);
  lua_setfield(L, -2, "__index");
  lua_pushliteral(L, "locked");
  lua_setfield(L, -2, "__metatable");
  lua_rawsetp(L, LUA_REGISTRYINDEX, &kCallEnvironmentMeta);
  return 0;
}

void SandboxEnvironment::lock_base(lua_State* L, int globals, int frozen) {
  for (const char* name : kRemovedBase) {
    lua_pushnil(L);
    lua_setfield(L, globals, name);
  }
  lua_getfield(L, globals, "pcall");
  lua_pushcclosure(L, &kill_checked_call, 1);
  lua_setfield(L, globals, "pcall");
  lua_getfield(L, globals, "xpcall");
  lua_pushcclosure(L, &guarded_xpcall, 1);
  lua_setfield(L, globals, "xpcall");
  lua_pushcfunction(L, &address_free_tostring);
  lua_setfield(L, globals, "tostring");
  lua_getfield(L, globals, "rawset");
  lua_pushvalue(L, frozen);
  lua_pushcclosure(L, &guarded_rawset, 2);
  lua_setfield(L, globals, "rawset");
  lua_getfield(L, globals, "setmetatable");
  lua_pushcclosure(L, &guarded_setmetatable, 1);
  lua_setfield(L, globals, "setmetatable");
}

void SandboxEnvironment::lock_coroutine(lua_State* L, int library) {
  // close runs the coroutine's pending __close handlers and catches their errors.
  for (const char* name : {"resume", "close"}) {
    lua_getfield(L, library, name);
    lua_pushcclosure(L, &kill_checked_call, 1);
    lua_setfield(L, library, name);
  }
  lua_getfield(L, library, "create");
  lua_pushvalue(L, -1);
  lua_pushcclosure(L, &counted_create, 1);
  lua_setfield(L, library, "create");
  lua_pushcclosure(L, &counted_wrap, 1);  // the original create as upvalue
  lua_setfield(L, library, "wrap");
}

void SandboxEnvironment::push_read_only(lua_State* L, int index) {
  index = lua_absindex(L, index);
  lua_newtable(L);
  lua_createtable(L, 0, 3);
  lua_pushvalue(L, index);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, &refuse_write);
  lua_setfield(L, -2, "__newindex");
  lua_pushliteral(L, "read-only");
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
  lua_rawgetp(L, LUA_REGISTRYINDEX, &kFrozenTables);
  lua_pushvalue(L, -2);
  lua_pushboolean(L, 1);
  lua_rawset(L, -3);
  lua_pushvalue(L, index);
  lua_pushboolean(L, 1);
  lua_rawset(L, -3);
  lua_pop(L, 1);
}

void SandboxEnvironment::push_script_environment(lua_State* L) {
  lua_rawgetp(L, LUA_REGISTRYINDEX, &kScriptEnvironment);
}

void SandboxEnvironment::push_call_environment(lua_State* L) {
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &kCachedCallEnvironment) == LUA_TTABLE) {
    lua_pushboolean(L, 0);  // taken out: only a call that leaves it untouched puts it back
    lua_rawsetp(L, LUA_REGISTRYINDEX, &kCachedCallEnvironment);
    return;
  }
  lua_pop(L, 1);
  lua_createtable(L, 0, 1);
  lua_pushvalue(L, -1);
  lua_setfield(L, -2, LUA_GNAME);
  lua_rawgetp(L, LUA_REGISTRYINDEX, &kCallEnvironmentMeta);
  lua_setmetatable(L, -2);
}

void SandboxEnvironment::reseed(lua_State* L, std::uint64_t seed) { ScriptBudget::of(L).set_call_seed(seed); }

bool SandboxEnvironment::call_environment_untouched(lua_State* L, int index) {
  index = lua_absindex(L, index);
  lua_pushnil(L);
  if (lua_next(L, index) == 0) return false;
  std::size_t length = 0;
  const char* key = lua_type(L, -2) == LUA_TSTRING ? lua_tolstring(L, -2, &length) : nullptr;
  const bool only_global = key && length == 2 && key[0] == '_' && key[1] == 'G' && lua_rawequal(L, -1, index);
  lua_pop(L, 1);
  if (!only_global) {
    lua_pop(L, 1);
    return false;
  }
  if (lua_next(L, index) != 0) {
    lua_pop(L, 2);
    return false;
  }
  return true;
}

void SandboxEnvironment::keep_call_environment(lua_State* L, int index) {
  lua_pushvalue(L, index);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &kCachedCallEnvironment);
}

int SandboxEnvironment::seeded_random(lua_State* L) {
  ScriptBudget& budget = ScriptBudget::of(L);
  if (!budget.random_seeded()) {
    lua_rawgetp(L, LUA_REGISTRYINDEX, &kRandomSeed);
    lua_pushinteger(L, lua_Integer(budget.call_seed()));
    lua_call(L, 1, 0);
    budget.mark_random_seeded();
  }
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

// pcall, xpcall and coroutine.resume catch errors, the kill included: after
// the original returns, a killed isolate raises again. lua_callk keeps the
// call yieldable, as the originals are.
int SandboxEnvironment::kill_checked_call(lua_State* L) {
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_callk(L, lua_gettop(L) - 1, LUA_MULTRET, 0, &after_kill_checked_call);
  return after_kill_checked_call(L, LUA_OK, 0);
}

int SandboxEnvironment::after_kill_checked_call(lua_State* L, int, lua_KContext) {
  const ScriptBudget& budget = ScriptBudget::of(L);
  if (budget.killed()) budget.raise_kill(L);
  return lua_gettop(L);
}

// The hook raises the kill from inside the hook, where Lua has disabled
// hooks until the error unwinds; a message handler runs before that unwind,
// so a script's handler would run unhooked and could loop forever. The
// script's handler is therefore called only for errors that are not a kill.
int SandboxEnvironment::guarded_xpcall(lua_State* L) {
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_pushvalue(L, 2);
  lua_pushcclosure(L, &kill_aware_handler, 1);
  lua_replace(L, 2);
  return kill_checked_call(L);
}

int SandboxEnvironment::kill_aware_handler(lua_State* L) {
  if (ScriptBudget::of(L).killed()) return 1;  // the kill message, untouched
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  return 1;
}

int SandboxEnvironment::counted_create(lua_State* L) {
  ScriptBudget& budget = ScriptBudget::of(L);
  if (!budget.admit_coroutine()) budget.raise_kill(L);
  BoundedBuiltins::call_original(L);
  budget.install_hook(lua_tothread(L, -1));
  return 1;
}

int SandboxEnvironment::counted_wrap(lua_State* L) {
  lua_settop(L, 1);
  counted_create(L);
  lua_pushcclosure(L, &resume_wrapped, 1);
  return 1;
}

// coroutine.wrap's function, over a thread made by counted_create. Unlike
// lstrlib's, it does not close a coroutine that died of an error: its pending
// __close handlers are dropped rather than run.
int SandboxEnvironment::resume_wrapped(lua_State* L) {
  lua_State* co = lua_tothread(L, lua_upvalueindex(1));
  const int arguments = lua_gettop(L);
  const int status = lua_status(co);
  if ((status == LUA_OK && lua_gettop(co) == 0) || (status != LUA_OK && status != LUA_YIELD))
    return luaL_error(L, "cannot resume dead coroutine");
  if (!lua_checkstack(co, arguments)) return luaL_error(L, "too many arguments to resume");
  lua_xmove(L, co, arguments);
  int results = 0;
  const int outcome = lua_resume(co, L, arguments, &results);
  const ScriptBudget& budget = ScriptBudget::of(L);
  if (budget.killed()) budget.raise_kill(L);
  if (outcome == LUA_OK || outcome == LUA_YIELD) {
    if (!lua_checkstack(L, results + 1)) return luaL_error(L, "too many results to resume");
    lua_xmove(co, L, results);
    return results;
  }
  lua_xmove(co, L, 1);
  return lua_error(L);
}

int SandboxEnvironment::address_free_tostring(lua_State* L) {
  luaL_checkany(L, 1);
  const int type = lua_type(L, 1);
  const bool has_address = type == LUA_TTABLE || type == LUA_TFUNCTION || type == LUA_TTHREAD ||
                           type == LUA_TUSERDATA || type == LUA_TLIGHTUSERDATA;
  if (has_address && luaL_getmetafield(L, 1, "__tostring") == LUA_TNIL) {
    lua_pushstring(L, lua_typename(L, type));
    return 1;
  }
  lua_settop(L, 1);
  luaL_tolstring(L, 1, nullptr);  // runs __tostring, as Lua code under the hook
  return 1;
}

int SandboxEnvironment::guarded_rawset(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_pushvalue(L, 1);
  if (lua_rawget(L, lua_upvalueindex(2)) != LUA_TNIL) return luaL_error(L, "attempt to modify a read-only table");
  lua_pop(L, 1);
  return BoundedBuiltins::call_original(L);
}

int SandboxEnvironment::guarded_setmetatable(lua_State* L) {
  // A finalizer runs whenever the collector gets to it, lua_close included,
  // outside any call's budget: scripts get none.
  // Raw, as the collector looks it up when the metatable is set.
  if (lua_type(L, 2) == LUA_TTABLE && (lua_pushliteral(L, "__gc"), lua_rawget(L, 2)) != LUA_TNIL)
    return luaL_error(L, "__gc metamethods are not available to scripts");
  lua_settop(L, 2);
  return BoundedBuiltins::call_original(L);
}

int SandboxEnvironment::refuse_write(lua_State* L) { return luaL_error(L, "attempt to modify a read-only table"); }

}  // namespace edgelab
