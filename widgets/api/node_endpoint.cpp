#include "api/node_endpoint.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {

QString absoluteIn(const QString& baseDirectory, const QString& path) {
  if (path.isEmpty()) return path;
  return QDir::cleanPath(QDir(baseDirectory).absoluteFilePath(path));
}

}  // namespace

QJsonObject NodeEndpoint::toJson() const {
  QJsonObject o{
      {u"name"_s, name}, {u"role"_s, role}, {u"admin_url"_s, admin_url.toString()}, {u"token_file"_s, token_file}};
  if (!ca_file.isEmpty()) o.insert(u"ca_file"_s, ca_file);
  return o;
}

std::optional<QList<NodeEndpoint>> NodesFile::load(const QString& path, QString* error) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    *error = tr("%1: %2").arg(path, file.errorString());
    return std::nullopt;
  }
  auto nodes = parse(file.read(4 * 1024 * 1024), QFileInfo(path).absolutePath(), error);
  if (!nodes) *error = tr("%1: %2").arg(path, *error);
  return nodes;
}

std::optional<QList<NodeEndpoint>> NodesFile::parse(const QByteArray& json, const QString& baseDirectory,
                                                    QString* error) {
  QJsonParseError parseError{};
  const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
  if (parseError.error != QJsonParseError::NoError) {
    *error = tr("invalid JSON: %1").arg(parseError.errorString());
    return std::nullopt;
  }
  QJsonArray list = document.array();
  if (document.isObject()) list = document.object().value(u"nodes"_s).toArray();
  if (list.isEmpty()) {
    *error = tr("expected a non-empty array of nodes (or {\"nodes\": [...]})");
    return std::nullopt;
  }
  static const QSet<QString> kKeys{u"name"_s, u"admin_url"_s, u"token_file"_s, u"role"_s, u"ca_file"_s};
  QList<NodeEndpoint> nodes;
  QSet<QString> names;
  for (qsizetype i = 0; i < list.size(); ++i) {
    const QString where = u"nodes[%1]"_s.arg(i);
    if (!list[i].isObject()) {
      *error = tr("%1: expected an object").arg(where);
      return std::nullopt;
    }
    const QJsonObject o = list[i].toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
      if (!kKeys.contains(it.key())) {
        *error = tr("%1: unknown key \"%2\"").arg(where, it.key());
        return std::nullopt;
      }
      if (!it.value().isString()) {
        *error = tr("%1.%2: expected a string").arg(where, it.key());
        return std::nullopt;
      }
    }
    for (const auto& key : {u"name"_s, u"admin_url"_s, u"token_file"_s}) {
      if (o.value(key).toString().isEmpty()) {
        *error = tr("%1.%2: required").arg(where, key);
        return std::nullopt;
      }
    }
    NodeEndpoint node;
    node.name = o.value(u"name"_s).toString();
    node.role = o.value(u"role"_s).toString(u"edge"_s);
    node.admin_url = QUrl(o.value(u"admin_url"_s).toString(), QUrl::StrictMode);
    node.token_file = absoluteIn(baseDirectory, o.value(u"token_file"_s).toString());
    node.ca_file = absoluteIn(baseDirectory, o.value(u"ca_file"_s).toString());
    if (node.role != u"edge"_s && node.role != u"shield"_s) {
      *error = tr("%1.role: expected \"edge\" or \"shield\"").arg(where);
      return std::nullopt;
    }
    const QString scheme = node.admin_url.scheme();
    if (!node.admin_url.isValid() || (scheme != u"http"_s && scheme != u"https"_s) || node.admin_url.host().isEmpty()) {
      *error = tr("%1.admin_url: expected \"http://host:port\" or \"https://host:port\"").arg(where);
      return std::nullopt;
    }
    if (names.contains(node.name)) {
      *error = tr("%1.name: \"%2\" appears twice").arg(where, node.name);
      return std::nullopt;
    }
    names.insert(node.name);
    nodes.append(std::move(node));
  }
  return nodes;
}

}  // namespace edgelab::console
