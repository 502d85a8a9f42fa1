#include "models/object_locations_model.hpp"

#include "models/units.hpp"

#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace edgelab::console {

ObjectLocationsModel::ObjectLocationsModel(FleetModel* fleet, QObject* parent)
    : QAbstractTableModel(parent), fleet_(fleet) {}

void ObjectLocationsModel::locate(const QString& url) {
  ++generation_;
  beginResetModel();
  rows_.clear();
  answered_ = 0;
  url_ = url;
  const int nodes = url.isEmpty() || !fleet_ ? 0 : fleet_->rowCount();
  for (int i = 0; i < nodes; ++i) {
    const TierFigures f = fleet_->tierFigures(i);
    rows_.push_back({.node = f.name, .role = f.role, .city = f.city});
  }
  endResetModel();
  emit placementsChanged();
  if (rows_.empty()) return emit located();
  QUrlQuery query;
  query.addQueryItem(u"url"_s, url);
  const QString target = u"/admin/v1/cache/object?"_s + query.toString(QUrl::FullyEncoded);
  for (int i = 0; i < nodes; ++i) {
    AdminClient* client = fleet_->clientAt(i);
    if (!client) {
      onAnswer(generation_, i, ApiResult{.error = tr("no client")});
      continue;
    }
    client->get(target, [this, guard = QPointer(this), generation = generation_, i](const ApiResult& result) {
      if (guard) onAnswer(generation, i, result);
    });
    // A node removed from the console drops the question unanswered: say so rather than wait.
    connect(client, &QObject::destroyed, this, [this, generation = generation_, i] {
      if (i < static_cast<int>(rows_.size()) && rows_[static_cast<std::size_t>(i)].placement == Placement::asking)
        onAnswer(generation, i, ApiResult{.error = tr("the node was removed from the console"), .transport_failure = true});
    });
  }
}

void ObjectLocationsModel::onAnswer(int generation, int index, const ApiResult& result) {
  if (generation != generation_ || index >= static_cast<int>(rows_.size())) return;
  Row& row = rows_[static_cast<std::size_t>(index)];
  row.tiers.clear();
  if (result.http_status == 404) {
    row.placement = Placement::absent;
  } else if (!result.ok()) {
    row.placement = Placement::error;
    row.error = result.error;
  } else {
    // Fresh when any variant is fresh; the youngest variant's age and the longest TTL.
    bool fresh = false;
    row.age_s = -1;
    for (const auto& value : result.body.object().value(u"variants"_s).toArray()) {
      const QJsonObject v = value.toObject();
      for (const auto& t : v.value(u"tiers"_s).toArray())
        if (!row.tiers.contains(t.toString())) row.tiers.append(t.toString());
      fresh = fresh || !v.value(u"stale"_s).toBool();
      const double age = v.value(u"age"_s).toDouble();
      if (row.age_s < 0 || age < row.age_s) row.age_s = age;
      row.ttl_s = std::max(row.ttl_s, v.value(u"ttl"_s).toDouble());
    }
    row.tiers.sort();
    row.placement = row.tiers.isEmpty() ? Placement::absent : fresh ? Placement::fresh : Placement::stale;
  }
  ++answered_;
  emit dataChanged(this->index(index, 0), this->index(index, ColumnCount - 1));
  emit placementsChanged();
  if (answered_ == static_cast<int>(rows_.size())) emit located();
}

QHash<QString, Placement> ObjectLocationsModel::placements() const {
  QHash<QString, Placement> out;
  for (const auto& row : rows_) out.insert(row.node, row.placement);
  return out;
}

QStringList ObjectLocationsModel::tiersOf(const QString& node) const {
  for (const auto& row : rows_)
    if (row.node == node) return row.tiers;
  return {};
}

QString ObjectLocationsModel::placementLabel(Placement placement) {
  switch (placement) {
    case Placement::asking: return tr("asking…");
    case Placement::fresh: return tr("fresh");
    case Placement::stale: return tr("stale");
    case Placement::absent: return tr("not cached");
    case Placement::error: return tr("could not ask");
  }
  return {};
}

QColor ObjectLocationsModel::placementColour(Placement placement) {
  switch (placement) {
    case Placement::fresh: return QColor(0x2e, 0x9d, 0x4f);
    case Placement::stale: return QColor(0xe0, 0x9b, 0x1a);
    case Placement::absent: return QColor(0x8a, 0x8f, 0x98);
    case Placement::error: return QColor(0xc6, 0x28, 0x28);
    case Placement::asking: break;
  }
  return QColor(0x5b, 0x8d, 0xd9);
}

int ObjectLocationsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ObjectLocationsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ObjectLocationsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case NodeColumn: return tr("Node");
    case RoleColumn: return tr("Role");
    case CityColumn: return tr("City");
    case TiersColumn: return tr("Tiers");
    case StateColumn: return tr("State");
    case AgeColumn: return tr("Age");
    case TtlColumn: return tr("TTL left");
    default: return {};
  }
}

QVariant ObjectLocationsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount) return {};
  const Row& row = rows_[static_cast<std::size_t>(index.row())];
  if (role == PlacementRole) return static_cast<int>(row.placement);
  if (role == Qt::DecorationRole && index.column() == StateColumn) return placementColour(row.placement);
  if (role == Qt::ToolTipRole && row.placement == Placement::error) return row.error;
  if (role != Qt::DisplayRole) return {};
  const bool held = row.placement == Placement::fresh || row.placement == Placement::stale;
  switch (index.column()) {
    case NodeColumn: return row.node;
    case RoleColumn: return row.role == u"shield"_s ? tr("shield") : tr("edge");
    case CityColumn: return row.city;
    case TiersColumn: return row.tiers.join(u", "_s);
    case StateColumn: return row.placement == Placement::error ? row.error : placementLabel(row.placement);
    case AgeColumn: return held ? Units::duration(row.age_s) : QString();
    case TtlColumn: return held ? Units::duration(row.ttl_s) : QString();
    default: return {};
  }
}

}  // namespace edgelab::console
