#include "map/map_labels.hpp"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QSet>

#include <algorithm>

namespace edgelab::console {

void MapLabels::begin(const QFont& font, double unit, const MapPalette& palette, qreal pixelRatio) {
  if (font != font_ || unit != unit_ || palette.text != text_ || palette.text_halo != halo_ ||
      pixelRatio != pixel_ratio_)
    sprites_.clear();
  font_ = font;
  unit_ = unit;
  text_ = palette.text;
  halo_ = palette.text_halo;
  pixel_ratio_ = pixelRatio;
  wanted_.clear();
  discs_.clear();
}

void MapLabels::want(const QString& text, QPointF at, double radius, double priority) {
  wanted_.push_back({text, at, radius, priority});
  discs_.push_back(QRectF(at.x() - radius, at.y() - radius, 2 * radius, 2 * radius));
}

double MapLabels::haloWidth() const { return 3 * unit_; }

const QPixmap& MapLabels::sprite(const QString& text) {
  auto it = sprites_.find(text);
  if (it != sprites_.end()) return *it;
  const QFontMetricsF metrics(font_);
  const double margin = haloWidth();
  const QSizeF size = metrics.boundingRect(text).size() + QSizeF(2 * margin, 2 * margin);
  QPixmap pixmap((size * pixel_ratio_).toSize() + QSize(1, 1));
  pixmap.setDevicePixelRatio(pixel_ratio_);
  pixmap.fill(Qt::transparent);
  QPainter p(&pixmap);
  p.setRenderHint(QPainter::Antialiasing);
  QPainterPath path;
  path.addText(margin, margin + metrics.ascent(), font_, text);
  p.setPen(QPen(halo_, haloWidth(), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
  p.setBrush(Qt::NoBrush);
  p.drawPath(path);
  p.setPen(Qt::NoPen);
  p.setBrush(text_);
  p.drawPath(path);
  p.end();
  return *sprites_.insert(text, pixmap);
}

void MapLabels::paint(QPainter& p, const QRectF& bounds) {
  std::stable_sort(wanted_.begin(), wanted_.end(),
                   [](const Wanted& a, const Wanted& b) { return a.priority > b.priority; });
  const QFontMetricsF metrics(font_);
  std::vector<QRectF> placed;
  QSet<QString> shown;
  for (const auto& w : wanted_) {
    // A shield and an edge in one city: one label says where both are.
    if (shown.contains(w.text)) continue;
    const QRectF text = metrics.boundingRect(w.text);
    const double gap = w.radius + 3 * unit_;
    const QPointF corners[] = {
        w.at + QPointF(gap, -text.height() / 2), w.at + QPointF(-gap - text.width(), -text.height() / 2),
        w.at + QPointF(-text.width() / 2, -gap - text.height()), w.at + QPointF(-text.width() / 2, gap)};
    const QRectF own(w.at - QPointF(w.radius, w.radius), QSizeF(2 * w.radius, 2 * w.radius));
    for (const QPointF& corner : corners) {
      const QRectF box(corner, text.size());
      if (!bounds.contains(box)) continue;
      auto hits = [&](const QRectF& other) { return other.intersects(box); };
      if (std::any_of(placed.begin(), placed.end(), hits)) continue;
      if (std::count_if(discs_.begin(), discs_.end(), hits) > (own.intersects(box) ? 1 : 0)) continue;
      placed.push_back(box);
      shown.insert(w.text);
      p.drawPixmap(box.topLeft() - QPointF(haloWidth(), haloWidth()), sprite(w.text));
      break;
    }
  }
}

}  // namespace edgelab::console
