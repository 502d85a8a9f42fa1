#pragma once
// Rings the map draws around nodes on top of everything else, in named sets
// ("locations": where an object lives; "purge": a purge landing). A set is
// replaced as a whole. A flashing ring pulses (a purge acknowledged, not yet
// verified); a solid one stays; a crossed one marks a failure.
#include <QColor>
#include <QHash>
#include <QPainter>
#include <QString>

#include <functional>
#include <optional>

namespace edgelab::console {

struct MapMark {
  enum class Style { ring, flash, solid, cross };
  QColor colour;
  Style style = Style::ring;
  QString badge;  // a short text beside the node ("L1 L2"); may be empty
};

class MapMarks {
 public:
  void set(const QString& set, QHash<QString, MapMark> marks);
  void clear(const QString& set) { sets_.remove(set); }
  bool empty() const;
  bool animated() const;  // some mark flashes: the view keeps repainting
  QHash<QString, MapMark> marks(const QString& set) const { return sets_.value(set); }

  // `position` gives a node's place on screen (nullopt: not drawn); `unit` a design pixel.
  void paint(QPainter& p, const std::function<std::optional<QPointF>(const QString&)>& position, double unit,
             qint64 nowMs, const QFont& font) const;

 private:
  QHash<QString, QHash<QString, MapMark>> sets_;
};

}  // namespace edgelab::console
