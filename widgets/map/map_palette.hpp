#pragma once
// The map's colours for a light or a dark palette (decided by the window
// colour's lightness), and the colour of each serving tier. Health colours
// come from NodeHealth so the table and the map agree.
#include <QColor>
#include <QCoreApplication>
#include <QPalette>
#include <QString>

namespace edgelab::console {

enum class ServedTier { l1, l2, shield, origin, error };

class MapPalette {
  Q_DECLARE_TR_FUNCTIONS(edgelab::console::MapPalette)

 public:
  explicit MapPalette(const QPalette& palette);
  bool dark = false;
  QColor background, ocean, land, land_edge, graticule, link, text, text_halo, panel, panel_edge, selection;

  static QColor tierColour(ServedTier tier);
  static QString tierLabel(ServedTier tier);
  static ServedTier tierFromName(const QString& name);  // "L1|L2|shield|origin|error"
};

}  // namespace edgelab::console
