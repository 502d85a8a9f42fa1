#include "node/node_scripts.hpp"

#include "metrics/kind_counter_export.hpp"

#include <boost/json.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace edgelab {
namespace json = boost::json;
namespace {

// Log lines a node takes from scripts into its event stream, per second.
constexpr double kLogLinesPerSecond = 100;

double monotonic_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

NodeScripts::NodeScripts(std::string node_name, std::shared_ptr<EventBus> events, std::string state_file)
    : node_name_(std::move(node_name)), events_(std::move(events)), state_file_(std::move(state_file)) {}

void NodeScripts::publish(ScriptProgramPtr program) {
  unsigned mask = 0;
  if (program)
    for (int i = 0; i < kScriptHookCount; ++i)
      if (program->defines(ScriptHook(i))) mask |= 1u << unsigned(i);
  // The mask goes first when a script goes away, last when one arrives, so a
  // request that sees a hook bit always finds a program.
  if (!program) hooks_.store(0, std::memory_order_relaxed);
  live_.store(std::move(program), std::memory_order_release);
  if (mask) hooks_.store(mask, std::memory_order_relaxed);
}

bool NodeScripts::deploy(ScriptProgramPtr program, std::string& error) {
  if (!state_file_.empty() && !write_state(*program, error)) return false;
  const std::string version = program->version();
  const std::string name = program->name();
  publish(std::move(program));
  deploys_.fetch_add(1);
  events_->publish("script_deployed", json::object{{"node", node_name_}, {"version", version}, {"name", name}});
  return true;
}

bool NodeScripts::remove(std::string& error) {
  ScriptProgramPtr old = live();
  if (!old) return false;
  if (!state_file_.empty() && std::remove(state_file_.c_str()) != 0 && errno != ENOENT) {
    error = "could not remove " + state_file_;
    return false;
  }
  publish(nullptr);
  events_->publish("script_removed", json::object{{"node", node_name_}, {"version", old->version()}});
  return true;
}

bool NodeScripts::write_state(const ScriptProgram& program, std::string& error) const {
  const auto& s = program.settings();
  json::object o{{"name", program.name()},
                 {"source", program.source()},
                 {"fail", fail_mode_name(s.fail)},
                 {"cpu_ms", double(s.limits.cpu_us) / 1000.0},
                 {"memory_kib", s.limits.memory_bytes / 1024},
                 {"deployed_at", program.deployed_at()}};
  const std::string temporary = state_file_ + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << json::serialize(o);
    out.flush();
    if (!out) {
      error = "could not write " + temporary;
      return false;
    }
  }
  if (std::rename(temporary.c_str(), state_file_.c_str()) != 0) {
    error = "could not rename " + temporary + " to " + state_file_;
    return false;
  }
  return true;
}

void NodeScripts::restore() {
  if (state_file_.empty()) return;
  std::ifstream in(state_file_, std::ios::binary);
  if (!in) return;  // nothing kept
  std::stringstream text;
  text << in.rdbuf();
  auto report = [&](const std::string& problem) {
    events_->publish("script_restore_failed",
                     json::object{{"node", node_name_}, {"file", state_file_}, {"error", problem}});
    std::fprintf(stderr, "edgelab: %s: the kept script is not restored: %s\n", state_file_.c_str(), problem.c_str());
  };
  json::error_code ec;
  json::value v = json::parse(text.str(), ec);
  if (ec || !v.is_object() || !v.as_object().contains("source") || !v.as_object().at("source").is_string())
    return report("not a script state file");
  const auto& o = v.as_object();
  ScriptSettings settings;
  if (auto* f = o.if_contains("fail"); f && f->is_string() && f->as_string() == "closed")
    settings.fail = ScriptFailMode::closed;
  if (auto* c = o.if_contains("cpu_ms"); c && c->is_number()) {
    const double ms = c->to_number<double>(ec);
    if (!ec && ms > 0 && ms <= 1000) settings.limits.cpu_us = std::int64_t(ms * 1000);
  }
  if (auto* m = o.if_contains("memory_kib"); m && m->is_number()) {
    const auto kib = m->to_number<std::uint64_t>(ec);
    if (!ec && kib >= 256 && kib <= 1024 * 1024) settings.limits.memory_bytes = std::size_t(kib) * 1024;
  }
  std::string name = "script.lua";
  if (auto* n = o.if_contains("name"); n && n->is_string()) name = std::string(n->as_string());
  std::string error;
  auto program = ScriptProgram::compile(std::string(o.at("source").as_string()), name, settings, error);
  if (!program) return report(error);
  if (auto* d = o.if_contains("deployed_at"); d && d->is_int64()) program->set_deployed_at(d->as_int64());
  publish(std::move(program));
}

void NodeScripts::report_failure(const ScriptProgram& program, ScriptHook hook, const ScriptResult& result) {
  auto& c = program.counters();
  if (program.settings().fail == ScriptFailMode::open)
    c.failed_open.fetch_add(1, std::memory_order_relaxed);
  else
    c.failed_closed.fetch_add(1, std::memory_order_relaxed);
  const std::string key = std::string(status_name(result.status)) + "/" + std::string(hook_function_name(hook));
  if (const std::uint64_t count = failure_throttle_.admit(key)) {
    events_->publish("script_abort", json::object{{"node", node_name_},
                                                  {"version", program.version()},
                                                  {"hook", hook_function_name(hook)},
                                                  {"reason", status_name(result.status)},
                                                  {"message", result.message.substr(0, 512)},
                                                  {"fail", fail_mode_name(program.settings().fail)},
                                                  {"count", count}});
  }
}

ScriptServices::RateDecision NodeScripts::Services::take_token(std::string_view key, double rate, double burst,
                                                               double) {
  // Buckets run on the monotonic clock: edge.now() is wall time, which may step.
  const auto d = buckets.take(key, rate, burst, monotonic_seconds());
  return {d.allowed, d.remaining};
}

void NodeScripts::Services::log(ScriptLogLevel level, std::string_view message) {
  if (!log_budget.take("log", kLogLinesPerSecond, 2 * kLogLinesPerSecond, monotonic_seconds()).allowed) {
    logs_dropped.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  logs.fetch_add(1, std::memory_order_relaxed);
  owner_.events_->publish(
      "script_log", json::object{{"node", owner_.node_name_}, {"level", log_level_name(level)}, {"message", message}});
}

json::object NodeScripts::status_json() const {
  json::object o;
  o["node"] = node_name_;
  o["persisted"] = !state_file_.empty();
  o["logs"] = services_.logs.load();
  o["logs_dropped"] = services_.logs_dropped.load();
  o["ratelimit_keys"] = services_.buckets.size();
  o["ratelimit_evictions"] = services_.buckets.evictions();
  ScriptProgramPtr program = live();
  if (!program) {
    o["script"] = nullptr;
    return o;
  }
  const auto& c = program->counters();
  json::object s;
  s["version"] = program->version();
  s["name"] = program->name();
  s["fail"] = fail_mode_name(program->settings().fail);
  s["cpu_ms"] = double(program->settings().limits.cpu_us) / 1000.0;
  s["memory_kib"] = program->settings().limits.memory_bytes / 1024;
  s["deployed_at"] = program->deployed_at();
  json::array hooks;
  for (int i = 0; i < kScriptHookCount; ++i)
    if (program->defines(ScriptHook(i))) hooks.emplace_back(hook_function_name(ScriptHook(i)));
  s["hooks"] = std::move(hooks);
  s["invocations"] = c.invocations.load();
  s["errors"] = c.errors.load();
  json::object aborts;
  for (int i = 0; i < int(ScriptStatus::count_); ++i) {
    const auto status = ScriptStatus(i);
    if (status == ScriptStatus::ok) continue;
    if (const auto n = c.by_status[std::size_t(i)].load()) aborts[status_name(status)] = n;
  }
  s["aborts"] = std::move(aborts);
  s["failed_open"] = c.failed_open.load();
  s["failed_closed"] = c.failed_closed.load();
  s["cpu_us_p50"] = double(c.call_ns.percentile(0.5)) / 1000.0;
  s["cpu_us_p99"] = double(c.call_ns.percentile(0.99)) / 1000.0;
  s["memory_bytes"] = c.memory_bytes.load();
  s["memory_peak_bytes"] = c.memory_peak_bytes.load();
  s["isolates_built"] = c.isolates_built.load();
  s["cold_builds"] = c.cold_builds.load();
  s["warm_isolates"] = program->warm_isolates();
  o["script"] = std::move(s);
  return o;
}

void NodeScripts::append_prometheus(std::string& out, std::string_view open_label) const {
  auto sample = [&](std::string_view name, std::string_view labels, std::uint64_t value) {
    out += "edgelab_";
    out += name;
    out += open_label;
    out += labels;
    out += "} ";
    out += std::to_string(value);
    out += "\n";
  };
  ScriptProgramPtr program = live();
  append_metric_header(out, "script_deploys_total", "Edge scripts made live on this node", "counter");
  sample("script_deploys_total", "", deploys_.load());
  append_metric_header(out, "script_deploys_refused_total", "Edge script deploys refused (compile, self-test, input)",
                       "counter");
  sample("script_deploys_refused_total", "", refused_deploys.load());
  append_metric_header(out, "script_log_lines_total", "edge.log lines taken into the event stream", "counter");
  sample("script_log_lines_total", "", services_.logs.load());
  sample("script_log_lines_total", ",outcome=\"dropped\"", services_.logs_dropped.load());
  if (!program) return;
  const auto& c = program->counters();
  const std::string version = ",version=\"" + program->version() + "\"";
  append_metric_header(out, "script_invocations_total", "Hook calls of the live edge script", "counter");
  sample("script_invocations_total", version, c.invocations.load());
  append_metric_header(out, "script_aborts_total", "Hook calls of the live edge script that failed, by why", "counter");
  for (int i = 0; i < int(ScriptStatus::count_); ++i) {
    const auto status = ScriptStatus(i);
    if (status == ScriptStatus::ok) continue;
    sample("script_aborts_total", version + ",reason=\"" + std::string(status_name(status)) + "\"",
           c.by_status[std::size_t(i)].load());
  }
  append_metric_header(out, "script_failed_requests_total", "Requests that went on without the script or got a 503",
                       "counter");
  sample("script_failed_requests_total", version + ",mode=\"open\"", c.failed_open.load());
  sample("script_failed_requests_total", version + ",mode=\"closed\"", c.failed_closed.load());
}

}  // namespace edgelab
