#pragma once
// Remote nodes added with Fleet -> Add nodes…, kept in QSettings ("remote/nodes",
// a nodes.json array with absolute paths) so they come back on the next start.
#include "api/node_endpoint.hpp"

#include <QList>

namespace edgelab::console {

class SavedNodes {
 public:
  // What was saved; nodes of a broken entry are left out (error says why).
  static QList<NodeEndpoint> load(QString* error = nullptr);
  // Adds these, replacing saved nodes of the same name.
  static void add(const QList<NodeEndpoint>& nodes);
};

}  // namespace edgelab::console
