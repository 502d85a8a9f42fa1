#include "models/what_if_model.hpp"

#include "models/units.hpp"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace edgelab::console {

WhatIfModel::WhatIfModel(QObject* parent) : QAbstractTableModel(parent) {}

void WhatIfModel::setAnswer(const QJsonObject& answer) {
  beginResetModel();
  answer_ = answer;
  hops_.clear();
  if (!answer.isEmpty()) {
    const QJsonObject client = answer.value(u"client"_s).toObject();
    const QString where = client.value(u"city"_s).toString();
    hops_.push_back({where.isEmpty() ? tr("user at %1, %2")
                                           .arg(client.value(u"lat"_s).toDouble(), 0, 'f', 1)
                                           .arg(client.value(u"lon"_s).toDouble(), 0, 'f', 1)
                                     : tr("user in %1").arg(where),
                     tr("user")});
    double total = 0;
    for (const auto& value : answer.value(u"path"_s).toArray()) {
      const QJsonObject h = value.toObject();
      Hop hop{h.value(u"node"_s).toString(), h.value(u"role"_s).toString(), h.value(u"link_ms"_s).toDouble()};
      total += hop.delay_ms;
      hop.total_ms = total;
      for (const auto& t : h.value(u"tiers"_s).toArray()) hop.tiers.append(t.toString());
      hop.error = h.value(u"error"_s).toString();
      hops_.push_back(std::move(hop));
    }
  }
  endResetModel();
}

QString WhatIfModel::answeredBy() const {
  for (std::size_t i = 1; i < hops_.size(); ++i)
    if (!hops_[i].tiers.isEmpty() || hops_[i].role == u"origin"_s) return hops_[i].node;
  return {};
}

int WhatIfModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(hops_.size());
}

int WhatIfModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant WhatIfModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case HopColumn: return tr("Hop");
    case RoleColumn: return tr("Role");
    case DelayColumn: return tr("One-way delay to it");
    case TotalColumn: return tr("From the user");
    case TiersColumn: return tr("Holds the URL in");
    default: return {};
  }
}

QVariant WhatIfModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount) return {};
  const Hop& hop = hops_[static_cast<std::size_t>(index.row())];
  if (role == Qt::ToolTipRole && !hop.error.isEmpty()) return hop.error;
  if (role != Qt::DisplayRole) return {};
  const bool user = index.row() == 0;
  switch (index.column()) {
    case HopColumn: return hop.node;
    case RoleColumn:
      return user ? hop.role : hop.role == u"shield"_s ? tr("shield") : hop.role == u"origin"_s ? tr("origin") : tr("PoP");
    case DelayColumn: return user ? QString() : Units::millis(hop.delay_ms);
    case TotalColumn: return user ? QString() : Units::millis(hop.total_ms);
    case TiersColumn:
      if (user || hop.role == u"origin"_s) return QString();
      if (!hop.error.isEmpty()) return tr("could not ask: %1").arg(hop.error);
      return hop.tiers.isEmpty() ? tr("not cached") : hop.tiers.join(u", "_s);
    default: return {};
  }
}

}  // namespace edgelab::console
