#pragma once
// `req` and the header objects of both directions, as scripts see them:
//   req.method  req.path  req.query (read-only table of decoded parameters, the first of repeats)
//   req.query_string (raw, without '?')  req.host  req.client_ip
//   req.geo (read-only: pop, region, city, lat, lon)   req.headers
//   req:respond(status, headers, body)  req:redirect(url, status)
//   req:set_cache_key(parts)  req:pass()
//   headers:get(name)  headers:set(name, value)  headers:remove(name)
// Request headers are writable in the request hooks, response headers in the
// response hooks. Every edit and answer is validated and counted against the
// request's caps (ScriptLimits); a refusal raises a Lua error that names it.
#include <lua.hpp>

namespace edgelab {

struct ScriptCall;

class ScriptRequestApi {
 public:
  // Registers the metatables (SandboxEnvironment::open calls it).
  static void open(lua_State* L);
  // ScriptHostObject::push for `req`; `data` is unused (the call is the isolate's current one).
  static void push_request(lua_State* L, void* data);
  // A new headers handle of the given type.
  static void push_headers(lua_State* L, bool response);

 private:
  static int request_index(lua_State* L);
  static int respond(lua_State* L);
  static int redirect(lua_State* L);
  static int set_cache_key(lua_State* L);
  static int pass(lua_State* L);
  template <bool Response>
  static int header_get(lua_State* L);
  template <bool Response>
  static int header_set(lua_State* L);
  template <bool Response>
  static int header_remove(lua_State* L);
  static void push_query(lua_State* L, const ScriptCall& call);
  static void push_geo(lua_State* L, const ScriptCall& call);
};

}  // namespace edgelab
