// bench_script: what the Lua sandbox costs (engine/script/). Prints
//   cold start p50 X us              a new state, its libraries, a header-rewrite script loaded, the first call
//   per-call overhead p50 X us       one call of that script on a warm isolate (the isolate alone)
//   per-request overhead p50 X us    what a hit pays for resources/scripts/security_headers.lua in
//                                    on_client_response on the node's own path (FlowScript, the header
//                                    overlay, the edited header block), against no script (which pays nothing)
//   idle isolate X KiB               what a loaded isolate holds after one call: its arena's region
//                                    (IsolateArena, all of it) and any block outside; beside it what
//                                    Lua has asked for
// Targets (issue 12): cold start < 35 us, per-request overhead < 2 us, idle isolate < 100 KiB.
//   bench_script [ROUNDS] [cold|call|request]   one section alone, for a profiler (perf record)
#include "cache/cached_object.hpp"
#include "node/edge_node.hpp"
#include "node/flow_script.hpp"
#include "script/script_isolate.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace edgelab;

namespace {

constexpr const char* kHeaderRewrite = R"(
function on_client_response(headers)
  return {
    ["strict-transport-security"] = "max-age=63072000; includeSubDomains",
    ["x-content-type-options"] = "nosniff",
    ["x-frame-options"] = "DENY",
    server = "edgelab",
    ["cache-control"] = headers["cache-control"] or "public, max-age=60",
  }
end
)";

double p50(std::vector<double> v) {
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

double micros_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The node's on_client_response path for one fresh hit, as fresh_hit_path.cpp runs it.
int per_request_overhead(int rounds, std::vector<double>& out) {
  net::io_context ioc;
  NodeConfig config;
  config.name = "bench";
  config.region = "eu-west-3";
  std::string error;
  auto node = EdgeNode::create(ioc, config, error);
  if (!node) return std::fprintf(stderr, "bench_script: %s\n", error.c_str()), 1;
  auto program = ScriptProgram::compile(read_file(EDGELAB_RESOURCE_DIR "/scripts/security_headers.lua"),
                                        "security_headers.lua", {}, error);
  if (!program || !node->scripts().deploy(program, error))
    return std::fprintf(stderr, "bench_script: %s\n", error.c_str()), 1;
  auto object = std::make_shared<CachedObject>();
  object->status = 200;
  object->headers = {{"Content-Type", "text/html; charset=utf-8"},
                     {"Cache-Control", "public, max-age=300"},
                     {"ETag", "\"5d8c72a5edda8\""},
                     {"Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT"},
                     {"Server", "origin/1.0"}};
  object->body = std::make_shared<const std::string>(1024, 'x');
  serialize_header_block(*object);
  Request request{http::verb::get, "/index.html", 11};
  request.set(http::field::host, "www.example.test");
  request.set(http::field::user_agent, "wrk");
  const auto client = net::ip::make_address("127.0.0.1");
  std::string head;
  for (int i = 0; i < rounds; ++i) {
    const auto start = std::chrono::steady_clock::now();
    FlowScript script(*node, node->scripts().live(), request, client);
    FieldListSource stored(&object->headers);
    HeaderOverlay edits(&stored);
    unsigned status = object->status;
    if (script.client_response(request, *object, edits, status) != FlowScript::Verdict::proceed || !edits.edited())
      return std::fprintf(stderr, "bench_script: the script did not edit the response\n"), 1;
    edited_object_header(*object, edits, status, head);
    out.push_back(micros_since(start));
  }
  return head.find("X-Frame-Options: DENY") == std::string::npos ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::max(10, std::atoi(argv[1])) : 5000;
  const std::string only = argc > 2 ? argv[2] : "";
  const auto runs = [&](const char* section) { return only.empty() || only == section; };
  const std::array arguments{
      ScriptValue{ScriptFields{{"cache-control", "public, max-age=300"}, {"content-type", "text/html"}}}};
  std::vector<double> cold, warm, request;
  cold.reserve(static_cast<std::size_t>(rounds));
  warm.reserve(static_cast<std::size_t>(rounds));
  for (int i = 0; runs("cold") && i < rounds; ++i) {
    const auto start = std::chrono::steady_clock::now();
    ScriptIsolate isolate;
    auto loaded = isolate.load(kHeaderRewrite, "header_rewrite.lua");
    auto first = isolate.call("on_client_response", arguments);
    cold.push_back(micros_since(start));
    if (!loaded.ok() || !first.ok()) {
      std::fprintf(stderr, "bench_script: %s%s\n", loaded.message.c_str(), first.message.c_str());
      return 1;
    }
  }
  ScriptIsolate isolate;
  if (!isolate.load(kHeaderRewrite, "header_rewrite.lua").ok()) return 1;
  for (int i = 0; runs("call") && i < rounds; ++i) {
    const auto start = std::chrono::steady_clock::now();
    auto r = isolate.call("on_client_response", arguments);
    warm.push_back(micros_since(start));
    if (!r.ok()) {
      std::fprintf(stderr, "bench_script: %s\n", r.message.c_str());
      return 1;
    }
  }
  if (runs("request") && per_request_overhead(rounds, request) != 0) return 1;
  if (!cold.empty()) std::printf("cold start p50 %.1f us\n", p50(cold));
  if (!warm.empty()) std::printf("per-call overhead p50 %.2f us\n", p50(warm));
  if (!request.empty()) std::printf("per-request overhead p50 %.2f us\n", p50(request));
  std::printf("idle isolate %.1f KiB (Lua's blocks %.1f KiB)\n",
              static_cast<double>(isolate.memory_footprint_bytes()) / 1024.0,
              static_cast<double>(isolate.memory_bytes_in_use()) / 1024.0);
  return 0;
}
