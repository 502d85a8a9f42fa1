#include "script/script_simulator.hpp"

#include <chrono>

namespace edgelab {

class ScriptSimulator::Services final : public ScriptServices {
 public:
  RateDecision take_token(std::string_view key, double rate, double burst, double now) override {
    auto d = buckets.take(key, rate, burst, now);
    return {d.allowed, d.remaining};
  }
  void log(ScriptLogLevel level, std::string_view message) override {
    lines.push_back(std::string(log_level_name(level)) + ": " + std::string(message));
  }
  TokenBucketTable buckets{10'000};
  std::vector<std::string> lines;
};

namespace {

ScriptFields materialize(const HeaderOverlay& overlay) {
  ScriptFields fields;
  overlay.for_each([&](std::string_view n, std::string_view v) { fields.emplace_back(n, v); });
  return fields;
}

std::string describe_edits(const HeaderOverlay& overlay, std::string_view side) {
  std::string text;
  overlay.for_each_edit([&](const HeaderOverlay::EditView& edit) {
    if (!text.empty()) text += ", ";
    text += edit.value ? std::string(side) + " header " + std::string(edit.name) + ": " + std::string(*edit.value)
                       : "removed " + std::string(side) + " header " + std::string(edit.name);
  });
  return text;
}

}  // namespace

std::string_view log_level_name(ScriptLogLevel level) {
  switch (level) {
    case ScriptLogLevel::debug:
      return "debug";
    case ScriptLogLevel::info:
      return "info";
    case ScriptLogLevel::warn:
      return "warn";
    case ScriptLogLevel::error:
      return "error";
  }
  return "info";
}

std::string shown_cache_key(std::string_view key) {
  std::string shown(key);
  for (std::size_t at = shown.find('\x1f'); at != std::string::npos; at = shown.find('\x1f', at + 3))
    shown.replace(at, 1, " | ");
  return shown;
}

ScriptSimulator::ScriptSimulator(ScriptProgramPtr program)
    : program_(std::move(program)), services_(std::make_shared<Services>()) {}

bool ScriptSimulator::call(ScriptHook hook, ScriptCall& c, SimulatedOutcome& out) {
  if (!program_->defines(hook)) return true;
  const std::size_t logs_before = services_->lines.size();
  ScriptResult result = program_->run(hook, c);
  for (std::size_t i = logs_before; i < services_->lines.size(); ++i) out.logs.push_back(services_->lines[i]);
  if (result.ok()) return true;
  out.script_failed = true;
  out.failure = result.status;
  out.failure_message = result.message.empty() ? std::string(status_text(result.status)) : result.message;
  out.trace.push_back(std::string(hook_function_name(hook)) + ": failed (" + std::string(status_name(result.status)) +
                      "): " + out.failure_message);
  return false;
}

SimulatedOutcome ScriptSimulator::run(const SimulatedRequest& request, const SimulatedOrigin& origin) {
  SimulatedOutcome out;
  const ScriptLimits& limits = program_->settings().limits;
  ScriptRequestState state;
  state.now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  const std::string_view target = request.target;
  const std::size_t question = target.find('?');
  FieldListSource request_source(&request.headers);
  HeaderOverlay request_headers(&request_source);
  std::string host;
  if (auto h = request_source.find("Host")) host = *h;
  ScriptCall c{
      .hook = ScriptHook::client_request,
      .request = {.method = request.method,
                  .path = target.substr(0, question),
                  .query = question == std::string_view::npos ? std::string_view() : target.substr(question + 1),
                  .host = host,
                  .client_ip = request.client_ip,
                  .geo = &request.geo},
      .request_headers = &request_headers,
      .state = &state,
      .services = services_.get(),
      .limits = &limits};

  auto fail = [&]() {
    if (program_->settings().fail == ScriptFailMode::closed) {
      out.status = 503;
      out.headers = {{"Content-Type", "text/plain; charset=utf-8"}};
      out.body = "the edge script failed\n";
      return true;  // answered
    }
    // Fail-open: the failed hook's effects are dropped (the call sites undo
    // them) and no later hook runs; earlier hooks' effects stay, as on a node.
    return false;
  };

  bool script_on = true;
  if (!call(ScriptHook::client_request, c, out)) {
    script_on = false;
    state = ScriptRequestState{};
    request_headers.clear();
    if (fail()) return out;
  }
  if (script_on && program_->defines(ScriptHook::client_request)) {
    std::string line = "on_client_request: ";
    std::string edits = describe_edits(request_headers, "request");
    line += edits.empty() ? "no header edits" : edits;
    if (state.cache_key) line += "; cache key " + shown_cache_key(*state.cache_key);
    if (state.action == ScriptRequestState::Action::pass) line += "; pass";
    if (state.action == ScriptRequestState::Action::respond)
      line += "; answered " + std::to_string(state.respond_status);
    out.trace.push_back(line);
  }
  out.cache_key = state.cache_key;
  if (script_on && state.action == ScriptRequestState::Action::respond) {
    out.answered_by_script = true;
    out.status = state.respond_status;
    out.headers = state.respond_headers;
    out.body = state.respond_body;
    return out;
  }
  out.passed = state.action == ScriptRequestState::Action::pass;

  // The request as it goes upstream, and the hook of the node that sends it.
  ScriptFields upstream_fields = materialize(request_headers);
  FieldListSource upstream_source(&upstream_fields);
  HeaderOverlay upstream_headers(&upstream_source);
  c.hook = ScriptHook::origin_request;
  c.request_headers = &upstream_headers;
  if (script_on && !call(ScriptHook::origin_request, c, out)) {
    script_on = false;
    state.action = ScriptRequestState::Action::none;
    if (fail()) return out;
  }
  if (script_on && program_->defines(ScriptHook::origin_request)) {
    std::string edits = describe_edits(upstream_headers, "upstream");
    out.trace.push_back("on_origin_request: " + (edits.empty() ? std::string("no header edits") : edits) +
                        (state.action == ScriptRequestState::Action::respond
                             ? "; answered " + std::to_string(state.respond_status)
                             : ""));
    if (state.action == ScriptRequestState::Action::respond) {
      out.answered_by_script = true;
      out.status = state.respond_status;
      out.headers = state.respond_headers;
      out.body = state.respond_body;
      return out;
    }
  }
  out.upstream_headers = script_on ? materialize(upstream_headers) : upstream_fields;
  out.reached_origin = true;

  unsigned status = origin.status;
  FieldListSource origin_source(&origin.headers);
  HeaderOverlay stored_headers(&origin_source);
  c.hook = ScriptHook::origin_response;
  c.request_headers = &upstream_headers;
  c.response_headers = &stored_headers;
  c.response_status = &status;
  if (script_on && !call(ScriptHook::origin_response, c, out)) {
    script_on = false;
    status = origin.status;
    stored_headers.clear();
    state.ttl.reset();
    state.tags.clear();
    state.uncacheable = false;
    if (fail()) return out;
  }
  if (script_on && program_->defines(ScriptHook::origin_response)) {
    std::string line = "on_origin_response: ";
    std::string edits = describe_edits(stored_headers, "response");
    line += edits.empty() ? "no header edits" : edits;
    if (state.ttl) line += "; ttl " + std::to_string(*state.ttl) + " s";
    for (const auto& tag : state.tags) line += "; tag " + tag;
    if (state.uncacheable) line += "; uncacheable";
    out.trace.push_back(line);
  }
  out.ttl = state.ttl;
  out.tags = state.tags;
  out.uncacheable = state.uncacheable;

  ScriptFields delivered_fields = materialize(stored_headers);
  FieldListSource delivered_source(&delivered_fields);
  HeaderOverlay delivered_headers(&delivered_source);
  const unsigned stored_status = status;
  c.hook = ScriptHook::client_response;
  c.response_headers = &delivered_headers;
  if (script_on && !call(ScriptHook::client_response, c, out)) {
    script_on = false;
    status = stored_status;
    delivered_headers.clear();
    if (fail()) return out;
  }
  if (script_on && program_->defines(ScriptHook::client_response)) {
    std::string edits = describe_edits(delivered_headers, "response");
    out.trace.push_back("on_client_response: " + (edits.empty() ? std::string("no header edits") : edits) +
                        (status != stored_status ? "; status " + std::to_string(status) : ""));
  }
  out.status = status;
  out.headers = materialize(delivered_headers);
  out.body = origin.body;
  return out;
}

}  // namespace edgelab
