#pragma once
// Host objects in Lua (req, resp, their headers, ctx, read-only views): full
// userdata that hold nothing but the serial of the call they were made for.
// Every access checks the serial against the isolate's current call, so a
// handle a script keeps in its own tables is dead in the next request.
// Their metatables are locked (__metatable), and there is no rawset on a
// userdata: a script cannot change them.
//
// These helpers run inside Lua C functions, whose errors longjmp: they keep
// no C++ object with a destructor alive across a Lua call that may raise.
#include "script/script_call.hpp"

#include <lua.hpp>

#include <cstdint>
#include <string_view>

namespace edgelab {

enum class HandleKind : std::uint32_t { request, request_headers, response_headers, response, context, count_ };

class HostHandle {
 public:
  // Creates the metatable of `kind` (kept in the registry under a light key:
  // a handle is made for every hook call, so its lookup must be cheap).
  static void register_type(lua_State* L, HandleKind kind, lua_CFunction index, lua_CFunction newindex);
  // A kind with methods only: __index is a table of them, which Lua looks up
  // without calling into C (each method checks its handle).
  static void register_methods(lua_State* L, HandleKind kind, const luaL_Reg* methods);
  // Pushes a new handle of `kind` with `user_values` slots (lazily built members).
  static void push_new(lua_State* L, HandleKind kind, int user_values);
  // The call a handle at `index` belongs to; raises when it is not a handle of
  // that kind or its call is over.
  static ScriptCall& check(lua_State* L, int index, HandleKind kind);
  // The current call, for functions without a handle (edge.now); raises outside a hook.
  static ScriptCall& current(lua_State* L, const char* function_name);

  // A read-only view of the table at the top of the stack (replaces it).
  static void push_view(lua_State* L);
  static void open_view_type(lua_State* L);

  // Raises a Lua error with this text (no formatting).
  [[noreturn]] static void raise(lua_State* L, std::string_view message);
  [[noreturn]] static void raise2(lua_State* L, std::string_view prefix, std::string_view message);

  static bool key_is(lua_State* L, int index, std::string_view name);
  // The string at `index` (a number converts), or raises naming the argument.
  static std::string_view check_text(lua_State* L, int index, const char* what);

 private:
  static int view_index(lua_State* L);
  static int view_len(lua_State* L);
  static int view_pairs(lua_State* L);
  static int view_next(lua_State* L);
  static int refuse_write(lua_State* L);
};

}  // namespace edgelab
