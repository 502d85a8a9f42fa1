#pragma once
// edge.json for scripts: encode(value) and decode(text), with edge.json.null
// standing for JSON null (a Lua nil would vanish from arrays and objects).
// Bounded: text at most max_string_bytes either way, nesting at most 64 deep
// (which also ends reference cycles), no NaN or infinity, object keys strings.
// Tables with the keys 1..n exactly encode as arrays, others as objects (an
// empty table as {}).
//
// Lua errors longjmp past C++ destructors, so the C++ side of both directions
// (the text being built, the parsed boost::json::value) lives in a Lua userdata
// whose __gc destroys it: an error at any point leaves it to the collector.
#include <lua.hpp>

namespace edgelab {

class EdgeJson {
 public:
  static constexpr int kMaxDepth = 64;
  // Pushes the json table (plain: the caller makes it read-only).
  static void push(lua_State* L);
  // edge.json.encode as a C function the host can call on a value too.
  static int encode(lua_State* L);

 private:
  static int decode(lua_State* L);
};

}  // namespace edgelab
