#include "map/map_palette.hpp"

using namespace Qt::StringLiterals;

namespace edgelab::console {

MapPalette::MapPalette(const QPalette& palette) {
  dark = palette.color(QPalette::Window).lightness() < 128;
  if (dark) {
    background = QColor(0x12, 0x16, 0x1c);
    ocean = QColor(0x1a, 0x24, 0x30);
    land = QColor(0x33, 0x3d, 0x49);
    land_edge = QColor(0x4a, 0x55, 0x62);
    graticule = QColor(0x26, 0x32, 0x40);
    link = QColor(0x9a, 0xa8, 0xb8);
    text = QColor(0xe8, 0xec, 0xf0);
    text_halo = QColor(0x12, 0x16, 0x1c, 200);
    panel = QColor(0x1e, 0x24, 0x2c, 225);
    panel_edge = QColor(0x44, 0x4e, 0x5a);
    selection = QColor(0xff, 0xff, 0xff);
  } else {
    background = QColor(0xf4, 0xf6, 0xf8);
    ocean = QColor(0xdc, 0xe8, 0xf2);
    land = QColor(0xf7, 0xf4, 0xee);
    land_edge = QColor(0xb8, 0xb4, 0xaa);
    graticule = QColor(0xc8, 0xd6, 0xe2);
    link = QColor(0x50, 0x5c, 0x6a);
    text = QColor(0x1c, 0x22, 0x28);
    text_halo = QColor(0xff, 0xff, 0xff, 210);
    panel = QColor(0xff, 0xff, 0xff, 230);
    panel_edge = QColor(0xb0, 0xb8, 0xc0);
    selection = QColor(0x10, 0x10, 0x10);
  }
}

QColor MapPalette::tierColour(ServedTier tier) {
  switch (tier) {
    case ServedTier::l1:
      return QColor(0x00, 0x72, 0xB2);
    case ServedTier::l2:
      return QColor(0x56, 0xB4, 0xE9);
    case ServedTier::shield:
      return QColor(0x8E, 0x6C, 0xD9);
    case ServedTier::origin:
      return QColor(0xE6, 0x9F, 0x00);
    case ServedTier::error:
      return QColor(0xD5, 0x3E, 0x1E);
  }
  return {};
}

QString MapPalette::tierLabel(ServedTier tier) {
  switch (tier) {
    case ServedTier::l1:
      return tr("L1 hit");
    case ServedTier::l2:
      return tr("L2 hit");
    case ServedTier::shield:
      return tr("shield hit");
    case ServedTier::origin:
      return tr("origin");
    case ServedTier::error:
      return tr("error");
  }
  return {};
}

ServedTier MapPalette::tierFromName(const QString& name) {
  if (name == u"L1"_s) return ServedTier::l1;
  if (name == u"L2"_s) return ServedTier::l2;
  if (name == u"shield"_s) return ServedTier::shield;
  if (name == u"origin"_s) return ServedTier::origin;
  return ServedTier::error;
}

}  // namespace edgelab::console
