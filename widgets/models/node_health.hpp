#pragma once
// A node's health as the console shows it, in one place for the table, the map and the legend.
//   healthy:     answering, error rate under 5%
//   degraded:    answering, but slowly or with errors (or the lab's monitor says so)
//   down:        was answering and now refuses or times out (or the lab's monitor says so)
//   unreachable: never answered usable data: wrong token, TLS, DNS, refused from the start
//   connecting:  no answer yet
#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace edgelab::console {

enum class Health { connecting, healthy, degraded, down, unreachable };

class NodeHealth {
  Q_DECLARE_TR_FUNCTIONS(edgelab::console::NodeHealth)

 public:
  static QString label(Health health);
  static QColor colour(Health health);
  static QIcon icon(Health health);                  // a dot in the health colour, for table cells
  static Health fromLabState(const QString& state);  // the lab API's "healthy|degraded|down"
};

}  // namespace edgelab::console
