#include "control/fleet.hpp"

#include "admin/admin_token.hpp"
#include "admin/tls_context.hpp"

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace edgelab {
namespace json = boost::json;

boost::system::result<std::vector<FleetNode>, std::string> parse_fleet(std::string_view json_text,
                                                                       const std::string& base_directory) {
  boost::system::error_code ec;
  json::value root = json::parse(json_text, ec);
  if (ec) return "invalid JSON: " + ec.message();
  const json::array* list = root.if_array();
  if (!list && root.is_object())
    if (auto* nodes = root.as_object().if_contains("nodes")) list = nodes->if_array();
  if (!list) return std::string("expected an array of nodes (or {\"nodes\": [...]})");
  std::vector<FleetNode> fleet;
  std::set<std::string> names;
  std::map<std::string, std::shared_ptr<net::ssl::context>> tls_by_ca;  // one context per CA file
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string where = "nodes[" + std::to_string(i) + "]";
    const json::object* o = (*list)[i].if_object();
    if (!o) return where + ": expected an object";
    auto text = [&](std::string_view key, bool required, std::string& out) -> std::optional<std::string> {
      const json::value* v = o->if_contains(key);
      if (!v) return required ? std::optional<std::string>(where + "." + std::string(key) + ": required") : std::nullopt;
      if (!v->is_string()) return where + "." + std::string(key) + ": expected a string";
      out = v->as_string();
      return std::nullopt;
    };
    for (const auto& [key, value] : *o)
      if (key != "name" && key != "admin_url" && key != "token_file" && key != "role" && key != "ca_file")
        return where + ": unknown key \"" + std::string(key) + "\"";
    FleetNode node;
    std::string token_file, ca_file;
    if (auto e = text("name", true, node.name)) return *e;
    if (auto e = text("admin_url", true, node.admin_url)) return *e;
    if (auto e = text("token_file", true, token_file)) return *e;
    if (auto e = text("role", false, node.role)) return *e;
    if (auto e = text("ca_file", false, ca_file)) return *e;
    if (node.name.empty()) return where + ".name: must not be empty";
    if (!names.insert(node.name).second) return where + ".name: \"" + node.name + "\" appears twice";
    if (node.role != "edge" && node.role != "shield") return where + ".role: expected \"edge\" or \"shield\"";
    std::filesystem::path token_path(token_file);
    if (token_path.is_relative()) token_path = std::filesystem::path(base_directory) / token_path;
    std::string error;
    auto token = read_admin_token(token_path.string(), error);
    if (!token) return where + ".token_file: " + error;
    std::shared_ptr<net::ssl::context> tls;
    if (node.admin_url.starts_with("https://")) {
      if (!ca_file.empty() && std::filesystem::path(ca_file).is_relative())
        ca_file = (std::filesystem::path(base_directory) / ca_file).string();
      auto& cached = tls_by_ca[ca_file];
      if (!cached) cached = make_client_tls(ca_file, error);
      if (!cached) return where + ".ca_file: " + error;
      tls = cached;
    }
    auto endpoint = AdminEndpoint::from_url(node.admin_url, *token, tls);
    if (!endpoint)
      return where + ".admin_url: expected \"http://host:port\" or \"https://host:port\", got \"" + node.admin_url +
             "\"";
    node.endpoint = std::move(*endpoint);
    fleet.push_back(std::move(node));
  }
  if (fleet.empty()) return std::string("no nodes listed");
  return fleet;
}

boost::system::result<std::vector<FleetNode>, std::string> load_fleet(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "cannot read \"" + path + "\"";
  std::ostringstream text;
  text << in.rdbuf();
  auto dir = std::filesystem::path(path).parent_path().string();
  auto fleet = parse_fleet(text.str(), dir.empty() ? "." : dir);
  if (!fleet) return path + ": " + fleet.error();
  return fleet;
}

}  // namespace edgelab
