#pragma once
// The lab's places: each region's name ("us-east-1"), city, continent and
// coordinates, and the metro population that weights simulated users, from
// resources/regions.json.
#include "geo/geo_point.hpp"

#include <boost/system/result.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace edgelab {

struct Region {
  std::string name;
  std::string city;
  std::string continent;
  GeoPoint at;
  double population_m = 0;  // metro population in millions: the default weight of simulated users here
};

class RegionCatalogue {
 public:
  // Strict: every region needs all five fields; names are unique; coordinates
  // in range; continents among the six. Errors name the entry.
  static boost::system::result<RegionCatalogue, std::string> parse(std::string_view json_text);
  static boost::system::result<RegionCatalogue, std::string> load(const std::string& path);

  const Region* find(std::string_view name) const;
  const std::vector<Region>& regions() const { return regions_; }

 private:
  std::vector<Region> regions_;
};

}  // namespace edgelab
