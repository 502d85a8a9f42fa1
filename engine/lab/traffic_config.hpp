#pragma once
// What the lab's simulated users ask for, and how fast: a topology file's
// optional "traffic" section, overridable from the command line.
//
//   "traffic": {"rps": 250, "duration_s": 20, "max_requests": 0, "objects": 1000, "zipf": 0.9,
//               "mix": {"static": 0.7, "semi_dynamic": 0.2, "dynamic": 0.1},
//               "object_bytes": 8192, "static_ttl_s": 86400, "semi_ttl_s": 10, "semi_swr_s": 30,
//               "population": {"ap-northeast-1": 40}, "seed": 1, "max_in_flight": 2048}
//
// "population" replaces the catalogue's metro population (millions) of the
// named regions' cities; 0 leaves a city without users.
#include "geo/region_catalogue.hpp"

#include <boost/json/value.hpp>
#include <boost/system/result.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace edgelab {

enum class ObjectClass : std::uint8_t { static_asset, semi_dynamic, dynamic };
std::string_view to_string(ObjectClass klass);
inline constexpr int kObjectClasses = 3;
inline constexpr std::uint64_t kMaxRunRequests = 20'000'000;

struct TrafficConfig {
  double rps = 250;
  double duration_s = 20;
  std::uint64_t max_requests = 0;  // 0: rps x duration
  std::uint32_t objects = 1000;    // distinct objects in each class
  double zipf_exponent = 0.9;
  double share[kObjectClasses] = {0.7, 0.2, 0.1};  // static, semi-dynamic, dynamic; normalized
  std::uint64_t object_bytes = 8192;
  std::uint32_t static_ttl_s = 86400;
  std::uint32_t semi_ttl_s = 10;
  std::uint32_t semi_swr_s = 30;
  std::map<std::string, double> population;  // region name -> weight, over the catalogue's
  std::uint32_t seed = 1;
  std::uint32_t max_in_flight = 2048;
  // A user connection to a PoP left idle this long is closed (see user_connections.hpp).
  std::chrono::milliseconds user_idle_timeout{2'000};
  std::string host = "www.lab.example";

  // The number of requests the run makes.
  std::uint64_t request_budget() const;
};

// Reads `section` over `base` (so command-line values can be applied after);
// errors name the key.
boost::system::result<TrafficConfig, std::string> parse_traffic_config(const boost::json::value& section,
                                                                      const RegionCatalogue& catalogue,
                                                                      TrafficConfig base = {});
// Checks ranges after every source has been applied.
std::string validate(const TrafficConfig& config);

}  // namespace edgelab
