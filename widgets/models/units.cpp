#include "models/units.hpp"

#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace edgelab::console {

QString Units::bytes(double bytes) {
  const QLocale locale;
  bytes = std::isfinite(bytes) ? std::clamp(bytes, 0.0, 9e18) : 0.0;  // from a node's JSON: anything
  if (bytes < 1024) return tr("%1 B").arg(locale.toString(static_cast<qint64>(bytes)));
  if (bytes < 1024.0 * 1024) return tr("%1 KiB").arg(locale.toString(bytes / 1024, 'f', 1));
  if (bytes < 1024.0 * 1024 * 1024) return tr("%1 MiB").arg(locale.toString(bytes / (1024.0 * 1024), 'f', 1));
  return tr("%1 GiB").arg(locale.toString(bytes / (1024.0 * 1024 * 1024), 'f', 2));
}

QString Units::duration(double seconds) {
  const qint64 s = static_cast<qint64>(std::floor(std::isfinite(seconds) ? std::clamp(seconds, 0.0, 9e15) : 0.0));
  if (s < 60) return tr("%1 s").arg(s);
  if (s < 3600) return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
  if (s < 86400) return tr("%1 h %2 min").arg(s / 3600).arg(s % 3600 / 60);
  return tr("%1 d %2 h").arg(s / 86400).arg(s % 86400 / 3600);
}

QString Units::percent(double ratio) {
  if (ratio < 0) return u"–"_s;
  return QLocale().toString(ratio * 100, 'f', 1) + u" %"_s;
}

QString Units::millis(double ms) {
  if (ms < 0) return u"–"_s;
  return QLocale().toString(ms, 'f', ms < 1 ? 2 : ms < 10 ? 1 : 0) + u" ms"_s;
}

}  // namespace edgelab::console
