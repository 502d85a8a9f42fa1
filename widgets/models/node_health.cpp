#include "models/node_health.hpp"

#include <QPainter>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace edgelab::console {

QString NodeHealth::label(Health health) {
  switch (health) {
    case Health::connecting:
      return tr("connecting");
    case Health::healthy:
      return tr("healthy");
    case Health::degraded:
      return tr("degraded");
    case Health::down:
      return tr("down");
    case Health::unreachable:
      return tr("unreachable");
  }
  return {};
}

QColor NodeHealth::colour(Health health) {
  // Colour-blind-safe (Okabe-Ito) hues that read on light and dark backgrounds.
  switch (health) {
    case Health::connecting:
      return QColor(0x99, 0x99, 0x99);
    case Health::healthy:
      return QColor(0x00, 0x9E, 0x73);
    case Health::degraded:
      return QColor(0xE6, 0x9F, 0x00);
    case Health::down:
      return QColor(0xD5, 0x3E, 0x1E);
    case Health::unreachable:
      return QColor(0xCC, 0x79, 0xA7);
  }
  return {};
}

QIcon NodeHealth::icon(Health health) {
  static QIcon icons[5];
  QIcon& icon = icons[static_cast<int>(health)];
  if (icon.isNull()) {
    for (int size : {16, 32, 48}) {
      QPixmap dot(size, size);
      dot.fill(Qt::transparent);
      QPainter p(&dot);
      p.setRenderHint(QPainter::Antialiasing);
      p.setPen(Qt::NoPen);
      p.setBrush(colour(health));
      p.drawEllipse(QRectF(size * 0.2, size * 0.2, size * 0.6, size * 0.6));
      icon.addPixmap(dot);
    }
  }
  return icon;
}

Health NodeHealth::fromLabState(const QString& state) {
  if (state == u"healthy"_s) return Health::healthy;
  if (state == u"degraded"_s) return Health::degraded;
  if (state == u"down"_s) return Health::down;
  return Health::connecting;
}

}  // namespace edgelab::console
