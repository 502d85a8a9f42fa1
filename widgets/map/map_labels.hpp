#pragma once
// Places the map's labels after every shape is drawn, so none hides under a
// later node: by priority (the origin, then shields, then edges in the model's
// order, so labels do not trade places as rates move), each tries the right,
// left, above and below of its node and is left out where all four would cover
// a label or another node. Each label is drawn once (text with a halo) into a
// small pixmap kept between paints: stroking glyph outlines is far dearer than
// copying a pixmap, and the map redraws its nodes a few times a second.
#include "map/map_palette.hpp"

#include <QFont>
#include <QHash>
#include <QPixmap>
#include <QRectF>

#include <vector>

class QPainter;

namespace edgelab::console {

class MapLabels {
 public:
  // A new round of labels; the pixmaps kept are dropped when font, palette or pixel ratio changed.
  void begin(const QFont& font, double unit, const MapPalette& palette, qreal pixelRatio);
  void want(const QString& text, QPointF at, double radius, double priority);
  // Labels stay inside `bounds` (the map above its legend): a side that would cross it is not tried.
  void paint(QPainter& p, const QRectF& bounds);

 private:
  struct Wanted {
    QString text;
    QPointF at;
    double radius;
    double priority;
  };
  const QPixmap& sprite(const QString& text);
  double haloWidth() const;

  QFont font_;
  double unit_ = 1;
  QColor text_, halo_;
  qreal pixel_ratio_ = 1;
  std::vector<Wanted> wanted_;
  std::vector<QRectF> discs_;
  QHash<QString, QPixmap> sprites_;  // the text's bounding box, grown by the halo on every side
};

}  // namespace edgelab::console
