#pragma once
// The fleet at a glance: one row per node, one column per tier, each cell the
// tier's hit ratio over the last 10 s with a background from red (0%) through
// amber to green (100%). Follows FleetModel; sort it (by region, say) with a
// QSortFilterProxyModel on SortRole.
#include "models/fleet_model.hpp"

#include <QAbstractTableModel>
#include <QPointer>

namespace edgelab::console {

class TierHeatModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { NodeColumn, RegionColumn, RoleColumn, L1Column, L2Column, NodeHitColumn, ColumnCount };
  enum DataRole { SortRole = Qt::UserRole + 1, RatioRole };

  explicit TierHeatModel(FleetModel* fleet, QObject* parent = nullptr);

  static QColor heatColour(double ratio);  // ratio in [0, 1]; invalid colour when negative

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  double ratio(const TierFigures& f, int column) const;
  QPointer<FleetModel> fleet_;
};

}  // namespace edgelab::console
