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
  std::vector<double> weights;
  for (const auto& c : population.cities_) weights.push_back(c.weight);
  population.choice_ = WeightedChoice(weights);
  if (population.choice_.empty())
    return boost::system::result<UserPopulation, std::string>(boost::system::in_place_error,
                                                              "no users: every city's population weight is 0");
  return population;
}

}  // namespace edgelab
