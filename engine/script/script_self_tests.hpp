#pragma once
// A script's own tests: a global `tests` table of requests and what must come
// of them, run through ScriptSimulator before the script goes live.
//
//   tests = {
//     { name = "no token, no entry",
//       request = "GET /private/a",               -- or { method=, path=, headers=, client_ip=, geo= }
//       origin = { status = 200, headers = {...}, body = "..." },   -- optional
//       repeat = 3,                               -- optional: run it 3 times, check the last
//       expect = { status = 403,
//                  headers = { ["X-Frame-Options"] = "DENY", ["Server"] = false },  -- false: absent
//                  body = "...", body_contains = "...",
//                  cache_key = "/a", pass = false, origin = true,   -- reached the origin
//                  ttl = 60, tags = { "t1" }, uncacheable = false,
//                  upstream_headers = { ["X-User"] = "alice" } } },
//   }
#include "script/script_program.hpp"

#include <string>
#include <vector>

namespace edgelab {

struct SelfTestReport {
  int run = 0;
  int passed = 0;
  std::vector<std::string> failures;  // "test 2 (name): expected status 403, got 200"
  std::string error;                  // the tests table itself is malformed
  bool ok() const { return error.empty() && failures.empty(); }
  // The first problem, for a one-line answer.
  std::string summary() const;
};

class ScriptSelfTests {
 public:
  static constexpr int kMaxTests = 200;
  static constexpr int kMaxRepeat = 1000;
  static SelfTestReport run(const ScriptProgramPtr& program);
};

}  // namespace edgelab
