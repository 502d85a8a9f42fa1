#pragma once
// A point on the globe and the great-circle distance between two (Haversine,
// on a sphere of the Earth's mean radius: within 0.5% of the ellipsoid).
#include <cmath>

namespace edgelab {

struct GeoPoint {
  double lat = 0;  // degrees, -90 .. 90
  double lon = 0;  // degrees, -180 .. 180
};

inline double great_circle_km(GeoPoint a, GeoPoint b) {
  constexpr double kEarthRadiusKm = 6371.0088;
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (b.lat - a.lat) * kRad;
  const double dlon = (b.lon - a.lon) * kRad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace edgelab
