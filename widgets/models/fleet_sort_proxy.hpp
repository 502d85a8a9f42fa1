#pragma once
// The fleet table's sort and filter: numbers sort as numbers (FleetModel::SortRole),
// ties go by node name so equal rows keep a stable, readable order, and the
// filter matches any column's text, case-insensitively.
#include <QSortFilterProxyModel>

namespace edgelab::console {

class FleetSortProxy : public QSortFilterProxyModel {
  Q_OBJECT
 public:
  explicit FleetSortProxy(QObject* parent = nullptr);

 protected:
  bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
};

}  // namespace edgelab::console
