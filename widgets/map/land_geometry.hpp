#pragma once
// The land outlines (resources/map/land-110m.json: Natural Earth 1:110m, see
// resources/map/README.md) projected once with Equal Earth into a painter path,
// plus the map's outline (the ±180° meridians) and a 30° graticule.
#include <QPainterPath>

namespace edgelab::console {

class LandGeometry {
 public:
  static const LandGeometry& instance();  // built once, on first use
  const QPainterPath& land() const { return land_; }
  const QPainterPath& outline() const { return outline_; }
  const QPainterPath& graticule() const { return graticule_; }
  int ringCount() const { return rings_; }

 private:
  LandGeometry();
  QPainterPath land_, outline_, graticule_;
  int rings_ = 0;
};

}  // namespace edgelab::console
