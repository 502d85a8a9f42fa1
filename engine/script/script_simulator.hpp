#pragma once
// One request through a program's hooks against a synthetic origin, without
// a node: what `edgelabd script run` prints and what self-tests check. It
// follows the node's order and rules (request_flow.cpp): on_client_request,
// then unless the script answered or passed, on_origin_request, the origin's
// answer, on_origin_response; on_client_response on whatever is delivered
// but an answer the script made itself. A hook that fails ends the script's
// part: fail-open goes on as if there were no script, fail-closed answers 503.
#include "script/script_program.hpp"
#include "script/token_bucket_table.hpp"

#include <optional>
#include <string>
#include <vector>

namespace edgelab {

struct SimulatedRequest {
  std::string method = "GET";
  std::string target = "/";
  ScriptFields headers{{"Host", "example.test"}, {"User-Agent", "edgelab-script-run"}};
  std::string client_ip = "203.0.113.10";
  ScriptGeo geo{.pop = "lab-pop", .region = "lab", .city = "", .lat = std::nullopt, .lon = std::nullopt};
};

struct SimulatedOrigin {
  unsigned status = 200;
  ScriptFields headers{{"Content-Type", "text/plain"}, {"Cache-Control", "max-age=60"}};
  std::string body = "origin body\n";
};

struct SimulatedOutcome {
  bool script_failed = false;
  ScriptStatus failure = ScriptStatus::ok;
  std::string failure_message;
  bool answered_by_script = false;
  bool passed = false;
  bool reached_origin = false;
  std::optional<std::string> cache_key;
  ScriptFields upstream_headers;  // the request as the node would send it upstream
  unsigned status = 0;
  ScriptFields headers;
  std::string body;
  std::optional<std::int64_t> ttl;
  std::vector<std::string> tags;
  bool uncacheable = false;
  std::vector<std::string> trace;  // one line per hook: what it did
  std::vector<std::string> logs;
};

// A cache key set by req:set_cache_key, its parts' separator (a control
// character) shown as " | ", for people to read.
std::string shown_cache_key(std::string_view key);

class ScriptSimulator {
 public:
  explicit ScriptSimulator(ScriptProgramPtr program);
  // Buckets (edge.ratelimit) and logs persist across runs of one simulator.
  SimulatedOutcome run(const SimulatedRequest& request, const SimulatedOrigin& origin);

 private:
  class Services;
  bool call(ScriptHook hook, ScriptCall& call, SimulatedOutcome& out);

  ScriptProgramPtr program_;
  std::shared_ptr<Services> services_;
};

}  // namespace edgelab
