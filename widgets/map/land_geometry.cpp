#include "map/land_geometry.hpp"

#include "map/equal_earth.hpp"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace edgelab::console {

const LandGeometry& LandGeometry::instance() {
  static const LandGeometry geometry;
  return geometry;
}

LandGeometry::LandGeometry() {
  QFile file(u":/edgelab/map/land-110m.json"_s);
  if (file.open(QIODevice::ReadOnly)) {
    const auto rings = QJsonDocument::fromJson(file.readAll()).object().value(u"rings"_s).toArray();
    for (const auto& value : rings) {
      const QJsonArray ring = value.toArray();
      if (ring.size() < 6) continue;
      QPolygonF polygon;
      polygon.reserve(ring.size() / 2 + 1);
      for (qsizetype i = 0; i + 1 < ring.size(); i += 2)
        polygon << EqualEarth::forward(ring[i].toDouble(), ring[i + 1].toDouble());
      polygon << polygon.first();
      land_.addPolygon(polygon);
      ++rings_;
    }
    land_.setFillRule(Qt::WindingFill);
  }
  // The outline: up the east edge, down the west one.
  QPolygonF edge;
  for (int lat = -90; lat <= 90; ++lat) edge << EqualEarth::forward(180, lat);
  for (int lat = 90; lat >= -90; --lat) edge << EqualEarth::forward(-180, lat);
  outline_.addPolygon(edge);
  outline_.closeSubpath();
  for (int lon = -150; lon <= 150; lon += 30) {
    QPolygonF meridian;
    for (int lat = -90; lat <= 90; lat += 2) meridian << EqualEarth::forward(lon, lat);
    graticule_.addPolygon(meridian);
  }
  for (int lat = -60; lat <= 60; lat += 30) {
    QPolygonF parallel;
    for (int lon = -180; lon <= 180; lon += 5) parallel << EqualEarth::forward(lon, lat);
    graticule_.addPolygon(parallel);
  }
}

}  // namespace edgelab::console
