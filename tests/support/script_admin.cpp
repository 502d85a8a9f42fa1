#include "support/script_admin.hpp"

#include "support/test_fleet.hpp"

#include <boost/json.hpp>

namespace edgelab::test {
namespace json = boost::json;

namespace {
std::string bearer(const EdgeNode& node) { return "Bearer " + node.admin_token(); }
}  // namespace

Response put_script(const EdgeNode& node, const std::string& source, const std::string& query) {
  const std::string auth = bearer(node);
  return TestFleet::send(node.admin_port(), http::verb::put, "/admin/v1/script" + (query.empty() ? "" : "?" + query),
                         source, {{"Authorization", auth}});
}

Response delete_script(const EdgeNode& node) {
  const std::string auth = bearer(node);
  return TestFleet::send(node.admin_port(), http::verb::delete_, "/admin/v1/script", {}, {{"Authorization", auth}});
}

json::value parse_body(const Response& response) {
  json::error_code ec;
  json::value v = json::parse(response.body(), ec);
  return ec ? json::value() : v;
}

json::value script_status(const EdgeNode& node) { return parse_body(TestFleet::admin_get(node, "/admin/v1/script")); }

std::uint64_t script_counter(const EdgeNode& node, const std::string& path) {
  json::value status = script_status(node);
  if (!status.is_object()) return 0;
  const json::value* at = status.as_object().if_contains("script");
  std::string_view rest = path;
  while (at && at->is_object() && !rest.empty()) {
    const auto dot = rest.find('.');
    at = at->as_object().if_contains(rest.substr(0, dot));
    rest = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
  }
  return at && at->is_number() ? at->to_number<std::uint64_t>() : 0;
}

}  // namespace edgelab::test
