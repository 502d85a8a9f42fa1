#include "admin/admin_api.hpp"

#include "admin/admin_http.hpp"
#include "admin/cache_inspector.hpp"
#include "admin/purge_endpoint.hpp"
#include "admin/script_endpoint.hpp"
#include "node/edge_node.hpp"

#include <boost/json.hpp>

namespace edgelab {
namespace json = boost::json;
namespace {

json::object status_json(EdgeNode& node) {
  const auto& c = node.config();
  json::object o;
  o["name"] = c.name;
  o["region"] = c.region;
  o["coordinates"] = c.location ? json::value(json::object{{"lat", c.location->first}, {"lon", c.location->second}})
                                : json::value(nullptr);
  o["version"] = EDGELAB_VERSION;
  o["uptime_s"] =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - node.started_at()).count();
  const PurgeState purge = node.purges().state();
  o["last_purge_seq"] = purge.seq;
  o["fleet_seq"] = purge.fleet_seq;
  o["purge_all_floor"] = json::object{{"hard", purge.hard_floor}, {"soft", purge.soft_floor}};
  json::object config;
  config["listen"] = c.listen.host + ":" + std::to_string(node.port());
  config["upstream"] = "http://" + c.upstream.to_string();
  config["l1_max_bytes"] = c.l1_max_bytes;
  config["l2"] = c.l2 ? json::value(json::object{{"path", c.l2->path}, {"max_bytes", c.l2->max_bytes}})
                      : json::value(nullptr);
  config["coalescing"] = c.cache.coalescing;
  config["max_object_bytes"] = c.cache.max_object_bytes;
  config["admin_tls"] = c.admin && c.admin->tls.has_value();
  o["config"] = std::move(config);
  return o;
}

Response text_response(std::string body, bool keep) {
  Response res{http::status::ok, 11};
  res.set(http::field::content_type, "text/plain; version=0.0.4");
  res.body() = std::move(body);
  res.keep_alive(keep);
  res.prepare_payload();
  return res;
}

}  // namespace

void AdminApi::handle(EdgeNode& node, const HttpExchangePtr& exchange) {
  const Request& req = exchange->request();
  const bool keep = req.keep_alive();
  const auto method = req.method();
  const bool read_method = method == http::verb::get || method == http::verb::head;
  auto respond_error = [&](http::status status, std::string_view message) {
    exchange->respond(json_error(status, message, keep));
  };

  std::string error;
  auto params = QueryParams::parse(req.target(), error);
  if (!params) return respond_error(http::status::bad_request, error);
  std::string_view path = req.target();
  path = path.substr(0, path.find('?'));

  if (path == "/health") {
    if (!read_method) return respond_error(http::status::method_not_allowed, "use GET");
    return exchange->respond(json_response(http::status::ok, json::object{{"status", "ok"}, {"node", node.name()}}, keep));
  }
  if (!bearer_authorized(req, node.admin_token())) {
    add(node.metrics(), &NodeMetrics::admin_auth_failures);
    Response res = json_error(http::status::unauthorized, "missing or invalid bearer token", keep);
    res.set(http::field::www_authenticate, "Bearer");
    return exchange->respond(std::move(res));
  }
  if (path == "/admin/v1/purge") {
    if (method != http::verb::post) return respond_error(http::status::method_not_allowed, "use POST");
    return PurgeEndpoint::purge(node, exchange);
  }
  if (path == "/admin/v1/script") return ScriptEndpoint::handle(node, *params, exchange);
  struct ReadRoute {
    std::string_view path;
    void (*serve)(EdgeNode&, const QueryParams&, const HttpExchangePtr&);
  };
  static constexpr ReadRoute kReadRoutes[] = {
      {"/metrics",
       [](EdgeNode& n, const QueryParams&, const HttpExchangePtr& x) {
         x->respond(text_response(n.prometheus_text(), x->keep_alive()));
       }},
      {"/admin/v1/status",
       [](EdgeNode& n, const QueryParams&, const HttpExchangePtr& x) {
         x->respond(json_response(http::status::ok, status_json(n), x->keep_alive()));
       }},
      {"/admin/v1/stats",
       [](EdgeNode& n, const QueryParams&, const HttpExchangePtr& x) {
         x->respond(json_response(http::status::ok, json::parse(n.stats_json()), x->keep_alive()));
       }},
      {"/admin/v1/cache", &CacheInspector::list},
      {"/admin/v1/cache/object", &CacheInspector::object},
      {"/admin/v1/purges", &PurgeEndpoint::log},
      {"/admin/v1/events", &PurgeEndpoint::events},
  };
  for (const auto& route : kReadRoutes) {
    if (route.path != path) continue;
    if (!read_method) return respond_error(http::status::method_not_allowed, "use GET");
    return route.serve(node, *params, exchange);
  }
  respond_error(http::status::not_found, "no such endpoint: " + std::string(path));
}

}  // namespace edgelab
