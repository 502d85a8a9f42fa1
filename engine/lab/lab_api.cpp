#include "lab/lab_api.hpp"

#include "admin/admin_http.hpp"
#include "lab/fault_schedule.hpp"
#include "lab/lab_controller.hpp"

#include <boost/json.hpp>

#include <cmath>

namespace edgelab {
namespace json = boost::json;
namespace {

constexpr double kMaxRps = 20'000;
constexpr std::uint64_t kMaxPollMs = 30'000;

std::optional<double> finite(const json::value& v) {
  if (!v.is_number()) return std::nullopt;
  const double d = v.to_number<double>();
  return std::isfinite(d) ? std::optional(d) : std::nullopt;
}

// A JSON number in [lo, hi]; with `whole`, an integer.
std::optional<double> in_range(const json::value& v, double lo, double hi, bool whole) {
  auto d = finite(v);
  if (!d || *d < lo || *d > hi || (whole && *d != std::floor(*d))) return std::nullopt;
  return d;
}

std::string range_text(std::string_view key, double lo, double hi, bool whole) {
  auto text = [](double v) { return json::serialize(json::value(v)); };
  return std::string(key) + ": expected " + (whole ? "a whole number" : "a number") + " from " + text(lo) + " to " +
         text(hi);
}

// The traffic settings `body` asks for, over `s`; an error naming the key.
std::string apply_traffic_body(const json::object& body, LiveTrafficSettings& s) {
  for (const auto& [key, value] : body) {
    if (key == "running") {
      if (!value.is_bool()) return "running: expected true or false";
      s.running = value.as_bool();
    } else if (key == "rps") {
      auto d = in_range(value, 0, kMaxRps, false);
      if (!d) return range_text(key, 0, kMaxRps, false);
      s.rps = *d;
    } else if (key == "mix") {
      const json::array* shares = value.if_array();
      double mix[kObjectClasses] = {};
      double total = 0;
      bool ok = shares && shares->size() == kObjectClasses;
      for (std::size_t i = 0; ok && i < kObjectClasses; ++i) {
        auto d = in_range((*shares)[i], 0, 1e9, false);
        ok = d.has_value();
        if (ok) total += mix[i] = *d;
      }
      if (!ok || !(total > 0))
        return "mix: expected 3 non-negative shares [static, semi_dynamic, dynamic] with a sum above 0";
      std::copy(std::begin(mix), std::end(mix), std::begin(s.mix));
    } else if (key == "objects") {
      auto d = in_range(value, 1, 1e6, true);
      if (!d) return range_text(key, 1, 1e6, true);
      s.objects = static_cast<std::uint32_t>(*d);
    } else if (key == "zipf") {
      auto d = in_range(value, 0, 3, false);
      if (!d) return range_text(key, 0, 3, false);
      s.zipf = *d;
    } else if (key == "seed") {
      auto d = in_range(value, 0, 4'294'967'295.0, true);
      if (!d) return range_text(key, 0, 4'294'967'295.0, true);
      s.seed = static_cast<std::uint32_t>(*d);
    } else {
      return "unknown key \"" + std::string(key) + "\" (running, rps, mix, objects, zipf, seed)";
    }
  }
  return {};
}

json::object traffic_json(const LiveTrafficSettings& s) {
  return {{"running", s.running},
          {"rps", json_number(s.rps)},
          {"mix", json::array{json_number(s.mix[0]), json_number(s.mix[1]), json_number(s.mix[2])}},
          {"objects", s.objects},
          {"zipf", json_number(s.zipf)},
          {"seed", s.seed}};
}

bool names_node(std::string_view action) {
  return action == "kill" || action == "revive" || action == "cut" || action == "restore" || action == "link-delay";
}

std::string fault_message(const FaultStep& f, const LabNode* node) {
  const std::string upstream = node ? node->upstream_name : "";
  if (f.action == "kill") return "killed: data and admin ports closed";
  if (f.action == "revive") return "revived on the same ports";
  if (f.action == "cut") return "link to " + upstream + " cut";
  if (f.action == "restore") return "link to " + upstream + " restored";
  if (f.action == "link-delay") return "link to " + upstream + ": " + std::to_string(f.value_ms) + " ms one way";
  if (f.action == "origin-slow") return "origin: +" + std::to_string(f.value_ms) + " ms per response";
  if (f.action == "origin-down") return "origin answers 503";
  return "origin answers normally";
}

// The body's fault; `status` says what kind of error when it is not one.
std::optional<FaultStep> parse_fault_body(std::string_view text, const LabFleet& fleet, http::status& status,
                                          std::string& error) {
  status = http::status::bad_request;
  auto refuse = [&error](std::string message) {
    error = std::move(message);
    return std::optional<FaultStep>();
  };
  boost::system::error_code ec;
  json::value body = json::parse(text, ec);
  if (ec) return refuse("body: malformed JSON: " + ec.message());
  if (!body.is_object()) return refuse("body: expected a JSON object");
  FaultStep f;
  std::optional<std::int64_t> ms;
  for (const auto& [key, value] : body.as_object()) {
    if (key == "action") {
      if (!value.is_string()) return refuse("action: expected a string");
      f.action = value.as_string();
    } else if (key == "node") {
      if (!value.is_string()) return refuse("node: expected a node name");
      f.target = value.as_string();
    } else if (key == "ms") {
      auto d = in_range(value, 0, 60'000, false);
      if (!d) return refuse(range_text(key, 0, 60'000, false));
      ms = std::llround(*d);
    } else {
      return refuse("unknown key \"" + std::string(key) + "\" (action, node, ms)");
    }
  }
  static constexpr std::string_view kActions[] = {"kill",       "revive",      "cut",         "restore",
                                                  "link-delay", "origin-slow", "origin-down", "origin-up"};
  if (f.action.empty())
    return refuse("action: required (kill, revive, cut, restore, link-delay, origin-slow, origin-down, origin-up)");
  if (std::find(std::begin(kActions), std::end(kActions), f.action) == std::end(kActions))
    return refuse("action: unknown action \"" + f.action +
                  "\" (kill, revive, cut, restore, link-delay, origin-slow, origin-down, origin-up)");
  if (names_node(f.action)) {
    if (f.target.empty()) return refuse("node: required for " + f.action);
    if (!fleet.find(f.target)) {
      status = http::status::not_found;
      return refuse("node: the lab has no node \"" + f.target + "\"");
    }
  } else {
    f.target.clear();  // origin faults: a node, if given, changes nothing
  }
  if (f.action == "link-delay" || f.action == "origin-slow") {
    if (!ms) return refuse("ms: required for " + f.action);
    f.value_ms = *ms;
  }
  return f;
}

}  // namespace

LabApi::LabApi(LabController& controller, std::string token) : controller_(controller), token_(std::move(token)) {}

void LabApi::fail(const HttpExchangePtr& exchange, http::status status, std::string_view message) {
  ++counters_.bad_requests;
  exchange->respond(json_error(status, message, exchange->keep_alive()));
}

void LabApi::handle(const HttpExchangePtr& exchange) {
  ++counters_.requests;
  const Request& req = exchange->request();
  const bool keep = exchange->keep_alive();
  const auto method = req.method();
  std::string_view path = req.target();
  path = path.substr(0, path.find('?'));
  const bool get = method == http::verb::get || method == http::verb::head;

  if (path == "/health") {
    if (!get) return fail(exchange, http::status::method_not_allowed, "use GET");
    return exchange->respond(json_response(http::status::ok, json::object{{"ok", true}}, keep));
  }
  if (!bearer_authorized(req, token_)) {
    ++counters_.auth_failures;
    Response res = json_error(http::status::unauthorized, "missing or invalid bearer token", keep);
    res.set(http::field::www_authenticate, "Bearer");
    return exchange->respond(std::move(res));
  }
  std::string error;
  auto params = QueryParams::parse(req.target(), error);
  if (!params) return fail(exchange, http::status::bad_request, error);

  if (path == "/lab/v1/traffic") {
    if (!get && method != http::verb::put) return fail(exchange, http::status::method_not_allowed, "use GET or PUT");
    return traffic(exchange);
  }
  if (path == "/lab/v1/faults") {
    if (method != http::verb::post) return fail(exchange, http::status::method_not_allowed, "use POST");
    return fault(exchange);
  }
  const bool known = path == "/lab/v1/topology" || path == "/lab/v1/health" || path == "/lab/v1/metrics" ||
                     path == "/lab/v1/events" || path == "/lab/v1/samples" || path == "/lab/v1/whatif";
  if (!known) return fail(exchange, http::status::not_found, "no such endpoint: " + std::string(path));
  if (!get) return fail(exchange, http::status::method_not_allowed, "use GET");

  if (path == "/lab/v1/whatif") {
    auto query = parse_what_if_query(*params, controller_.catalogue(), error);
    if (!query) return fail(exchange, http::status::bad_request, error);
    // Answered from the lab's pool once the path's nodes have said what they hold.
    return controller_.what_if(*query, [exchange, keep](json::object body) {
      exchange->respond(json_response(http::status::ok, body, keep));
    });
  }

  if (path == "/lab/v1/events" || path == "/lab/v1/samples") {
    if (auto name = params->unknown({"after", "timeout_ms", "limit"}))
      return fail(exchange, http::status::bad_request, "unknown parameter \"" + *name + "\"");
    const auto after = params->get_uint("after", 0, 0, UINT64_MAX, error);
    const auto timeout = params->get_uint("timeout_ms", 25'000, 0, kMaxPollMs, error);
    const auto limit = params->get_uint("limit", 1000, 1, 1000, error);
    if (!after || !timeout || !limit) return fail(exchange, http::status::bad_request, error);
    const bool samples = path == "/lab/v1/samples";
    EventBus& bus = samples ? controller_.samples() : controller_.events();
    const std::uint64_t from = *after;
    const bool waiting = bus.wait(
        from, *limit, std::chrono::milliseconds(*timeout), exchange->executor(),
        [exchange, keep, samples, from, bus = bus.shared_from_this()](std::vector<NodeEvent> events) {
          json::array list;
          std::uint64_t next = std::min(from, bus->last_id());
          for (auto& e : events) {
            json::object item{{"id", e.id}, {"time_ms", e.at_ms}};
            if (!samples) item["kind"] = e.type;
            for (auto& [key, value] : e.data) {
              // A sample's time is when its answer reached the user.
              if (key == "time_ms")
                item["time_ms"] = value;
              else
                item[key] = std::move(value);
            }
            next = e.id;
            list.push_back(std::move(item));
          }
          exchange->respond(json_response(
              http::status::ok, json::object{{samples ? "samples" : "events", std::move(list)}, {"next", next}}, keep));
        });
    if (!waiting) fail(exchange, http::status::service_unavailable, "too many long-polls waiting; retry later");
    return;
  }
  if (path == "/lab/v1/metrics") {
    if (auto name = params->unknown({"after"}))
      return fail(exchange, http::status::bad_request, "unknown parameter \"" + *name + "\"");
    const auto after = params->get_uint("after", 0, 0, INT64_MAX, error);
    if (!after) return fail(exchange, http::status::bad_request, error);
    json::object body = controller_.metrics_json(static_cast<std::int64_t>(*after));
    body["api"] = json::object{{"requests", counters_.requests.load()},
                               {"auth_failures", counters_.auth_failures.load()},
                               {"bad_requests", counters_.bad_requests.load()}};
    return exchange->respond(json_response(http::status::ok, body, keep));
  }
  if (auto name = params->unknown({}))
    return fail(exchange, http::status::bad_request, "unknown parameter \"" + *name + "\"");
  exchange->respond(json_response(
      http::status::ok, path == "/lab/v1/topology" ? controller_.topology_json() : controller_.health_json(), keep));
}

void LabApi::traffic(const HttpExchangePtr& exchange) {
  const bool keep = exchange->keep_alive();
  if (exchange->request().method() == http::verb::put) {
    boost::system::error_code ec;
    json::value body = json::parse(exchange->request().body(), ec);
    if (ec) return fail(exchange, http::status::bad_request, "body: malformed JSON: " + ec.message());
    if (!body.is_object()) return fail(exchange, http::status::bad_request, "body: expected a JSON object");
    LiveTrafficSettings settings = controller_.traffic();
    if (auto problem = apply_traffic_body(body.as_object(), settings); !problem.empty())
      return fail(exchange, http::status::bad_request, problem);
    controller_.set_traffic(settings);
  }
  exchange->respond(json_response(http::status::ok, traffic_json(controller_.traffic()), keep));
}

void LabApi::fault(const HttpExchangePtr& exchange) {
  http::status status{};
  std::string error;
  auto step = parse_fault_body(exchange->request().body(), controller_.fleet(), status, error);
  if (!step) return fail(exchange, status, error);
  LabController& controller = controller_;
  const bool queued = controller_.fault_worker().post([&controller, exchange, step = *step] {
    const bool keep = exchange->keep_alive();
    std::string failure;
    LabFleet& fleet = controller.fleet();
    const bool killed = controller.killed(step.target);
    if (step.action == "kill" && killed)
      return exchange->respond(json_error(http::status::conflict, "kill: " + step.target + " is down already", keep));
    if (step.action == "revive" && !killed)
      return exchange->respond(
          json_error(http::status::conflict, "revive: " + step.target + " is running (kill it first)", keep));
    if (!apply_fault(fleet, step, failure))
      return exchange->respond(json_error(http::status::conflict, step.action + " failed: " + failure, keep));
    if (step.action == "kill" || step.action == "revive") controller.set_killed(step.target, step.action == "kill");
    const std::string node = step.target.empty() ? "origin" : step.target;
    json::object extra{{"action", step.action}};
    if (step.action == "link-delay" || step.action == "origin-slow") extra["ms"] = step.value_ms;
    json::object event = controller.publish("fault", node, fault_message(step, fleet.find(node)), std::move(extra));
    exchange->respond(json_response(http::status::ok, json::object{{"event", std::move(event)}}, keep));
  });
  if (!queued) fail(exchange, http::status::service_unavailable, "too many faults queued; retry later");
}

}  // namespace edgelab
