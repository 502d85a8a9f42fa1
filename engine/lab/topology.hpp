#pragma once
// A lab topology: where the origin is, which regions run a regional shield,
// which run an edge PoP (with its shield, cache sizes and capacity). Loaded
// from JSON against the region catalogue; errors name the problem.
//
//   {"name": "default", "origin": "us-east-1",
//    "defaults": {"l1_bytes": 33554432, "l2_bytes": 0, "capacity_rps": 2000, "shield": "auto"},
//    "shields": [{"region": "eu-central-1"}, ...],
//    "pops": [{"region": "fr-central", "shield": "eu-central-1", "capacity_rps": 500}, ...],
//    "traffic": {...}}
//
// "shield": "auto" picks the nearest shield by great-circle distance; "none"
// sends the PoP straight to the origin.
#include "geo/region_catalogue.hpp"
#include "lab/traffic_config.hpp"

#include <boost/system/result.hpp>

#include <optional>
#include <string>
#include <vector>

namespace edgelab {

struct TopologyShield {
  const Region* region = nullptr;
  std::uint64_t l1_bytes = 0;
  std::uint64_t l2_bytes = 0;
};

struct TopologyPop {
  const Region* region = nullptr;
  std::optional<std::size_t> shield;  // index into shields; nullopt: straight to the origin
  std::uint64_t l1_bytes = 0;
  std::uint64_t l2_bytes = 0;
  double capacity_rps = 0;  // 0: unlimited
};

struct Topology {
  std::string name;
  std::string description;
  const Region* origin = nullptr;
  std::vector<TopologyShield> shields;
  std::vector<TopologyPop> pops;
  TrafficConfig traffic;  // the optional "traffic" section (see traffic_config.hpp), over the defaults
};

// `catalogue` must outlive the topology (regions are pointed to).
boost::system::result<Topology, std::string> parse_topology(std::string_view json_text,
                                                           const RegionCatalogue& catalogue);
boost::system::result<Topology, std::string> load_topology(const std::string& path, const RegionCatalogue& catalogue);

}  // namespace edgelab
