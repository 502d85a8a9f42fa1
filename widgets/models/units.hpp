#pragma once
// Numbers as the console shows them, in the user's locale: sizes, durations,
// shares and latencies.
#include <QCoreApplication>
#include <QString>

namespace edgelab::console {

class Units {
  Q_DECLARE_TR_FUNCTIONS(edgelab::console::Units)

 public:
  static QString bytes(double bytes);      // "512 B", "1.5 KiB", "64.0 MiB"
  static QString duration(double seconds);  // "42 s", "3 min 5 s", "2 h 10 min", "4 d 3 h"
  static QString percent(double ratio);     // "87.5 %", "–" when negative (unknown)
  static QString millis(double ms);         // "0.42 ms", "3.5 ms", "250 ms", "–" when negative
};

}  // namespace edgelab::console
