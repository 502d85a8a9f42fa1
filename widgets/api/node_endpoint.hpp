#pragma once
// Where a node's admin API is and how to authenticate to it: one entry of a
// nodes.json (the same file `edgelabd ctl --nodes` reads), or one added by hand.
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

class QJsonObject;

namespace edgelab::console {

struct NodeEndpoint {
  QString name;
  QString role = QStringLiteral("edge");  // "edge" or "shield"
  QUrl admin_url;
  QString token_file;  // absolute
  QString ca_file;     // absolute or empty
  QJsonObject toJson() const;
};

class NodesFile {
  Q_DECLARE_TR_FUNCTIONS(edgelab::console::NodesFile)

 public:
  // [{"name","admin_url","token_file","role"?,"ca_file"?}] or {"nodes":[...]};
  // relative paths are relative to the file's directory. Errors name the entry and key.
  static std::optional<QList<NodeEndpoint>> load(const QString& path, QString* error);
  static std::optional<QList<NodeEndpoint>> parse(const QByteArray& json, const QString& baseDirectory, QString* error);
};

}  // namespace edgelab::console
