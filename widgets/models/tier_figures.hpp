#pragma once
// One node's cache tiers as the inspector shows them: occupancy against the
// limits, hit ratio per tier over the last 10 s, evictions per second, and
// where the node sits in the tier chain (edge -> shield -> origin).
#include "models/node_health.hpp"

#include <QString>

namespace edgelab::console {

struct TierOccupancy {
  bool present = false;  // the node has this tier
  double bytes = 0, objects = 0;
  double max_bytes = 0;        // 0: unknown
  double evictions_per_s = 0;  // over the last stats interval
};

struct TierFigures {
  QString name, role, region, city, upstream;  // upstream: a node's name, "origin", or empty
  Health health = Health::connecting;
  bool from_lab = false;  // one of the connected lab's nodes (placed by its topology)
  double requests_per_s = 0;
  double upstream_per_s = 0;         // requests this node sent to its upstream
  double hit_l1 = -1, hit_l2 = -1;   // shares of the node's requests, last 10 s; -1 unknown
  TierOccupancy l1, l2;
  // Share of the node's requests it answered without its upstream (L1 + L2), -1 unknown.
  double hitRatio() const { return hit_l1 < 0 ? -1 : hit_l1 + (hit_l2 < 0 ? 0 : hit_l2); }
};

}  // namespace edgelab::console
