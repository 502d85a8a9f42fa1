#pragma once
// One cached URL on one node, from /admin/v1/cache/object: a row per Vary
// variant (status, tiers, age, TTL, tags, what it varies on) with its stored
// response headers as children.
#include "api/admin_client.hpp"

#include <QAbstractItemModel>
#include <QPointer>

#include <vector>

namespace edgelab::console {

class ObjectDetailModel : public QAbstractItemModel {
  Q_OBJECT
 public:
  explicit ObjectDetailModel(QObject* parent = nullptr);

  // Asks `client` for `url` ("host/path?query" as listed, or an absolute URL); nullptr clears.
  void load(AdminClient* client, const QString& url);
  QString url() const { return url_; }
  // What the last answer said when it was not a listing ("not cached: …", "timed out after 3 s").
  QString message() const { return message_; }
  int variantCount() const { return static_cast<int>(variants_.size()); }

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 signals:
  void loaded();

 private:
  struct Variant {
    QString key, summary;
    std::vector<std::pair<QString, QString>> headers;
  };
  void onAnswer(int generation, const ApiResult& result);

  QString url_;
  QString message_;
  std::vector<Variant> variants_;
  int generation_ = 0;
};

}  // namespace edgelab::console
