#include "script/edge_json.hpp"

#include "script/script_budget.hpp"

#include <boost/json.hpp>

#include <cmath>
#include <cstdio>
#include <new>
#include <string>

namespace edgelab {
namespace json = boost::json;
namespace {

// Registry keys and the null sentinel: only their addresses matter.
char kTextHolder = 0;
char kValueHolder = 0;
char kNull = 0;

template <typename T>
int destroy(lua_State* L) {
  static_cast<T*>(lua_touserdata(L, 1))->~T();
  return 0;
}

// A T in a userdata with a __gc that destroys it; left on the stack.
template <typename T>
T* push_holder(lua_State* L, void* key) {
  void* memory = lua_newuserdatauv(L, sizeof(T), 0);
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, key) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_createtable(L, 0, 2);
    lua_pushcfunction(L, &destroy<T>);
    lua_setfield(L, -2, "__gc");
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, key);
  }
  T* object = new (memory) T();  // placement: the userdata owns the storage, __gc the object
  lua_setmetatable(L, -2);
  return object;
}

std::size_t max_string_bytes(lua_State* L) { return ScriptBudget::of(L).limits().max_string_bytes; }

// --- encode ----------------------------------------------------------------

// Appends the value at `index`; nullptr, or a message (a literal) for the caller to raise.
const char* encode_value(lua_State* L, int index, std::string& out, int depth, std::size_t limit);

bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

void append_string(std::string& out, const char* s, std::size_t n) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t i = 0;
  while (i < n) {
    // Runs without anything to escape go in whole: most text is one run.
    std::size_t run = i;
    while (run < n && !needs_escape(static_cast<unsigned char>(s[run]))) ++run;
    out.append(s + i, run - i);
    if (run == n) break;
    const auto c = static_cast<unsigned char>(s[run]);
    if (c == '"') {
      out += "\\\"";
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += "\\u00";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
    i = run + 1;
  }
  out.push_back('"');
}

// 1..n exactly, n > 0: an array.
bool is_array(lua_State* L, int index, lua_Integer* length) {
  const lua_Unsigned n = lua_rawlen(L, index);
  if (n == 0) return false;
  lua_Unsigned keys = 0;
  lua_pushnil(L);
  while (lua_next(L, index) != 0) {
    lua_pop(L, 1);
    if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1 || lua_Unsigned(lua_tointeger(L, -1)) > n) {
      lua_pop(L, 1);
      return false;
    }
    ++keys;
  }
  *length = static_cast<lua_Integer>(n);
  return keys == n;
}

const char* encode_table(lua_State* L, int index, std::string& out, int depth, std::size_t limit) {
  if (depth >= EdgeJson::kMaxDepth) return "edge.json.encode: nested deeper than 64 (or a cycle)";
  if (!lua_checkstack(L, 4)) return "edge.json.encode: out of stack";
  lua_Integer length = 0;
  if (is_array(L, index, &length)) {
    out.push_back('[');
    for (lua_Integer i = 1; i <= length; ++i) {
      if (i > 1) out.push_back(',');
      lua_rawgeti(L, index, i);
      const char* problem = encode_value(L, lua_gettop(L), out, depth + 1, limit);
      lua_pop(L, 1);
      if (problem) return problem;
    }
    out.push_back(']');
    return nullptr;
  }
  out.push_back('{');
  bool first = true;
  lua_pushnil(L);
  while (lua_next(L, index) != 0) {
    if (lua_type(L, -2) != LUA_TSTRING) {
      lua_pop(L, 2);
      return "edge.json.encode: object keys must be strings";
    }
    if (!first) out.push_back(',');
    first = false;
    std::size_t n = 0;
    const char* key = lua_tolstring(L, -2, &n);
    append_string(out, key, n);
    out.push_back(':');
    const char* problem = encode_value(L, lua_gettop(L), out, depth + 1, limit);
    lua_pop(L, 1);
    if (problem) {
      lua_pop(L, 1);
      return problem;
    }
    if (out.size() > limit) {
      lua_pop(L, 1);
      return "edge.json.encode: result longer than max_string_bytes";
    }
  }
  out.push_back('}');
  return nullptr;
}

const char* encode_value(lua_State* L, int index, std::string& out, int depth, std::size_t limit) {
  switch (lua_type(L, index)) {
    case LUA_TNIL:
      out += "null";
      break;
    case LUA_TBOOLEAN:
      out += lua_toboolean(L, index) ? "true" : "false";
      break;
    case LUA_TNUMBER: {
      char number[40];
      if (lua_isinteger(L, index)) {
        std::snprintf(number, sizeof number, "%lld", static_cast<long long>(lua_tointeger(L, index)));
      } else {
        const double v = lua_tonumber(L, index);
        if (!std::isfinite(v)) return "edge.json.encode: NaN and infinity have no JSON form";
        std::snprintf(number, sizeof number, "%.17g", v);
      }
      out += number;
      break;
    }
    case LUA_TSTRING: {
      std::size_t n = 0;
      const char* s = lua_tolstring(L, index, &n);
      append_string(out, s, n);
      break;
    }
    case LUA_TLIGHTUSERDATA:
      if (lua_touserdata(L, index) != &kNull) return "edge.json.encode: a value JSON cannot hold";
      out += "null";
      break;
    case LUA_TTABLE:
      return encode_table(L, index, out, depth, limit);
    default:
      return "edge.json.encode: functions, threads and userdata have no JSON form";
  }
  return out.size() > limit ? "edge.json.encode: result longer than max_string_bytes" : nullptr;
}

// --- decode ----------------------------------------------------------------

void push_value(lua_State* L, const json::value& v) {
  luaL_checkstack(L, 3, "edge.json.decode: nested too deep");
  switch (v.kind()) {
    case json::kind::null:
      lua_pushlightuserdata(L, &kNull);
      break;
    case json::kind::bool_:
      lua_pushboolean(L, v.get_bool());
      break;
    case json::kind::int64:
      lua_pushinteger(L, static_cast<lua_Integer>(v.get_int64()));
      break;
    case json::kind::uint64:
      if (v.get_uint64() <= static_cast<std::uint64_t>(LUA_MAXINTEGER))
        lua_pushinteger(L, static_cast<lua_Integer>(v.get_uint64()));
      else
        lua_pushnumber(L, static_cast<lua_Number>(v.get_uint64()));
      break;
    case json::kind::double_:
      lua_pushnumber(L, v.get_double());
      break;
    case json::kind::string:
      lua_pushlstring(L, v.get_string().data(), v.get_string().size());
      break;
    case json::kind::array: {
      const json::array& a = v.get_array();
      lua_createtable(L, static_cast<int>(std::min<std::size_t>(a.size(), 1 << 20)), 0);
      lua_Integer i = 0;
      for (const json::value& element : a) {
        push_value(L, element);
        lua_rawseti(L, -2, ++i);
      }
      break;
    }
    case json::kind::object: {
      const json::object& o = v.get_object();
      lua_createtable(L, 0, static_cast<int>(std::min<std::size_t>(o.size(), 1 << 20)));
      for (const auto& member : o) {
        lua_pushlstring(L, member.key().data(), member.key().size());
        push_value(L, member.value());
        lua_rawset(L, -3);
      }
      break;
    }
  }
}

// Parses without raising a Lua error (nothing here longjmps): the value goes into
// the holder, or a message comes back.
const char* parse_into(json::value& holder, const char* text, std::size_t length) noexcept {
  try {
    json::parse_options options;
    options.max_depth = EdgeJson::kMaxDepth;
    boost::system::error_code ec;
    json::value parsed = json::parse(json::string_view(text, length), ec, {}, options);
    if (ec == json::error::too_deep) return "edge.json.decode: nested deeper than 64";
    if (ec) return "edge.json.decode: not JSON";
    holder = std::move(parsed);
    return nullptr;
  } catch (const std::bad_alloc&) {
    return "edge.json.decode: out of memory";
  }
}

}  // namespace

void EdgeJson::push(lua_State* L) {
  lua_createtable(L, 0, 3);
  lua_pushcfunction(L, &encode);
  lua_setfield(L, -2, "encode");
  lua_pushcfunction(L, &decode);
  lua_setfield(L, -2, "decode");
  lua_pushlightuserdata(L, &kNull);
  lua_setfield(L, -2, "null");
}

int EdgeJson::encode(lua_State* L) {
  luaL_checkany(L, 1);
  lua_settop(L, 1);
  std::string* out = push_holder<std::string>(L, &kTextHolder);
  const char* problem = nullptr;
  try {
    // Only this file's frames sit between here and an append that may throw.
    problem = encode_value(L, 1, *out, 0, max_string_bytes(L));
  } catch (const std::bad_alloc&) {
    problem = "edge.json.encode: out of memory";
  }
  if (problem) return luaL_error(L, "%s", problem);
  lua_pushlstring(L, out->data(), out->size());
  std::string().swap(*out);
  return 1;
}

int EdgeJson::decode(lua_State* L) {
  std::size_t length = 0;
  const char* text = luaL_checklstring(L, 1, &length);
  if (length > max_string_bytes(L)) return luaL_error(L, "edge.json.decode: text longer than max_string_bytes");
  json::value* holder = push_holder<json::value>(L, &kValueHolder);
  if (const char* problem = parse_into(*holder, text, length)) {
    lua_pushnil(L);
    lua_pushstring(L, problem);
    return 2;
  }
  push_value(L, *holder);
  *holder = nullptr;
  return 1;
}

}  // namespace edgelab
