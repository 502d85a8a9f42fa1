#pragma once
// `resp` and `ctx`, as scripts see them:
//   resp.status (assignable: 200..599 but 204 and 304)  resp.headers  resp.request (req, read-only)
//   resp:set_ttl(seconds)  resp:add_tag(tag)  resp:uncacheable()   (on_origin_response only)
//   ctx.key = value   a per-request table shared by the request's hooks;
//                     values are strings, numbers or booleans (it crosses threads)
#include <lua.hpp>

namespace edgelab {

class ScriptResponseApi {
 public:

  static void open(lua_State* L);
  // ScriptHostObject::push functions; `data` is unused.
  static void push_response(lua_State* L, void* data);
  static void push_context(lua_State* L, void* data);

 private:
  static int response_index(lua_State* L);
  static int response_newindex(lua_State* L);
  static int set_ttl(lua_State* L);
  static int add_tag(lua_State* L);
  static int uncacheable(lua_State* L);
  static int context_index(lua_State* L);
  static int context_newindex(lua_State* L);
};

}  // namespace edgelab
