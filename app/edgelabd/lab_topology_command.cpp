// edgelabd lab --topology NAME|FILE --serve: a whole topology as real nodes on
// loopback, kept running for edgelabd ctl (and the console).
#include "commands.hpp"
#include "control/fanout_report.hpp"
#include "lab/lab_fleet.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

namespace edgelab::cli {
namespace {

std::string resource_dir() {
  if (const char* dir = std::getenv("EDGELAB_RESOURCES"); dir && *dir) return dir;
  return EDGELAB_RESOURCE_DIR;
}

std::string millis(std::chrono::microseconds us) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(us.count()) / 1000.0);
  return buf;
}

}  // namespace

int run_lab_topology(const Args& args) {
  const std::string regions_path = option(args, "--regions", resource_dir() + "/regions.json");
  auto catalogue = RegionCatalogue::load(regions_path);
  if (!catalogue) {
    std::cerr << "edgelabd lab: " << catalogue.error() << "\n";
    return 2;
  }
  std::string name = option(args, "--topology");
  const std::string path =
      name == "default" || name == "world50" ? resource_dir() + "/topologies/" + name + ".json" : name;
  auto topology = load_topology(path, *catalogue);
  if (!topology) {
    std::cerr << "edgelabd lab: topology " << topology.error() << "\n";
    return 2;
  }
  if (!flag(args, "--serve")) {
    std::cerr << "edgelabd lab --topology: simulated users and the run report are not built yet; add --serve to run "
                 "the lab's nodes for edgelabd ctl\n";
    return 2;
  }
  std::string error;
  auto lab = LabFleet::start(*topology, {}, error);
  if (!lab) {
    std::cerr << "edgelabd lab: " << error << "\n";
    return 1;
  }
  std::vector<std::vector<std::string>> rows{
      {"node", "role", "city", "upstream", "link ms (simulated, one way)", "data", "admin"}};
  for (const auto& n : lab->nodes())
    rows.push_back({n.name, n.role == LabNode::Role::shield ? "shield" : "edge", n.region->city, n.upstream_name,
                    millis(n.uplink->delay()), "127.0.0.1:" + std::to_string(n.node->port()),
                    "http://127.0.0.1:" + std::to_string(n.node->admin_port())});
  std::cout << "EdgeLab lab \"" << topology->name << "\": " << lab->nodes().size() << " nodes and the origin ("
            << lab->origin_region()->name << ", 127.0.0.1:" << lab->origin().port() << ") up in "
            << millis(lab->startup_time()) << " ms\n"
            << text_table(rows);
  const std::string nodes_file = option(args, "--nodes-file", (lab->state_dir() / "nodes.json").string());
  {
    std::ofstream out(nodes_file, std::ios::trunc);
    out << lab->nodes_json() << "\n";
    if (!out) {
      std::cerr << "edgelabd lab: cannot write " << nodes_file << "\n";
      return 1;
    }
  }
  std::cout << "nodes file for edgelabd ctl: " << nodes_file << "\nserving; stop with Ctrl-C" << std::endl;
  wait_for_termination_signal();
  std::cout << "lab: shutting down" << std::endl;
  return 0;
}

}  // namespace edgelab::cli
