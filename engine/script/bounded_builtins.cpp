#include "script/bounded_builtins.hpp"

#include "script/pattern_guard.hpp"
#include "script/script_budget.hpp"

#include <cstddef>

namespace edgelab {

namespace {

std::size_t max_string_bytes(lua_State* L) { return ScriptBudget::of(L).limits().max_string_bytes; }

// Elements in [first, last], 0 for an empty range, without overflowing.
lua_Unsigned range_size(lua_Integer first, lua_Integer last) {
  return first > last ? 0 : lua_Unsigned(last) - lua_Unsigned(first) + 1;
}

int refuse_long_result(lua_State* L) {
  std::size_t length = 0;
  if (lua_type(L, -1) == LUA_TSTRING) lua_tolstring(L, -1, &length);
  if (length > max_string_bytes(L)) return luaL_error(L, "result longer than max_string_bytes");
  return 1;
}

}  // namespace

int BoundedBuiltins::call_original(lua_State* L) {
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

void BoundedBuiltins::wrap(lua_State* L, int index, const char* name, lua_CFunction wrapper) {
  index = lua_absindex(L, index);
  lua_getfield(L, index, name);
  lua_pushcclosure(L, wrapper, 1);
  lua_setfield(L, index, name);
}

void BoundedBuiltins::wrap_string_library(lua_State* L, int index) {
  wrap(L, index, "rep", &bounded_rep);
  wrap(L, index, "format", &bounded_format);
  wrap(L, index, "find", &guarded_find);
  wrap(L, index, "match", &guarded_match);
  wrap(L, index, "gmatch", &guarded_gmatch);
  wrap(L, index, "gsub", &guarded_gsub);
}

void BoundedBuiltins::wrap_table_library(lua_State* L, int index) {
  wrap(L, index, "concat", &bounded_concat);
  wrap(L, index, "unpack", &bounded_unpack);
  wrap(L, index, "move", &bounded_move);
  wrap(L, index, "sort", &bounded_sort);
  wrap(L, index, "insert", &bounded_shift);
  wrap(L, index, "remove", &bounded_shift);
}

int BoundedBuiltins::bounded_rep(lua_State* L) {
  std::size_t length = 0, separator_length = 0;
  luaL_checklstring(L, 1, &length);
  const lua_Integer count = luaL_checkinteger(L, 2);
  luaL_optlstring(L, 3, "", &separator_length);
  const std::size_t unit = length + separator_length;
  if (count > 0 && unit == 0) {
    // lstrlib would still loop `count` times copying nothing: (""):rep(2^62).
    lua_pushliteral(L, "");
    return 1;
  }
  if (count > 0 && lua_Unsigned(count) > max_string_bytes(L) / unit)
    return luaL_error(L, "string.rep result would be longer than max_string_bytes");
  return call_original(L);
}

int BoundedBuiltins::bounded_format(lua_State* L) {
  std::size_t length = 0;
  const char* format = luaL_checklstring(L, 1, &length);
  // %p prints an address; addresses help an attacker and differ run to run.
  for (std::size_t i = 0; i < length; ++i) {
    if (format[i] != '%') continue;
    ++i;
    while (i < length && (format[i] == '-' || format[i] == '+' || format[i] == ' ' || format[i] == '#' ||
                          format[i] == '.' || (format[i] >= '0' && format[i] <= '9')))
      ++i;
    if (i < length && format[i] == 'p') return luaL_error(L, "string.format: %%p is not available");
  }
  // %s of a table would print "table: 0x...": give it the plain type name,
  // as tostring does, unless the value has its own __tostring.
  const int top = lua_gettop(L);
  for (int arg = 2; arg <= top; ++arg) {
    const int type = lua_type(L, arg);
    if (type != LUA_TTABLE && type != LUA_TFUNCTION && type != LUA_TTHREAD && type != LUA_TUSERDATA &&
        type != LUA_TLIGHTUSERDATA)
      continue;
    if (luaL_getmetafield(L, arg, "__tostring") != LUA_TNIL) {
      lua_pop(L, 1);
      continue;
    }
    lua_pushstring(L, lua_typename(L, type));
    lua_replace(L, arg);
  }
  call_original(L);
  return refuse_long_result(L);
}

int BoundedBuiltins::guard_pattern(lua_State* L, bool anchor_allowed) {
  std::size_t subject_length = 0, pattern_length = 0;
  const char* subject = luaL_checklstring(L, 1, &subject_length);
  const char* pattern = luaL_checklstring(L, 2, &pattern_length);
  const char* reason = PatternGuard::refuse_reason({subject, subject_length}, {pattern, pattern_length},
                                                   anchor_allowed, max_string_bytes(L));
  if (reason != nullptr) return luaL_error(L, "%s", reason);
  return call_original(L);
}

int BoundedBuiltins::guarded_find(lua_State* L) {
  std::size_t subject_length = 0, pattern_length = 0;
  const char* subject = luaL_checklstring(L, 1, &subject_length);
  const char* pattern = luaL_checklstring(L, 2, &pattern_length);
  const std::string_view needle(pattern, pattern_length);
  if (!lua_toboolean(L, 4) && PatternGuard::has_specials(needle)) return guard_pattern(L, true);
  const char* reason = PatternGuard::refuse_plain_reason({subject, subject_length}, needle, max_string_bytes(L));
  if (reason != nullptr) return luaL_error(L, "%s", reason);
  return call_original(L);
}
int BoundedBuiltins::guarded_match(lua_State* L) { return guard_pattern(L, true); }
int BoundedBuiltins::guarded_gmatch(lua_State* L) { return guard_pattern(L, false); }
int BoundedBuiltins::guarded_gsub(lua_State* L) { return guard_pattern(L, true); }

int BoundedBuiltins::bounded_concat(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_optlstring(L, 2, "", nullptr);
  const lua_Integer first = luaL_optinteger(L, 3, 1);
  const lua_Integer last = lua_isnoneornil(L, 4) ? luaL_len(L, 1) : luaL_checkinteger(L, 4);
  if (range_size(first, last) > lua_Unsigned(ScriptBudget::of(L).limits().max_table_range))
    return luaL_error(L, "table.concat range larger than max_table_range");
  lua_settop(L, 2);
  if (lua_isnil(L, 2)) {
    lua_pushliteral(L, "");
    lua_replace(L, 2);
  }
  lua_pushinteger(L, first);
  lua_pushinteger(L, last);
  call_original(L);
  return refuse_long_result(L);
}

int BoundedBuiltins::bounded_unpack(lua_State* L) {
  const lua_Integer first = luaL_optinteger(L, 2, 1);
  const lua_Integer last = lua_isnoneornil(L, 3) ? luaL_len(L, 1) : luaL_checkinteger(L, 3);
  if (range_size(first, last) > lua_Unsigned(ScriptBudget::of(L).limits().max_unpack_elements))
    return luaL_error(L, "table.unpack range larger than max_unpack_elements");
  lua_settop(L, 1);
  lua_pushinteger(L, first);
  lua_pushinteger(L, last);
  return call_original(L);
}

int BoundedBuiltins::bounded_sort(lua_State* L) {
  if (lua_isnoneornil(L, 2) && luaL_len(L, 1) > ScriptBudget::of(L).limits().max_sort_elements)
    return luaL_error(L, "table.sort without a comparator on more than max_sort_elements");
  return call_original(L);
}

int BoundedBuiltins::bounded_shift(lua_State* L) {
  // insert and remove shift every element after the position, up to #t; a
  // __len answering 1e15 would make that a C loop of 1e15 steps.
  if (luaL_len(L, 1) > ScriptBudget::of(L).limits().max_table_range)
    return luaL_error(L, "table length larger than max_table_range");
  return call_original(L);
}

int BoundedBuiltins::bounded_move(lua_State* L) {
  const lua_Integer first = luaL_checkinteger(L, 2);
  const lua_Integer last = luaL_checkinteger(L, 3);
  if (range_size(first, last) > lua_Unsigned(ScriptBudget::of(L).limits().max_table_range))
    return luaL_error(L, "table.move range larger than max_table_range");
  return call_original(L);
}

}  // namespace edgelab
