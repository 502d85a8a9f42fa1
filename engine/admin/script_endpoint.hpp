#pragma once
// /admin/v1/script: the node's edge script.
//   PUT     the Lua source as the body; query fail=open|closed, cpu_ms=1..1000,
//           memory_kib=256..1048576, name=. Compiles it and runs its self-tests
//           off the io threads (ScriptWorker), then makes it live for new
//           requests and keeps it across restarts. 200 {version, hooks,
//           self_tests}, or 400 {error, line} naming what failed.
//   GET     the live version and its counters ({"script": null} without one).
//   DELETE  removes it: 200 {removed: version}, 404 without one.
#include "admin/admin_http.hpp"
#include "http/http_exchange.hpp"

namespace edgelab {

class EdgeNode;

class ScriptEndpoint {
 public:
  static void handle(EdgeNode& node, const QueryParams& params, const HttpExchangePtr& exchange);

 private:
  static void deploy(EdgeNode& node, const QueryParams& params, const HttpExchangePtr& exchange);
};

}  // namespace edgelab
