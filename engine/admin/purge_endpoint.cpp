#include "admin/purge_endpoint.hpp"

#include "node/edge_node.hpp"

#include <boost/json.hpp>

namespace edgelab {
namespace json = boost::json;

json::object purge_record_json(const PurgeRecord& r) {
  return json::object{{"seq", r.seq},
                      {"fleet_seq", r.fleet_seq},
                      {"kind", to_string(r.kind)},
                      {"value", r.value},
                      {"soft", r.soft},
                      {"at_ms", r.at_ms},
                      {"invalidated", json::object{{"L1", r.l1}, {"L2", r.l2}}},
                      {"source", r.source}};
}

namespace {

Response outcome_response(const PurgeOutcome& outcome, bool keep) {
  switch (outcome.status) {
    case PurgeOutcome::Status::applied:
    case PurgeOutcome::Status::duplicate: {
      json::object body = purge_record_json(outcome.record);
      body["status"] = outcome.status == PurgeOutcome::Status::applied ? "applied" : "duplicate";
      if (outcome.record.kind == PurgeKind::all)
        body["warning"] = outcome.record.soft
                              ? "every object is now stale: expect a wave of revalidations at the origin"
                              : "every object is gone: expect a wave of full fetches at the origin";
      return json_response(http::status::ok, body, keep);
    }
    case PurgeOutcome::Status::gap:
      return json_response(http::status::conflict,
                           json::object{{"error", outcome.error}, {"fleet_seq", outcome.node_fleet_seq}}, keep);
    case PurgeOutcome::Status::failed:
      break;
  }
  return json_error(http::status::internal_server_error, "purge not applied: " + outcome.error, keep);
}

bool source_allowed(const EdgeNode& node, const net::ip::address& address) {
  for (const auto& allowed : node.config().purge_allow)
    if (allowed.contains(address)) return true;
  return false;
}

}  // namespace

void PurgeEndpoint::purge(EdgeNode& node, const HttpExchangePtr& exchange) {
  const bool keep = exchange->keep_alive();
  std::string error;
  auto request = parse_purge_body(exchange->request().body(), node.keys(), error);
  if (!request) return exchange->respond(json_error(http::status::bad_request, error, keep));
  node.purge(std::move(*request), exchange->executor(),
             [exchange, keep](PurgeOutcome outcome) { exchange->respond(outcome_response(outcome, keep)); });
}

void PurgeEndpoint::purge_method(EdgeNode& node, const HttpExchangePtr& exchange) {
  const bool keep = exchange->keep_alive();
  const Request& req = exchange->request();
  if (node.config().purge_allow.empty())
    return exchange->respond(json_error(http::status::method_not_allowed, "PURGE is not enabled on this node", keep));
  if (!source_allowed(node, exchange->remote_address())) {
    add(node.metrics(), &NodeMetrics::purge_denied);
    return exchange->respond(json_error(http::status::forbidden, "PURGE is not allowed from this address", keep));
  }
  auto host = req.find(http::field::host);
  if (host == req.end() || req.target().empty() || req.target().front() != '/')
    return exchange->respond(json_error(http::status::bad_request, "PURGE needs a Host and a \"/path\" target", keep));
  PurgeRequest request;
  request.kind = PurgeKind::url;
  request.value = node.keys().primary_key(host->value(), req.target());
  request.soft = req["Soft-Purge"] == "1";
  request.source = "PURGE";
  node.purge(std::move(request), exchange->executor(),
             [exchange, keep](PurgeOutcome outcome) { exchange->respond(outcome_response(outcome, keep)); });
}

void PurgeEndpoint::log(EdgeNode& node, const QueryParams& params, const HttpExchangePtr& exchange) {
  const bool keep = exchange->keep_alive();
  std::string error;
  if (auto name = params.unknown({"after", "limit"}))
    return exchange->respond(json_error(http::status::bad_request, "unknown parameter \"" + *name + "\"", keep));
  const auto after = params.get_uint("after", 0, 0, UINT64_MAX, error);
  const auto limit = params.get_uint("limit", 100, 1, 1000, error);
  if (!after || !limit) return exchange->respond(json_error(http::status::bad_request, error, keep));
  json::array purges;
  for (const auto& r : node.purges().recent(*after, *limit)) purges.push_back(purge_record_json(r));
  const PurgeState state = node.purges().state();
  exchange->respond(json_response(http::status::ok,
                                  json::object{{"seq", state.seq},
                                               {"fleet_seq", state.fleet_seq},
                                               {"purges", std::move(purges)}},
                                  keep));
}

void PurgeEndpoint::events(EdgeNode& node, const QueryParams& params, const HttpExchangePtr& exchange) {
  const bool keep = exchange->keep_alive();
  std::string error;
  if (auto name = params.unknown({"after", "limit", "timeout_ms"}))
    return exchange->respond(json_error(http::status::bad_request, "unknown parameter \"" + *name + "\"", keep));
  const auto after = params.get_uint("after", 0, 0, UINT64_MAX, error);
  const auto limit = params.get_uint("limit", 100, 1, 1000, error);
  const auto timeout = params.get_uint("timeout_ms", 25'000, 0, 60'000, error);
  if (!after || !limit || !timeout) return exchange->respond(json_error(http::status::bad_request, error, keep));
  auto& bus = node.events();
  const bool waiting = bus.wait(*after, *limit, std::chrono::milliseconds(*timeout), exchange->executor(),
                                [exchange, keep, bus = node.events().shared_from_this()](std::vector<NodeEvent> events) {
                                  json::array list;
                                  for (auto& e : events)
                                    list.push_back(json::object{{"id", e.id},
                                                                {"at_ms", e.at_ms},
                                                                {"type", e.type},
                                                                {"data", std::move(e.data)}});
                                  exchange->respond(json_response(
                                      http::status::ok,
                                      json::object{{"events", std::move(list)}, {"last_id", bus->last_id()}}, keep));
                                });
  if (!waiting)
    exchange->respond(json_error(http::status::service_unavailable, "too many event waiters; retry later", keep));
}

}  // namespace edgelab
