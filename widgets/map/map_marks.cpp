#include "map/map_marks.hpp"

#include <cmath>
#include <numbers>

namespace edgelab::console {

void MapMarks::set(const QString& set, QHash<QString, MapMark> marks) {
  if (marks.isEmpty())
    sets_.remove(set);
  else
    sets_.insert(set, std::move(marks));
}

bool MapMarks::empty() const { return sets_.isEmpty() && !hasRoute(); }

bool MapMarks::animated() const {
  for (const auto& set : sets_)
    for (const auto& mark : set)
      if (mark.style == MapMark::Style::flash) return true;
  return false;
}

void MapMarks::paintRoute(QPainter& p, const std::function<QPointF(double, double)>& project, double unit) const {
  if (!hasRoute()) return;
  QVector<QPointF> at;
  for (const QPointF& ll : route_.lat_lon) at.append(project(ll.x(), ll.y()));
  p.setPen(QPen(route_.colour, unit * 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
  p.setBrush(Qt::NoBrush);
  p.drawPolyline(at.data(), static_cast<int>(at.size()));
  p.setBrush(route_.colour);
  p.drawEllipse(at.front(), unit * 5, unit * 5);  // where the user is
  const QFontMetricsF metrics(p.font());
  for (int i = 0; i + 1 < at.size() && i < route_.leg_labels.size(); ++i) {
    const QPointF mid = (at[i] + at[i + 1]) / 2;
    const QRectF box =
        metrics.boundingRect(route_.leg_labels[i]).adjusted(-unit * 3, -unit, unit * 3, unit).translated(mid);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 225));
    p.drawRoundedRect(box, unit * 3, unit * 3);
    p.setPen(route_.colour.darker(130));
    p.drawText(box, Qt::AlignCenter, route_.leg_labels[i]);
  }
}

void MapMarks::paint(QPainter& p, const std::function<std::optional<QPointF>(const QString&)>& position,
                     const std::function<QPointF(double, double)>& project, double unit, qint64 nowMs,
                     const QFont& font) const {
  p.save();
  p.setRenderHint(QPainter::Antialiasing);
  QFont small = font;
  small.setPointSizeF(font.pointSizeF() * 0.8);
  small.setBold(true);
  p.setFont(small);
  const QFontMetricsF metrics(small);
  paintRoute(p, project, unit);
  for (const auto& set : sets_) {
    for (auto it = set.begin(); it != set.end(); ++it) {
      const auto at = position(it.key());
      if (!at) continue;
      const MapMark& mark = it.value();
      double radius = unit * 11;
      QColor colour = mark.colour;
      switch (mark.style) {
        case MapMark::Style::flash: {
          // One pulse every 600 ms: the ring grows and fades, so an acknowledged node blinks.
          const double phase = std::fmod(static_cast<double>(nowMs), 600.0) / 600.0;
          radius *= 0.8 + 0.6 * phase;
          colour.setAlphaF(1.0 - 0.7 * phase);
          p.setPen(QPen(colour, unit * 2.5));
          p.setBrush(Qt::NoBrush);
          p.drawEllipse(*at, radius, radius);
          break;
        }
        case MapMark::Style::solid: {
          QColor fill = colour;
          fill.setAlphaF(0.35);
          p.setPen(QPen(colour, unit * 2.5));
          p.setBrush(fill);
          p.drawEllipse(*at, radius, radius);
          break;
        }
        case MapMark::Style::cross: {
          p.setPen(QPen(colour, unit * 3, Qt::SolidLine, Qt::RoundCap));
          const double d = radius * 0.75;
          p.drawLine(*at + QPointF(-d, -d), *at + QPointF(d, d));
          p.drawLine(*at + QPointF(-d, d), *at + QPointF(d, -d));
          break;
        }
        case MapMark::Style::ring:
          p.setPen(QPen(colour, unit * 2.5));
          p.setBrush(Qt::NoBrush);
          p.drawEllipse(*at, radius, radius);
          break;
      }
      if (!mark.badge.isEmpty()) {
        const QRectF box = metrics.boundingRect(mark.badge).adjusted(-unit * 3, -unit, unit * 3, unit);
        QRectF placed = box.translated(*at + QPointF(radius + unit * 2, -radius) - box.topLeft());
        p.setPen(Qt::NoPen);
        p.setBrush(mark.colour);
        p.drawRoundedRect(placed, unit * 3, unit * 3);
        p.setPen(Qt::white);
        p.drawText(placed, Qt::AlignCenter, mark.badge);
      }
    }
  }
  p.restore();
}

}  // namespace edgelab::console
