#include "admin/admin_api.hpp"

#include "admin/admin_token.hpp"
#include "node/edge_node.hpp"

#include <boost/json.hpp>

namespace edgelab {
namespace {

Response json_response(http::status status, std::string body, bool keep_alive) {
  Response res{status, 11};
  res.set(http::field::content_type, "application/json");
  res.set(http::field::cache_control, "no-store");
  res.body() = std::move(body);
  res.keep_alive(keep_alive);
  res.prepare_payload();
  return res;
}

Response json_error(http::status status, std::string_view message, bool keep_alive) {
  boost::json::object o;
  o["error"] = message;
  return json_response(status, boost::json::serialize(o), keep_alive);
}

bool authorized(const Request& req, const std::string& token) {
  std::string_view header = req[http::field::authorization];
  constexpr std::string_view scheme = "Bearer ";
  if (header.size() <= scheme.size() || header.substr(0, scheme.size()) != scheme) return false;
  return token_matches(header.substr(scheme.size()), token);
}

std::string status_json(const EdgeNode& node) {
  const auto& c = node.config();
  boost::json::object o;
  o["name"] = c.name;
  o["region"] = "";
  o["version"] = EDGELAB_VERSION;
  o["uptime_s"] =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - node.started_at()).count();
  o["last_purge_seq"] = 0;
  boost::json::object config;
  config["listen"] = c.listen.host + ":" + std::to_string(node.port());
  config["upstream"] = "http://" + c.upstream.to_string();
  config["l1_max_bytes"] = c.l1_max_bytes;
  if (c.l2) config["l2"] = {{"path", c.l2->path}, {"max_bytes", c.l2->max_bytes}};
  config["coalescing"] = c.cache.coalescing;
  config["max_object_bytes"] = c.cache.max_object_bytes;
  o["config"] = std::move(config);
  return boost::json::serialize(o);
}

}  // namespace

void AdminApi::handle(EdgeNode& node, const HttpExchangePtr& exchange) {
  const Request& req = exchange->request();
  const bool keep = req.keep_alive();
  std::string_view path = req.target();
  path = path.substr(0, path.find('?'));
  const bool read_method = req.method() == http::verb::get || req.method() == http::verb::head;

  if (path == "/health") {
    if (!read_method) return exchange->respond(json_error(http::status::method_not_allowed, "use GET", keep));
    return exchange->respond(json_response(http::status::ok, R"({"status":"ok","node":")" + node.name() + "\"}", keep));
  }
  if (!authorized(req, node.admin_token())) {
    add(node.metrics(), &NodeMetrics::admin_auth_failures);
    Response res = json_error(http::status::unauthorized, "missing or invalid bearer token", keep);
    res.set(http::field::www_authenticate, "Bearer");
    return exchange->respond(std::move(res));
  }
  if (path == "/metrics" || path == "/admin/v1/status" || path == "/admin/v1/stats") {
    if (!read_method) return exchange->respond(json_error(http::status::method_not_allowed, "use GET", keep));
    if (path == "/metrics") {
      Response res{http::status::ok, 11};
      res.set(http::field::content_type, "text/plain; version=0.0.4");
      res.body() = node.prometheus_text();
      res.keep_alive(keep);
      res.prepare_payload();
      return exchange->respond(std::move(res));
    }
    return exchange->respond(
        json_response(http::status::ok, path == "/admin/v1/status" ? status_json(node) : node.stats_json(), keep));
  }
  exchange->respond(json_error(http::status::not_found, "no such endpoint: " + std::string(path), keep));
}

}  // namespace edgelab
