#pragma once
// Shapes the map and its legend draw alike.
#include <QPainterPath>

namespace edgelab::console {

// A shield's mark: a square on its corner, `r` from the centre to each corner.
inline QPainterPath diamondPath(QPointF c, double r) {
  QPainterPath path;
  path.moveTo(c.x(), c.y() - r);
  path.lineTo(c.x() + r, c.y());
  path.lineTo(c.x(), c.y() + r);
  path.lineTo(c.x() - r, c.y());
  path.closeSubpath();
  return path;
}

}  // namespace edgelab::console
