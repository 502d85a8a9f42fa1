#pragma once
// The nodes a controller drives, from a nodes.json file:
//   [{"name": "fra-1", "admin_url": "http://127.0.0.1:9101",
//     "token_file": "fra-1.token", "role": "edge"}, ...]
// (or {"nodes": [...]}). token_file is relative to the file's directory;
// role is "shield" or "edge" (default): shields are purged before edges.
// An https admin_url is verified against "ca_file" (relative like token_file)
// or, without one, the system's trust store.
#include "control/admin_client.hpp"

#include <boost/system/result.hpp>

#include <string>
#include <vector>

namespace edgelab {

struct FleetNode {
  std::string name;
  std::string role = "edge";
  std::string admin_url;
  AdminEndpoint endpoint;
  int wave() const { return role == "shield" ? 0 : 1; }
};

boost::system::result<std::vector<FleetNode>, std::string> load_fleet(const std::string& path);
boost::system::result<std::vector<FleetNode>, std::string> parse_fleet(std::string_view json_text,
                                                                       const std::string& base_directory);

}  // namespace edgelab
