#include "models/tier_heat_model.hpp"

#include "models/units.hpp"

using namespace Qt::StringLiterals;

namespace edgelab::console {

TierHeatModel::TierHeatModel(FleetModel* fleet, QObject* parent) : QAbstractTableModel(parent), fleet_(fleet) {
  // The fleet's rows are this model's rows: a change of them is a reset here, begun before it.
  for (auto about : {&QAbstractItemModel::rowsAboutToBeInserted, &QAbstractItemModel::rowsAboutToBeRemoved})
    connect(fleet, about, this, [this] { beginResetModel(); });
  for (auto done : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
    connect(fleet, done, this, [this] { endResetModel(); });
  connect(fleet, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
  connect(fleet, &QAbstractItemModel::modelReset, this, [this] { endResetModel(); });
  connect(fleet, &FleetModel::figuresChanged, this, [this] {
    if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
  });
}

QColor TierHeatModel::heatColour(double ratio) {
  if (ratio < 0) return {};
  // Red at 0, amber at 0.5, green at 1, in HSV so the middle stays bright.
  return QColor::fromHsvF(static_cast<float>(std::clamp(ratio, 0.0, 1.0) / 3.0), 0.62f, 0.88f);
}

double TierHeatModel::ratio(const TierFigures& f, int column) const {
  switch (column) {
    case L1Column: return f.hit_l1;
    case L2Column: return f.l2.present ? f.hit_l2 : -1;
    case NodeHitColumn: return f.hitRatio();
    default: return -1;
  }
}

int TierHeatModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() || !fleet_ ? 0 : fleet_->rowCount();
}

int TierHeatModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant TierHeatModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case NodeColumn: return tr("Node");
    case RegionColumn: return tr("Region");
    case RoleColumn: return tr("Role");
    case L1Column: return tr("L1 hit");
    case L2Column: return tr("L2 hit");
    case NodeHitColumn: return tr("Node hit");
    default: return {};
  }
}

QVariant TierHeatModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount) return {};
  const TierFigures f = fleet_->tierFigures(index.row());
  const int column = index.column();
  const double r = ratio(f, column);
  switch (role) {
    case Qt::DisplayRole:
      if (column == NodeColumn) return f.name;
      if (column == RegionColumn) return f.city.isEmpty() ? f.region : tr("%1 (%2)").arg(f.region, f.city);
      if (column == RoleColumn) return f.role == u"shield"_s ? tr("shield") : tr("edge");
      if (column == L2Column && !f.l2.present) return tr("none");
      return Units::percent(r);
    case SortRole:
      if (column == NodeColumn) return f.name;
      if (column == RegionColumn) return QString(f.region + u'\x1f' + f.name);
      if (column == RoleColumn) return QString(f.role + u'\x1f' + f.name);
      return r;
    case RatioRole: return r;
    case Qt::BackgroundRole: {
      const QColor c = heatColour(r);
      return c.isValid() ? QVariant(c) : QVariant();
    }
    case Qt::ForegroundRole:
      return r >= 0 ? QVariant(QColor(Qt::black)) : QVariant();
    case Qt::TextAlignmentRole:
      return column >= L1Column ? QVariant(Qt::AlignCenter) : QVariant();
    case Qt::ToolTipRole:
      if (column >= L1Column)
        return tr("%1: %2 of requests over the last 10 s").arg(headerData(column, Qt::Horizontal).toString(),
                                                               Units::percent(r));
      return {};
    default: return {};
  }
}

}  // namespace edgelab::console
