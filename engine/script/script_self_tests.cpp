#include "script/script_self_tests.hpp"

#include "script/script_simulator.hpp"

#include <boost/json.hpp>

namespace edgelab {
namespace json = boost::json;
namespace {

std::string text_of(const json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_int64()) return std::to_string(v.as_int64());
  if (v.is_uint64()) return std::to_string(v.as_uint64());
  if (v.is_double()) return json::serialize(v);
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  return json::serialize(v);
}

bool read_fields(const json::value* v, ScriptFields& out, std::string& error, const char* what) {
  if (!v) return true;
  if (v->is_array() && v->as_array().empty()) return true;  // {} encodes as [] only when empty... or {}
  if (!v->is_object()) {
    error = std::string(what) + " must be a table of name = value";
    return false;
  }
  for (const auto& [name, value] : v->as_object()) out.emplace_back(std::string(name), text_of(value));
  return true;
}

void set_field(ScriptFields& fields, const std::string& name, const std::string& value) {
  for (auto& [n, v] : fields)
    if (iequal(n, name)) {
      v = value;
      return;
    }
  fields.emplace_back(name, value);
}

bool read_request(const json::value* v, SimulatedRequest& request, std::string& error) {
  if (!v) return true;
  if (v->is_string()) {
    const std::string line(v->as_string());
    const auto space = line.find(' ');
    if (space == std::string::npos || space == 0 || line.size() <= space + 1 || line[space + 1] != '/') {
      error = "request must look like \"GET /path\"";
      return false;
    }
    request.method = line.substr(0, space);
    request.target = line.substr(space + 1);
    return true;
  }
  if (!v->is_object()) {
    error = "request must be \"METHOD /path\" or a table";
    return false;
  }
  const auto& o = v->as_object();
  if (auto* m = o.if_contains("method")) request.method = text_of(*m);
  if (auto* p = o.if_contains("path")) request.target = text_of(*p);
  if (request.target.empty() || request.target.front() != '/') {
    error = "request.path must start with /";
    return false;
  }
  if (auto* ip = o.if_contains("client_ip")) request.client_ip = text_of(*ip);
  ScriptFields extra;
  if (!read_fields(o.if_contains("headers"), extra, error, "request.headers")) return false;
  for (const auto& [n, value] : extra) set_field(request.headers, n, value);
  if (auto* g = o.if_contains("geo"); g && g->is_object()) {
    const auto& geo = g->as_object();
    if (auto* x = geo.if_contains("pop")) request.geo.pop = text_of(*x);
    if (auto* x = geo.if_contains("region")) request.geo.region = text_of(*x);
    if (auto* x = geo.if_contains("city")) request.geo.city = text_of(*x);
    if (auto* x = geo.if_contains("lat"); x && x->is_number()) request.geo.lat = x->to_number<double>();
    if (auto* x = geo.if_contains("lon"); x && x->is_number()) request.geo.lon = x->to_number<double>();
  }
  return true;
}

bool read_origin(const json::value* v, SimulatedOrigin& origin, std::string& error) {
  if (!v) return true;
  if (!v->is_object()) {
    error = "origin must be a table";
    return false;
  }
  const auto& o = v->as_object();
  if (auto* s = o.if_contains("status"); s && s->is_number()) origin.status = s->to_number<unsigned>();
  if (auto* h = o.if_contains("headers")) {
    origin.headers.clear();
    if (!read_fields(h, origin.headers, error, "origin.headers")) return false;
  }
  if (auto* b = o.if_contains("body")) origin.body = text_of(*b);
  return true;
}

const std::string* find_field(const ScriptFields& fields, std::string_view name) {
  for (const auto& [n, v] : fields)
    if (iequal(n, name)) return &v;
  return nullptr;
}

// The first mismatch between `expect` and what happened, or empty.
std::string compare(const json::object& expect, const SimulatedOutcome& got) {
  if (got.script_failed && !expect.contains("failure")) return "the script failed: " + got.failure_message;
  if (auto* f = expect.if_contains("failure"); f && f->is_bool() && f->as_bool() != got.script_failed)
    return f->as_bool() ? "expected the script to fail" : "the script failed: " + got.failure_message;
  if (auto* s = expect.if_contains("status"); s && s->is_number() && s->to_number<unsigned>() != got.status)
    return "expected status " + text_of(*s) + ", got " + std::to_string(got.status);
  if (auto* h = expect.if_contains("headers"); h && h->is_object()) {
    for (const auto& [name, want] : h->as_object()) {
      const std::string* have = find_field(got.headers, name);
      if (want.is_bool() && !want.as_bool()) {
        if (have) return "expected no " + std::string(name) + " header, got \"" + *have + "\"";
      } else if (want.is_bool()) {
        if (!have) return "expected a " + std::string(name) + " header";
      } else if (!have || *have != text_of(want)) {
        return "expected header " + std::string(name) + ": \"" + text_of(want) + "\", got " +
               (have ? "\"" + *have + "\"" : std::string("none"));
      }
    }
  }
  if (auto* h = expect.if_contains("upstream_headers"); h && h->is_object()) {
    for (const auto& [name, want] : h->as_object()) {
      const std::string* have = find_field(got.upstream_headers, name);
      if (want.is_bool() && !want.as_bool()) {
        if (have) return "expected no upstream " + std::string(name) + " header";
      } else if (!have || (!want.is_bool() && *have != text_of(want))) {
        return "expected upstream header " + std::string(name) + ": \"" + text_of(want) + "\", got " +
               (have ? "\"" + *have + "\"" : std::string("none"));
      }
    }
  }
  if (auto* b = expect.if_contains("body"); b && text_of(*b) != got.body)
    return "expected body \"" + text_of(*b) + "\", got \"" + got.body.substr(0, 200) + "\"";
  if (auto* b = expect.if_contains("body_contains"); b && got.body.find(text_of(*b)) == std::string::npos)
    return "expected the body to contain \"" + text_of(*b) + "\"";
  if (auto* k = expect.if_contains("cache_key")) {
    const std::string want = text_of(*k);
    if (!got.cache_key || *got.cache_key != want)
      return "expected cache key \"" + want + "\", got " +
             (got.cache_key ? "\"" + *got.cache_key + "\"" : "the default");
  }
  if (auto* p = expect.if_contains("pass"); p && p->is_bool() && p->as_bool() != got.passed)
    return p->as_bool() ? "expected a pass" : "expected no pass";
  if (auto* o = expect.if_contains("origin"); o && o->is_bool() && o->as_bool() != got.reached_origin)
    return o->as_bool() ? "expected the request to reach the origin" : "expected no origin request";
  if (auto* t = expect.if_contains("ttl");
      t && t->is_number() && (!got.ttl || *got.ttl != t->to_number<std::int64_t>()))
    return "expected ttl " + text_of(*t) + ", got " + (got.ttl ? std::to_string(*got.ttl) : std::string("none"));
  if (auto* u = expect.if_contains("uncacheable"); u && u->is_bool() && u->as_bool() != got.uncacheable)
    return u->as_bool() ? "expected resp:uncacheable()" : "expected a cacheable answer";
  if (auto* tags = expect.if_contains("tags"); tags && tags->is_array()) {
    for (const auto& tag : tags->as_array()) {
      bool found = false;
      for (const auto& have : got.tags) found = found || have == text_of(tag);
      if (!found) return "expected tag " + text_of(tag);
    }
  }
  return {};
}

}  // namespace

std::string SelfTestReport::summary() const {
  if (!error.empty()) return error;
  if (!failures.empty()) return failures.front();
  return std::to_string(passed) + " of " + std::to_string(run) + " self-tests passed";
}

SelfTestReport ScriptSelfTests::run(const ScriptProgramPtr& program) {
  SelfTestReport report;
  auto isolate = program->build_isolate();
  ScriptResult encoded = isolate->global_as_json("tests");
  if (!encoded.ok()) {
    report.error = "tests: " + encoded.message;
    return report;
  }
  if (encoded.values.empty()) return report;  // no tests
  json::error_code ec;
  json::value tests = json::parse(std::get<std::string>(encoded.values.front()), ec);
  if (ec || !tests.is_array()) {
    if (!ec && tests.is_object() && tests.as_object().empty()) return report;
    report.error = "tests must be a list of tables";
    return report;
  }
  if (tests.as_array().size() > std::size_t(kMaxTests)) {
    report.error = "tests: at most " + std::to_string(kMaxTests) + " tests";
    return report;
  }
  int index = 0;
  for (const auto& entry : tests.as_array()) {
    ++index;
    ++report.run;
    std::string label = "test " + std::to_string(index);
    if (entry.is_object())
      if (auto* n = entry.as_object().if_contains("name")) label += " (" + text_of(*n) + ")";
    std::string error;
    try {
      SimulatedRequest request;
      SimulatedOrigin origin;
      const json::object* expect = nullptr;
      int repeat = 1;
      if (!entry.is_object()) {
        error = "a test is a table";
      } else {
        const auto& o = entry.as_object();
        if (read_request(o.if_contains("request"), request, error) &&
            read_origin(o.if_contains("origin"), origin, error)) {
          if (auto* e = o.if_contains("expect"); e && e->is_object())
            expect = &e->as_object();
          else
            error = "expect must be a table";
          if (auto* r = o.if_contains("repeat"); r && r->is_number())
            repeat = std::clamp(r->to_number<int>(), 1, kMaxRepeat);
        }
      }
      if (error.empty()) {
        ScriptSimulator simulator(program);
        SimulatedOutcome outcome;
        for (int i = 0; i < repeat; ++i) outcome = simulator.run(request, origin);
        error = compare(*expect, outcome);
      }
    } catch (const std::exception& e) {
      // Boost.JSON's to_number refuses numbers that do not fit (a status of -1, a repeat of 1e20).
      error = std::string("malformed test: ") + e.what();
    }
    if (error.empty())
      ++report.passed;
    else
      report.failures.push_back(label + ": " + error);
  }
  return report;
}

}  // namespace edgelab
