#pragma once
// One node's cached objects as a table, fed page by page from its
// /admin/v1/cache listing: the view asks for more rows as it scrolls
// (canFetchMore/fetchMore), never for the whole cache at once. Filters and the
// sort order go to the node, which sorts each tier; when both tiers are listed
// the two sorted streams are merged here, row by row, so the table is in one
// order across tiers. Ages and TTLs keep counting between pages.
#include "api/admin_client.hpp"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QElapsedTimer>
#include <QPointer>
#include <QStringList>

#include <array>
#include <deque>
#include <vector>

namespace edgelab::console {

struct CacheObjectFilter {
  enum class Kind { none, prefix, tag, url };
  QString tier;  // "L1", "L2", or empty for both
  Kind kind = Kind::none;
  QString value;
  bool stale_only = false;
  bool operator==(const CacheObjectFilter&) const = default;
};

struct CachedObjectRow {
  QString key, url, tier;
  QStringList tags;
  int status = 0;
  double size = 0, hits = 0;
  double age_s = 0, ttl_s = 0;  // as listed; the model ages them
  bool stale = false;
};

class CacheObjectModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { KeyColumn, TierColumn, SizeColumn, AgeColumn, TtlColumn, FreshnessColumn, TagsColumn, HitsColumn,
                ColumnCount };
  enum DataRole { UrlRole = Qt::UserRole + 1, SortValueRole, StaleRole };
  static constexpr int kPageSize = 200;

  explicit CacheObjectModel(QObject* parent = nullptr);

  // The node to list (nullptr: none) and whether it has an L2 tier.
  void setNode(AdminClient* client, bool hasL2);
  AdminClient* node() const { return client_; }
  void setFilter(const CacheObjectFilter& filter);
  const CacheObjectFilter& filter() const { return filter_; }
  // Lists again from the start with the same node, filter and order.
  void reload();

  // Objects matching the filter in the listed tiers (the node counts them); -1 until known.
  qint64 totalCount() const;
  bool loading() const { return in_flight_ > 0; }
  QString lastError() const { return error_; }
  QDateTime listedAt() const { return listed_at_; }  // when the first page was asked for
  const CachedObjectRow* rowAt(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
  bool canFetchMore(const QModelIndex& parent) const override;
  void fetchMore(const QModelIndex& parent) override;
  void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

 signals:
  void loadingChanged(bool loading);
  void totalChanged(qint64 total);
  void failed(const QString& message);

 private:
  // One tier's sorted listing: rows received but not yet merged into the table.
  struct Stream {
    QString tier;
    QString cursor;
    bool done = false;
    bool in_flight = false;
    qint64 total = -1;
    std::deque<CachedObjectRow> buffer;
  };

  void request(Stream& stream);
  void onPage(int generation, std::size_t streamIndex, const ApiResult& result);
  void merge();
  bool before(const CachedObjectRow& a, const CachedObjectRow& b) const;
  double elapsedS() const;
  QString sortName() const;

  QPointer<AdminClient> client_;
  bool has_l2_ = false;
  CacheObjectFilter filter_;
  int sort_column_ = KeyColumn;
  Qt::SortOrder sort_order_ = Qt::AscendingOrder;
  std::vector<Stream> streams_;
  std::vector<CachedObjectRow> rows_;
  std::vector<double> loaded_at_s_;  // per row: when its page arrived (elapsedS)
  QElapsedTimer clock_;
  int generation_ = 0;  // a reload drops pages still on their way
  int in_flight_ = 0;
  QString error_;
  QDateTime listed_at_;
};

}  // namespace edgelab::console
