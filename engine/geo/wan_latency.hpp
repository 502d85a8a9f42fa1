#pragma once
// The lab's simulated WAN: a link's one-way delay from its length. Light in
// fiber covers about 200 km per ms; real routes are longer than the great
// circle (route inflation, 1.5 by default); a base covers the last mile and
// equipment; jitter is optional and uniform. Simulated figures, labelled so.
#include "geo/geo_point.hpp"

#include <chrono>
#include <random>

namespace edgelab {

struct WanLatencyModel {
  double fiber_km_per_ms = 200.0;
  double route_inflation = 1.5;
  double base_ms = 0.5;
  double jitter_ms = 0.0;  // up to this much is added, uniformly

  std::chrono::microseconds one_way(double km) const;
  std::chrono::microseconds one_way(double km, std::mt19937& random) const;
  std::chrono::microseconds one_way(GeoPoint a, GeoPoint b) const { return one_way(great_circle_km(a, b)); }
};

}  // namespace edgelab
