#pragma once
// Library functions whose work happens inside one C call, where the count
// hook cannot interrupt: their input is bounded before they run. Each wrapper
// keeps the original function as its upvalue and calls it once the arguments
// pass. The wrappers own no C++ objects, since a Lua error longjmps past them.
#include <lua.hpp>

namespace edgelab {

class BoundedBuiltins {
 public:
  // The table at `index` is the real string (or table) library, the one the
  // string metatable's __index reaches too, so s:rep() is bounded as well.
  static void wrap_string_library(lua_State* L, int index);
  static void wrap_table_library(lua_State* L, int index);

  // Calls upvalue 1 with the whole stack as arguments; returns all results.
  static int call_original(lua_State* L);

 private:
  static void wrap(lua_State* L, int index, const char* name, lua_CFunction wrapper);
  static int bounded_rep(lua_State* L);
  static int bounded_format(lua_State* L);
  static int guarded_find(lua_State* L);
  static int guarded_match(lua_State* L);
  static int guarded_gmatch(lua_State* L);
  static int guarded_gsub(lua_State* L);
  static int guard_pattern(lua_State* L, bool anchor_allowed);
  static int bounded_concat(lua_State* L);
  static int bounded_unpack(lua_State* L);
  static int bounded_move(lua_State* L);
  static int bounded_sort(lua_State* L);
  static int bounded_shift(lua_State* L);
};

}  // namespace edgelab
