#include "models/request_trace_model.hpp"

#include "models/units.hpp"

using namespace Qt::StringLiterals;

namespace edgelab::console {

RequestTraceModel::RequestTraceModel(QObject* parent) : QAbstractTableModel(parent) {}

void RequestTraceModel::trace(const QJsonObject& s, const QHash<QString, QPair<QString, double>>& uplinks) {
  beginResetModel();
  hops_.clear();
  members_ = CacheStatus::parse(s.value(u"cache_status"_s).toString());
  total_ms_ = s.value(u"latency_ms"_s).toDouble();
  network_ms_ = 0;
  if (!s.isEmpty()) {
    const QString tier = s.value(u"tier"_s).toString();
    const QString pop = s.value(u"pop"_s).toString();
    // How far it went: a PoP hit stops at the PoP, a shield hit at the shield.
    const int reached = tier == u"L1"_s || tier == u"L2"_s ? 1 : tier == u"shield"_s ? 2 : 3;
    hops_.push_back({tr("user in %1").arg(s.value(u"city"_s).toString()), tr("user"), 2 * s.value(u"link_ms"_s).toDouble()});
    QString node = pop;
    for (int depth = 1; depth <= 3 && !node.isEmpty(); ++depth) {
      const bool origin = node == u"origin"_s;
      Hop hop{node, origin ? tr("origin") : depth == 1 ? tr("PoP") : tr("shield")};
      for (const auto& m : members_)
        if (m.cache == node) hop.cache_status = m.describe();
      const auto up = uplinks.value(node);
      const bool goesOn = depth < reached && !origin;
      if (goesOn) hop.leg_ms = 2 * up.second;
      hops_.push_back(hop);
      if (!goesOn) break;
      // A PoP straight to the origin (no shield) skips the shield's row.
      node = up.first.isEmpty() ? u"origin"_s : up.first;
    }
    for (const Hop& h : hops_) network_ms_ += std::max(0.0, h.leg_ms);
    hops_.back().spent_ms = std::max(0.0, total_ms_ - network_ms_);
  }
  endResetModel();
}

int RequestTraceModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(hops_.size());
}

int RequestTraceModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RequestTraceModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case HopColumn: return tr("Hop");
    case RoleColumn: return tr("Role");
    case LegColumn: return tr("Round trip onward");
    case SpentColumn: return tr("Rest of the time");
    case CacheStatusColumn: return tr("Cache-Status");
    default: return {};
  }
}

QVariant RequestTraceModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount) return {};
  const Hop& hop = hops_[static_cast<std::size_t>(index.row())];
  if (role == Qt::ToolTipRole && index.column() == CacheStatusColumn) {
    for (const auto& m : members_)
      if (m.cache == hop.name) return m.raw;
    return {};
  }
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case HopColumn: return hop.name;
    case RoleColumn: return hop.role;
    case LegColumn: return hop.leg_ms < 0 ? QString() : Units::millis(hop.leg_ms);
    case SpentColumn: return hop.spent_ms < 0 ? QString() : Units::millis(hop.spent_ms);
    case CacheStatusColumn: return hop.cache_status;
    default: return {};
  }
}

}  // namespace edgelab::console
