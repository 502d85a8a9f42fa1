// bench_script: what a Lua isolate costs (engine/script/). Prints
//   cold start p50 X us          a new state, its libraries, a header-rewrite script loaded, the first call
//   per-call overhead p50 X us   one call of that script on a warm isolate (the isolate alone: the request
//                                path does not run scripts yet, so "per-request overhead" is not measured)
//   idle isolate X KiB           the allocator's count for a loaded isolate after one call
// Targets (issue 12): cold start < 35 us, per-request overhead < 2 us, idle isolate < 100 KiB.
#include "script/script_isolate.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
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

}  // namespace

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::max(10, std::atoi(argv[1])) : 5000;
  const std::array arguments{ScriptValue{ScriptFields{{"cache-control", "public, max-age=300"},
                                                      {"content-type", "text/html"}}}};
  std::vector<double> cold, warm;
  cold.reserve(static_cast<std::size_t>(rounds));
  warm.reserve(static_cast<std::size_t>(rounds));
  for (int i = 0; i < rounds; ++i) {
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
  for (int i = 0; i < rounds; ++i) {
    const auto start = std::chrono::steady_clock::now();
    auto r = isolate.call("on_client_response", arguments);
    warm.push_back(micros_since(start));
    if (!r.ok()) {
      std::fprintf(stderr, "bench_script: %s\n", r.message.c_str());
      return 1;
    }
  }
  std::printf("cold start p50 %.1f us\n", p50(cold));
  std::printf("per-call overhead p50 %.2f us\n", p50(warm));
  std::printf("idle isolate %.1f KiB\n", static_cast<double>(isolate.memory_bytes_in_use()) / 1024.0);
  return 0;
}
