#pragma once
// "What if a user here asked for this URL?": the PoP the router would pick,
// the shield and origin behind it, the simulated one-way delays of the path,
// and which tiers of the path's nodes hold the URL now (asked through their
// admin APIs, like any remote node).
#include "geo/geo_router.hpp"
#include "lab/lab_fleet.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace edgelab {

struct WhatIfHop {
  std::string node;                // "edge-fr-central", "shield-eu-central-1", "origin"
  std::chrono::microseconds link;  // simulated one-way delay to reach it from the previous hop
  std::vector<std::string> tiers;  // "L1", "L2" holding the URL now (empty: not cached)
  std::string error;               // the node could not be asked
};

struct WhatIfAnswer {
  std::optional<RouteChoice> route;  // nullopt: every PoP down or full
  std::vector<WhatIfHop> path;       // PoP, shield (if any), origin
};

// `pops[i]` is the lab node behind router.pops()[i]. `done` runs on the lab's pool.
void ask_what_if(LabFleet& lab, const GeoRouter& router, const std::vector<const LabNode*>& pops, GeoPoint client,
                 const std::string& url, std::function<void(WhatIfAnswer)> done);

}  // namespace edgelab
