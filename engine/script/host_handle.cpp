#include "script/host_handle.hpp"

#include "script/script_budget.hpp"

#include <cstdlib>
#include <cstring>

namespace edgelab {
namespace {

constexpr const char* kViewType = "edgelab.view";

// Only these userdata reach scripts (the sandbox opens no library that makes
// others), and the magic tells a handle from a view or anything else.
constexpr std::uint32_t kHandleMagic = 0xED6E1AB5;

struct Handle {
  std::uint32_t magic;
  HandleKind kind;
  std::uint64_t serial;
};

char kMetatables[std::size_t(HandleKind::count_)];  // registry keys: their addresses
constexpr const char* kKindNames[] = {"req", "request headers", "response headers", "resp", "ctx"};

}  // namespace

void HostHandle::register_type(lua_State* L, HandleKind kind, lua_CFunction index, lua_CFunction newindex) {
  lua_createtable(L, 0, 3);
  lua_pushcfunction(L, index);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, newindex ? newindex : &refuse_write);
  lua_setfield(L, -2, "__newindex");
  lua_pushliteral(L, "locked");
  lua_setfield(L, -2, "__metatable");
  lua_rawsetp(L, LUA_REGISTRYINDEX, &kMetatables[std::size_t(kind)]);
}

void HostHandle::register_methods(lua_State* L, HandleKind kind, const luaL_Reg* methods) {
  lua_createtable(L, 0, 3);
  lua_newtable(L);  // reachable only through the handles: getmetatable answers "locked"
  luaL_setfuncs(L, methods, 0);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, &refuse_write);
  lua_setfield(L, -2, "__newindex");
  lua_pushliteral(L, "locked");
  lua_setfield(L, -2, "__metatable");
  lua_rawsetp(L, LUA_REGISTRYINDEX, &kMetatables[std::size_t(kind)]);
}

void HostHandle::push_new(lua_State* L, HandleKind kind, int user_values) {
  auto* handle = static_cast<Handle*>(lua_newuserdatauv(L, sizeof(Handle), user_values));
  handle->magic = kHandleMagic;
  handle->kind = kind;
  handle->serial = ScriptBudget::of(L).call_serial();
  lua_rawgetp(L, LUA_REGISTRYINDEX, &kMetatables[std::size_t(kind)]);
  lua_setmetatable(L, -2);
}

ScriptCall& HostHandle::check(lua_State* L, int index, HandleKind kind) {
  auto* handle = lua_type(L, index) == LUA_TUSERDATA && lua_rawlen(L, index) == sizeof(Handle)
                     ? static_cast<Handle*>(lua_touserdata(L, index))
                     : nullptr;
  if (!handle || handle->magic != kHandleMagic || handle->kind != kind) {
    lua_pushfstring(L, "expected a %s handle (use the ':' call syntax)", kKindNames[std::size_t(kind)]);
    lua_error(L);
  }
  const ScriptBudget& budget = ScriptBudget::of(L);
  auto* call = static_cast<ScriptCall*>(budget.host_context());
  if (!call || handle->serial != budget.call_serial())
    raise(L, "this handle belongs to a hook call that has ended (keep values, not handles, across requests)");
  return *call;
}

ScriptCall& HostHandle::current(lua_State* L, const char* function_name) {
  auto* call = static_cast<ScriptCall*>(ScriptBudget::of(L).host_context());
  if (!call) {
    lua_pushfstring(L, "%s is available inside hooks only", function_name);
    lua_error(L);
  }
  return *call;
}

void HostHandle::raise(lua_State* L, std::string_view message) {
  lua_pushlstring(L, message.data(), message.size());
  lua_error(L);
  std::abort();
}

void HostHandle::raise2(lua_State* L, std::string_view prefix, std::string_view message) {
  luaL_where(L, 1);
  lua_pushlstring(L, prefix.data(), prefix.size());
  lua_pushlstring(L, message.data(), message.size());
  lua_concat(L, 3);
  lua_error(L);
  std::abort();
}

bool HostHandle::key_is(lua_State* L, int index, std::string_view name) {
  std::size_t length = 0;
  const char* key = lua_tolstring(L, index, &length);
  return key && length == name.size() && std::memcmp(key, name.data(), length) == 0;
}

std::string_view HostHandle::check_text(lua_State* L, int index, const char* what) {
  const int type = lua_type(L, index);
  if (type != LUA_TSTRING && type != LUA_TNUMBER) {
    lua_pushfstring(L, "%s must be a string", what);
    lua_error(L);
  }
  std::size_t length = 0;
  const char* text = lua_tolstring(L, index, &length);
  return {text, length};
}

// --- read-only views -------------------------------------------------------

void HostHandle::open_view_type(lua_State* L) {
  luaL_newmetatable(L, kViewType);
  lua_pushcfunction(L, &view_index);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, &refuse_write);
  lua_setfield(L, -2, "__newindex");
  lua_pushcfunction(L, &view_len);
  lua_setfield(L, -2, "__len");
  lua_pushcfunction(L, &view_pairs);
  lua_setfield(L, -2, "__pairs");
  lua_pushliteral(L, "read-only");
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);
}

void HostHandle::push_view(lua_State* L) {
  lua_newuserdatauv(L, 0, 1);
  lua_insert(L, -2);
  lua_setiuservalue(L, -2, 1);
  luaL_setmetatable(L, kViewType);
}

int HostHandle::view_index(lua_State* L) {
  lua_getiuservalue(L, 1, 1);
  lua_pushvalue(L, 2);
  lua_rawget(L, -2);
  return 1;
}

int HostHandle::view_len(lua_State* L) {
  lua_getiuservalue(L, 1, 1);
  lua_pushinteger(L, lua_Integer(lua_rawlen(L, -1)));
  return 1;
}

int HostHandle::view_pairs(lua_State* L) {
  lua_getiuservalue(L, 1, 1);
  lua_pushcclosure(L, &view_next, 1);  // the data only as an upvalue: a script never holds it
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

int HostHandle::view_next(lua_State* L) {
  lua_settop(L, 2);
  if (lua_next(L, lua_upvalueindex(1)) == 0) return 0;  // the key at 2 is replaced
  return 2;
}

int HostHandle::refuse_write(lua_State* L) { raise(L, "attempt to change a read-only host object"); }

}  // namespace edgelab
