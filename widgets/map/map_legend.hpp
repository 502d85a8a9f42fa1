#pragma once
// The legend strip under the world map: what the health colours, the shapes,
// the link widths and the request arcs' colours mean. Its groups flow left to
// right and wrap, so it never hides land and stays whole in a narrow dock.
#include "map/map_palette.hpp"

#include <QCoreApplication>
#include <QFont>

class QPainter;

namespace edgelab::console {

class MapLegend {
  Q_DECLARE_TR_FUNCTIONS(edgelab::console::MapLegend)

 public:
  // `unit` is the map's design pixel (larger on big maps), `font` the widget's.
  MapLegend(const QFont& font, double unit);

  // The strip's height for a map `width` pixels wide.
  double height(double width) const;
  // Paints the strip along the bottom of a `width` x `mapHeight` map.
  void paint(QPainter& p, double width, double mapHeight, const MapPalette& palette) const;

 private:
  struct Entry {
    enum Kind { circle, diamond, square, stroke, dashed, heading } kind;
    QColor colour;
    QString text;
  };
  struct Placed {
    double x;
    int row;
  };
  std::vector<Entry> entries(const MapPalette& palette) const;
  std::vector<Placed> layout(const std::vector<Entry>& entries, double width, int* rows) const;
  double widthOf(const Entry& entry) const;
  double lineHeight() const;

  QFont font_, heading_font_;
  double unit_;
};

}  // namespace edgelab::console
