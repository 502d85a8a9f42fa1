#pragma once
// The host library scripts see as `edge` (read-only, like every shared table):
// for now its digest and encoding functions, the parts that need no request.
//   edge.sha256(data)             lowercase hex of the SHA-256 of data
//   edge.hmac_sha256(key, data)   lowercase hex of HMAC-SHA256(key, data)
//   edge.base64_encode(data)      standard alphabet, padded
//   edge.base64_decode(text)      the bytes, or nil and a message for text that is not base64
//   edge.json.encode/decode/null  see edge_json.hpp
// and, inside hooks (script_call.hpp), the node's services:
//   edge.now()                        Unix seconds, fixed for the request
//   edge.log(level, message)          "debug"|"info"|"warn"|"error" into the node's events
//                                     (max_log_lines per request; false when dropped)
//   edge.ratelimit(key, rate, burst)  a token bucket per node: allowed (boolean), tokens left
// Hex, as Fastly's digest.hmac_sha256 answers, so a token compares with ==.
// Results count against the isolate's memory and max_string_bytes like any string.
#include <lua.hpp>

namespace edgelab {

class EdgeLibrary {
 public:
  // Pushes the `edge` table (plain: the caller makes it read-only).
  static void push(lua_State* L);

 private:
  static int sha256(lua_State* L);
  static int hmac_sha256(lua_State* L);
  static int base64_encode(lua_State* L);
  static int base64_decode(lua_State* L);
  static int now(lua_State* L);
  static int log(lua_State* L);
  static int ratelimit(lua_State* L);
};

}  // namespace edgelab
