#include "models/fleet_sort_proxy.hpp"

#include "models/fleet_model.hpp"

namespace edgelab::console {

FleetSortProxy::FleetSortProxy(QObject* parent) : QSortFilterProxyModel(parent) {
  setSortRole(FleetModel::SortRole);
  setFilterKeyColumn(-1);
  setFilterCaseSensitivity(Qt::CaseInsensitive);
  setDynamicSortFilter(true);
}

bool FleetSortProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const {
  const QVariant a = left.data(FleetModel::SortRole), b = right.data(FleetModel::SortRole);
  const QPartialOrdering order = QVariant::compare(a, b);
  if (order == QPartialOrdering::Less) return true;
  if (order == QPartialOrdering::Greater) return false;
  // Equal: by name, ascending whichever way the column sorts.
  const QString l = left.siblingAtColumn(FleetModel::NameColumn).data().toString();
  const QString r = right.siblingAtColumn(FleetModel::NameColumn).data().toString();
  return sortOrder() == Qt::AscendingOrder ? l < r : l > r;
}

}  // namespace edgelab::console
