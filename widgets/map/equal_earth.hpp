#pragma once
// The Equal Earth projection (Šavrič, Patterson, Jenny 2018), an equal-area
// pseudocylindrical world projection: forward and inverse on the unit sphere.
// x is east, y is north; x spans ±2.7066 at the equator, y ±1.3174 at the poles.
#include <QPointF>

#include <optional>

namespace edgelab::console {

class EqualEarth {
 public:
  static constexpr double kMaxX = 2.706629646464;  // x of (±180°, 0°)
  static constexpr double kMaxY = 1.317362759157;  // y of (0°, ±90°)

  // Degrees in, projected unit-sphere coordinates out.
  static QPointF forward(double lonDegrees, double latDegrees);
  // Projected coordinates in, (lon, lat) degrees out; nullopt outside the map.
  static std::optional<QPointF> inverse(QPointF projected);
};

}  // namespace edgelab::console
