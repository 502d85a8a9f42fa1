#include "geo/geo_router.hpp"

#include <algorithm>

namespace edgelab {

std::string_view to_string(PopHealth health) {
  switch (health) {
    case PopHealth::healthy:
      return "healthy";
    case PopHealth::degraded:
      return "degraded";
    case PopHealth::down:
      return "down";
  }
  return "down";
}

GeoRouter::GeoRouter(std::vector<PopSite> pops)
    : pops_(std::move(pops)), health_(pops_.size(), PopHealth::healthy), load_(pops_.size()) {}

void GeoRouter::set_health(std::size_t pop, PopHealth health) {
  std::lock_guard lock(mutex_);
  if (pop < health_.size()) health_[pop] = health;
}

PopHealth GeoRouter::health(std::size_t pop) const {
  std::lock_guard lock(mutex_);
  return pop < health_.size() ? health_[pop] : PopHealth::down;
}

std::vector<std::pair<std::size_t, double>> GeoRouter::by_distance(GeoPoint client) const {
  std::vector<std::pair<std::size_t, double>> ranked;
  ranked.reserve(pops_.size());
  for (std::size_t i = 0; i < pops_.size(); ++i) ranked.emplace_back(i, great_circle_km(client, pops_[i].at));
  // Ties (two regions in one city) go to the earlier one, so routing is stable.
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  return ranked;
}

bool GeoRouter::has_room(std::size_t pop, std::int64_t second) const {
  const double capacity = pops_[pop].capacity_rps;
  return capacity <= 0 || load_[pop].second != second || load_[pop].count < capacity;
}

std::optional<RouteChoice> GeoRouter::route(GeoPoint client, std::chrono::steady_clock::time_point now) {
  return choose(client, now, true);
}

std::optional<RouteChoice> GeoRouter::peek(GeoPoint client, std::chrono::steady_clock::time_point now) const {
  return choose(client, now, false);
}

std::optional<RouteChoice> GeoRouter::choose(GeoPoint client, std::chrono::steady_clock::time_point now,
                                             bool count) const {
  const auto ranked = by_distance(client);
  if (ranked.empty()) return std::nullopt;
  const std::int64_t second =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  std::lock_guard lock(mutex_);
  for (PopHealth wanted : {PopHealth::healthy, PopHealth::degraded}) {
    for (const auto& [pop, km] : ranked) {
      if (health_[pop] != wanted || !has_room(pop, second)) continue;
      if (count) {
        Load& load = load_[pop];
        if (load.second != second) load = {second, 0};
        ++load.count;
      }
      RouteChoice choice{pop, km, pop != ranked.front().first, {}};
      if (choice.spilled) {
        const std::size_t nearest = ranked.front().first;
        choice.why = pops_[nearest].name + " is " +
                     (health_[nearest] == PopHealth::down       ? "down"
                      : health_[nearest] == PopHealth::degraded ? "degraded"
                                                                : "over capacity");
      }
      return choice;
    }
  }
  return std::nullopt;
}

}  // namespace edgelab
