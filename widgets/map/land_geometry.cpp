#include "map/land_geometry.hpp"

#include "map/equal_earth.hpp"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <vector>

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {

struct LonLat {
  double lon, lat;
};
using Ring = std::vector<LonLat>;

// Points along a meridian from one latitude to another, ends excluded.
void walk_meridian(Ring& out, double lon, double from_lat, double to_lat) {
  const double step = from_lat < to_lat ? 1.0 : -1.0;
  for (double lat = from_lat + step; (step > 0 ? lat < to_lat : lat > to_lat); lat += step) out.push_back({lon, lat});
}

// Natural Earth rings are spherical: Fiji, Chukotka and Antarctica cross the
// ±180° meridian, and drawn as they are their fill streaks across the whole
// map. Cut each crossing ring into parts closed along the map's edge (as
// d3-geo's antimeridian clip does).
std::vector<Ring> cut_at_antimeridian(const Ring& ring) {
  std::vector<Ring> parts;
  Ring current;
  const std::size_t n = ring.size();
  for (std::size_t i = 0; i < n; ++i) {
    const LonLat a = ring[i];
    const LonLat b = ring[(i + 1) % n];
    current.push_back(a);
    if (std::abs(b.lon - a.lon) <= 180) continue;
    const double side = a.lon > 0 ? 180.0 : -180.0;
    const double b_lon = b.lon + (side > 0 ? 360.0 : -360.0);
    const double t = b_lon == a.lon ? 0.0 : (side - a.lon) / (b_lon - a.lon);
    const double lat = a.lat + t * (b.lat - a.lat);
    current.push_back({side, lat});
    parts.push_back(std::move(current));
    current = {{-side, lat}};
  }
  if (parts.empty()) return {ring};
  // The ring is closed: its last part runs on into its first.
  current.insert(current.end(), parts.front().begin(), parts.front().end());
  parts.front() = std::move(current);
  double mean_lat = 0;
  for (const auto& p : ring) mean_lat += p.lat;
  const double pole = mean_lat < 0 ? -90.0 : 90.0;
  for (auto& part : parts) {
    const LonLat start = part.front();
    const LonLat end = part.back();
    if (start.lon == end.lon) {
      walk_meridian(part, end.lon, end.lat, start.lat);
    } else {
      // An odd crossing: the ring goes round a pole (Antarctica); close via it.
      walk_meridian(part, end.lon, end.lat, pole);
      part.push_back({end.lon, pole});
      part.push_back({start.lon, pole});
      walk_meridian(part, start.lon, pole, start.lat);
    }
  }
  return parts;
}

}  // namespace

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
      Ring points;
      points.reserve(static_cast<std::size_t>(ring.size() / 2));
      for (qsizetype i = 0; i + 1 < ring.size(); i += 2) points.push_back({ring[i].toDouble(), ring[i + 1].toDouble()});
      for (const Ring& part : cut_at_antimeridian(points)) {
        QPolygonF polygon;
        polygon.reserve(static_cast<qsizetype>(part.size()) + 1);
        for (const LonLat& p : part) polygon << EqualEarth::forward(p.lon, p.lat);
        polygon << polygon.first();
        land_.addPolygon(polygon);
      }
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
