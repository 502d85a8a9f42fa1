#pragma once
// Anycast, simulated: a client goes to the nearest PoP by great-circle
// distance that is up and under its capacity this second; otherwise it spills
// to the next nearest. Healthy PoPs are preferred to degraded ones; down ones
// get nothing (a withdrawn route). Thread-safe.
#include "geo/geo_point.hpp"

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace edgelab {

enum class PopHealth { healthy, degraded, down };
std::string_view to_string(PopHealth health);

struct PopSite {
  std::string name;
  GeoPoint at;
  double capacity_rps = 0;  // 0: unlimited
};

struct RouteChoice {
  std::size_t pop = 0;  // index into pops()
  double distance_km = 0;
  bool spilled = false;  // not the nearest PoP
  std::string why;       // for a spill: what was wrong with the nearer ones
};

class GeoRouter {
 public:
  explicit GeoRouter(std::vector<PopSite> pops);

  const std::vector<PopSite>& pops() const { return pops_; }
  void set_health(std::size_t pop, PopHealth health);
  PopHealth health(std::size_t pop) const;
  // Every PoP with its distance from `client`, nearest first.
  std::vector<std::pair<std::size_t, double>> by_distance(GeoPoint client) const;
  // Chooses and counts one request; nullopt when every PoP is down or full.
  std::optional<RouteChoice> route(GeoPoint client, std::chrono::steady_clock::time_point now);
  // The same choice without counting it (what-if questions).
  std::optional<RouteChoice> peek(GeoPoint client, std::chrono::steady_clock::time_point now) const;

 private:
  struct Load {
    std::int64_t second = -1;
    double count = 0;
  };
  bool has_room(std::size_t pop, std::int64_t second) const;
  std::optional<RouteChoice> choose(GeoPoint client, std::chrono::steady_clock::time_point now, bool count) const;

  std::vector<PopSite> pops_;
  mutable std::mutex mutex_;
  std::vector<PopHealth> health_;
  mutable std::vector<Load> load_;
};

}  // namespace edgelab
