#pragma once
// Rings the map draws around nodes on top of everything else, in named sets
// ("locations": where an object lives; "purge": a purge landing). A set is
// replaced as a whole. A flashing ring pulses (a purge acknowledged, not yet
// verified); a solid one stays; a crossed one marks a failure.
#include <QColor>
#include <QHash>
#include <QPainter>
#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>
#include <optional>

namespace edgelab::console {

struct MapMark {
  enum class Style { ring, flash, solid, cross };
  QColor colour;
  Style style = Style::ring;
  QString badge;  // a short text beside the node ("L1 L2"); may be empty
};

// A path drawn over the map (a what-if's user -> PoP -> shield -> origin), each leg labelled.
struct MapRoute {
  QVector<QPointF> lat_lon;  // x: latitude, y: longitude
  QStringList leg_labels;    // one per leg (between point i and i + 1)
  QColor colour;
};

class MapMarks {
 public:
  void setRoute(MapRoute route) { route_ = std::move(route); }
  bool hasRoute() const { return route_.lat_lon.size() > 1; }
  void set(const QString& set, QHash<QString, MapMark> marks);
  void clear(const QString& set) { sets_.remove(set); }
  bool empty() const;  // no marks and no route
  bool animated() const;  // some mark flashes: the view keeps repainting
  QHash<QString, MapMark> marks(const QString& set) const { return sets_.value(set); }

  // `position` gives a node's place on screen (nullopt: not drawn); `unit` a design pixel.
  // `project` takes a latitude and longitude to the screen.
  void paint(QPainter& p, const std::function<std::optional<QPointF>(const QString&)>& position,
             const std::function<QPointF(double, double)>& project, double unit, qint64 nowMs,
             const QFont& font) const;

 private:
  void paintRoute(QPainter& p, const std::function<QPointF(double, double)>& project, double unit) const;
  QHash<QString, QHash<QString, MapMark>> sets_;
  MapRoute route_;
};

}  // namespace edgelab::console
