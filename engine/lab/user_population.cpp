#include "lab/user_population.hpp"

#include <algorithm>

namespace edgelab {

boost::system::result<UserPopulation, std::string> UserPopulation::build(
    const RegionCatalogue& catalogue, const std::map<std::string, double>& overrides) {
  UserPopulation population;
  for (const auto& region : catalogue.regions()) {
    auto same_city = [&](const UserCity& c) { return c.city == region.city && c.continent == region.continent; };
    auto existing = std::find_if(population.cities_.begin(), population.cities_.end(), same_city);
    double weight = region.population_m;
    if (auto it = overrides.find(region.name); it != overrides.end()) weight = it->second;
    if (existing != population.cities_.end()) {
      // Either region's override speaks for the city.
      if (overrides.count(region.name)) existing->weight = weight;
      continue;
    }
    population.cities_.push_back({region.city, region.name, region.continent, region.at, weight});
  }
  double total = 0;
  for (const auto& c : population.cities_) {
    total += c.weight;
    population.cumulative_.push_back(total);
  }
  if (!(total > 0))
    return boost::system::result<UserPopulation, std::string>(boost::system::in_place_error,
                                                              "no users: every city's population weight is 0");
  for (double& c : population.cumulative_) c /= total;
  population.cumulative_.back() = 1.0;
  return population;
}

std::size_t UserPopulation::pick(std::mt19937_64& random) const {
  const double u = std::uniform_real_distribution<double>(0.0, 1.0)(random);
  auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
  if (it == cumulative_.end()) --it;
  // A zero-weight city has the same cumulative value as the one before it, so upper_bound skips it.
  return static_cast<std::size_t>(it - cumulative_.begin());
}

double UserPopulation::share(std::size_t index) const {
  if (index >= cumulative_.size()) return 0;
  return index == 0 ? cumulative_[0] : cumulative_[index] - cumulative_[index - 1];
}

}  // namespace edgelab
