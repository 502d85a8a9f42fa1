#include "geo/region_catalogue.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <set>
#include <sstream>

namespace edgelab {
namespace json = boost::json;
namespace {

constexpr std::array<std::string_view, 6> kContinents = {"North America", "Europe",      "Asia-Pacific",
                                                         "South America", "Middle East", "Africa"};

}  // namespace

boost::system::result<RegionCatalogue, std::string> RegionCatalogue::parse(std::string_view json_text) {
  boost::system::error_code ec;
  json::value root = json::parse(json_text, ec);
  if (ec) return "invalid JSON: " + ec.message();
  const json::value* list = root.is_object() ? root.as_object().if_contains("regions") : nullptr;
  if (!list || !list->is_array()) return std::string("expected {\"regions\": [...]}");
  RegionCatalogue catalogue;
  std::set<std::string> names;
  for (std::size_t i = 0; i < list->as_array().size(); ++i) {
    const std::string where = "regions[" + std::to_string(i) + "]";
    const json::object* o = list->as_array()[i].if_object();
    if (!o) return where + ": expected an object";
    Region r;
    for (auto [key, out] : {std::pair{"name", &r.name}, std::pair{"city", &r.city}, std::pair{"continent", &r.continent}}) {
      const json::value* v = o->if_contains(key);
      if (!v || !v->is_string() || v->as_string().empty()) return where + "." + key + ": expected a non-empty string";
      *out = v->as_string();
    }
    for (auto [key, out, limit] : {std::tuple{"lat", &r.at.lat, 90.0}, std::tuple{"lon", &r.at.lon, 180.0}}) {
      const json::value* v = o->if_contains(key);
      if (!v || !v->is_number()) return where + "." + key + ": expected a number";
      *out = v->to_number<double>();
      if (*out < -limit || *out > limit) return where + "." + key + ": out of range";
    }
    if (const json::value* v = o->if_contains("population_m")) {
      if (!v->is_number() || v->to_number<double>() < 0) return where + ".population_m: expected a number >= 0";
      r.population_m = v->to_number<double>();
    }
    if (std::find(kContinents.begin(), kContinents.end(), r.continent) == kContinents.end())
      return where + ".continent: \"" + r.continent + "\" is not one of the six";
    if (!names.insert(r.name).second) return where + ".name: \"" + r.name + "\" appears twice";
    catalogue.regions_.push_back(std::move(r));
  }
  if (catalogue.regions_.empty()) return std::string("no regions");
  return catalogue;
}

boost::system::result<RegionCatalogue, std::string> RegionCatalogue::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "cannot read \"" + path + "\"";
  std::ostringstream text;
  text << in.rdbuf();
  auto catalogue = parse(text.str());
  if (!catalogue) return path + ": " + catalogue.error();
  return catalogue;
}

const Region* RegionCatalogue::find(std::string_view name) const {
  for (const auto& r : regions_)
    if (r.name == name) return &r;
  return nullptr;
}

}  // namespace edgelab
