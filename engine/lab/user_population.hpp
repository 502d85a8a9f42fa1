#pragma once
// Where the lab's simulated users are: the catalogue's cities (a city shared
// by two regions counts once), each weighted by its metro population or by
// the traffic section's override.
#include "geo/region_catalogue.hpp"
#include "lab/weighted_choice.hpp"

#include <boost/system/result.hpp>

#include <map>
#include <random>
#include <string>
#include <vector>

namespace edgelab {

struct UserCity {
  std::string city;
  std::string region;  // the first catalogue region in this city
  std::string continent;
  GeoPoint at;
  double weight = 0;
};

class UserPopulation {
 public:
  static boost::system::result<UserPopulation, std::string> build(const RegionCatalogue& catalogue,
                                                                 const std::map<std::string, double>& overrides);
  const std::vector<UserCity>& cities() const { return cities_; }
  std::size_t pick(std::mt19937_64& random) const { return choice_(random); }
  // The share of users in city `index`.
  double share(std::size_t index) const { return choice_.probability(static_cast<std::uint32_t>(index)); }

 private:
  std::vector<UserCity> cities_;
  WeightedChoice choice_{std::vector<double>{}};
};

}  // namespace edgelab
