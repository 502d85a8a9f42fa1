#include "map/map_legend.hpp"

#include "map/map_shapes.hpp"
#include "models/node_health.hpp"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

namespace edgelab::console {

MapLegend::MapLegend(const QFont& font, double unit) : font_(font), unit_(unit) {
  // The application font already grows on big screens (UiTheme::scaleFontFor); a little more on a big map.
  font_.setPointSizeF(font_.pointSizeF() * std::min(unit, 1.15) * 0.95);
  heading_font_ = font_;
  heading_font_.setBold(true);
}

std::vector<MapLegend::Entry> MapLegend::entries(const MapPalette& palette) const {
  std::vector<Entry> out{
      {Entry::heading, {}, tr("PoP health")},
      {Entry::circle, NodeHealth::colour(Health::healthy), NodeHealth::label(Health::healthy)},
      {Entry::circle, NodeHealth::colour(Health::degraded), NodeHealth::label(Health::degraded)},
      {Entry::circle, NodeHealth::colour(Health::down), NodeHealth::label(Health::down)},
      {Entry::circle, NodeHealth::colour(Health::unreachable), NodeHealth::label(Health::unreachable)},
      {Entry::heading, {}, tr("Shapes")},
      {Entry::circle, palette.link, tr("edge (size: req/s)")},
      {Entry::diamond, palette.link, tr("shield")},
      {Entry::square, MapPalette::tierColour(ServedTier::origin), tr("origin")},
      {Entry::stroke, palette.link, tr("link (width: throughput)")},
      {Entry::dashed, NodeHealth::colour(Health::down), tr("link cut")},
      {Entry::heading, {}, tr("Requests served by")},
  };
  for (auto tier : {ServedTier::l1, ServedTier::l2, ServedTier::shield, ServedTier::origin, ServedTier::error})
    out.push_back({Entry::stroke, MapPalette::tierColour(tier), MapPalette::tierLabel(tier)});
  return out;
}

double MapLegend::lineHeight() const { return QFontMetricsF(font_).height() * 1.35; }

double MapLegend::widthOf(const Entry& e) const {
  const double swatch = 16 * unit_;
  return e.kind == Entry::heading ? QFontMetricsF(heading_font_).horizontalAdvance(e.text) + 8 * unit_
                                  : swatch + 4 * unit_ + QFontMetricsF(font_).horizontalAdvance(e.text) + 12 * unit_;
}

// (x, row) per entry; a group starts a new row when it would not fit whole.
std::vector<MapLegend::Placed> MapLegend::layout(const std::vector<Entry>& all, double width, int* rows) const {
  const double left = 8 * unit_, right = width - 8 * unit_;
  std::vector<Placed> placed;
  double x = left;
  int row = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const double w = widthOf(all[i]);
    if (all[i].kind == Entry::heading) {
      double group = w;
      for (std::size_t j = i + 1; j < all.size() && all[j].kind != Entry::heading; ++j) group += widthOf(all[j]);
      if (x > left && x + group > right) {
        x = left;
        ++row;
      }
      if (x > left) x += 10 * unit_;
    } else if (x + w > right && x > left) {
      x = left;
      ++row;
    }
    placed.push_back({x, row});
    x += w;
  }
  *rows = row + 1;
  return placed;
}

double MapLegend::height(double width) const {
  int rows = 0;
  layout(entries(MapPalette(QPalette())), width, &rows);
  return rows * lineHeight() + 8 * unit_;
}

void MapLegend::paint(QPainter& p, double width, double mapHeight, const MapPalette& palette) const {
  const auto all = entries(palette);
  int rows = 0;
  const auto placed = layout(all, width, &rows);
  const double u = unit_, line = lineHeight(), swatch = 16 * u, right = width - 8 * u;
  const double stripHeight = rows * line + 8 * u;
  const QRectF box(0, mapHeight - stripHeight, width, stripHeight);
  p.setPen(Qt::NoPen);
  p.setBrush(palette.panel);
  p.drawRect(box);
  p.setPen(QPen(palette.panel_edge, 1));
  p.drawLine(box.topLeft(), box.topRight());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Entry& e = all[i];
    const double y = box.top() + 4 * u + placed[i].row * line;
    const QPointF mid(placed[i].x + swatch / 2, y + line / 2);
    p.setBrush(e.colour);
    p.setPen(QPen(palette.background, u));
    double textX = placed[i].x + swatch + 4 * u;
    switch (e.kind) {
      case Entry::heading:
        textX = placed[i].x;
        break;
      case Entry::circle:
        p.drawEllipse(mid, 5 * u, 5 * u);
        break;
      case Entry::diamond:
        p.drawPath(diamondPath(mid, 6 * u));
        break;
      case Entry::square:
        p.drawRect(QRectF(mid.x() - 5 * u, mid.y() - 5 * u, 10 * u, 10 * u));
        break;
      case Entry::stroke:
      case Entry::dashed:
        p.setPen(QPen(e.colour, 2.5 * u, e.kind == Entry::dashed ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap));
        p.drawLine(mid - QPointF(swatch / 2, 0), mid + QPointF(swatch / 2, 0));
        break;
    }
    p.setFont(e.kind == Entry::heading ? heading_font_ : font_);
    p.setPen(palette.text);
    p.drawText(QRectF(textX, y, right - textX, line), Qt::AlignVCenter | Qt::AlignLeft, e.text);
  }
}

}  // namespace edgelab::console
