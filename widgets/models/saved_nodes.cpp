#include "models/saved_nodes.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {
const QString kKey = u"remote/nodes"_s;
}

QList<NodeEndpoint> SavedNodes::load(QString* error) {
  const QByteArray saved = QSettings().value(kKey).toByteArray();
  if (saved.isEmpty()) return {};
  QString why;
  auto nodes = NodesFile::parse(saved, QString(), &why);
  if (!nodes) {
    if (error) *error = why;
    return {};
  }
  return *nodes;
}

void SavedNodes::add(const QList<NodeEndpoint>& nodes) {
  QSettings settings;
  QJsonArray saved = QJsonDocument::fromJson(settings.value(kKey).toByteArray()).array();
  for (const auto& node : nodes) {
    for (qsizetype i = saved.size() - 1; i >= 0; --i)
      if (saved[i].toObject().value(u"name"_s).toString() == node.name) saved.removeAt(i);
    saved.append(node.toJson());
  }
  settings.setValue(kKey, QJsonDocument(saved).toJson(QJsonDocument::Compact));
}

}  // namespace edgelab::console
