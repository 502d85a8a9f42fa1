#include "models/purge_history_model.hpp"

#include "models/purge_campaign.hpp"
#include "models/units.hpp"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QSet>

using namespace Qt::StringLiterals;

namespace edgelab::console {

PurgeHistoryModel::PurgeHistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

void PurgeHistoryModel::setHistory(const QList<PurgeRecord>& records, const QList<JournalEntry>& fleetPurges) {
  beginResetModel();
  rows_.clear();
  QSet<qint64> ours;
  for (const auto& r : records) {
    Row row{.record = r, .fleet_seq = r.result.value(u"fleet_seq"_s).toInteger()};
    ours.insert(row.fleet_seq);
    for (const auto& n : r.result.value(u"nodes"_s).toArray()) {
      ++row.nodes;
      const QString state = n.toObject().value(u"state"_s).toString();
      if (state == u"verified"_s || state == u"caught_up"_s) ++row.done;
    }
    rows_.push_back(std::move(row));
  }
  for (const auto& e : fleetPurges) {
    if (ours.contains(e.fleet_seq)) continue;
    rows_.push_back({.record = {.at_ms = e.at_ms, .kind = e.kind, .value = e.value, .targets = QString(),
                                .soft = e.soft},
                     .ours = false,
                     .fleet_seq = e.fleet_seq});
  }
  std::stable_sort(rows_.begin(), rows_.end(), [](const Row& a, const Row& b) { return a.record.at_ms > b.record.at_ms; });
  endResetModel();
}

const PurgeRecord* PurgeHistoryModel::recordAt(int row) const {
  if (row < 0 || row >= rowCount() || !rows_[static_cast<std::size_t>(row)].ours) return nullptr;
  return &rows_[static_cast<std::size_t>(row)].record;
}

int PurgeHistoryModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int PurgeHistoryModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant PurgeHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case WhenColumn: return tr("When");
    case KindColumn: return tr("Kind");
    case ValueColumn: return tr("Value");
    case ModeColumn: return tr("Mode");
    case TargetsColumn: return tr("Targets");
    case NodesColumn: return tr("Verified");
    case TotalColumn: return tr("Last eviction");
    case OriginColumn: return tr("Origin req/s before → after");
    default: return {};
  }
}

QVariant PurgeHistoryModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount) return {};
  const Row& row = rows_[static_cast<std::size_t>(index.row())];
  const PurgeRecord& r = row.record;
  if (role == HasResultRole) return row.ours;
  if (role == Qt::ToolTipRole && !row.ours)
    return tr("Fleet purge %1 from another controller on this journal (edgelabd ctl): no per-node result here")
        .arg(row.fleet_seq);
  if (role != Qt::DisplayRole) return {};
  const QLocale locale;
  switch (index.column()) {
    case WhenColumn:
      return locale.toString(QDateTime::fromMSecsSinceEpoch(r.at_ms), QLocale::ShortFormat);
    case KindColumn: return PurgeCampaign::kindLabel(r.kind);
    case ValueColumn: return r.value;
    case ModeColumn: return r.soft ? tr("soft") : tr("hard");
    case TargetsColumn: return row.ours ? r.targets : tr("fleet (edgelabd ctl)");
    case NodesColumn: return row.ours ? tr("%1 of %2").arg(row.done).arg(row.nodes) : QString();
    case TotalColumn: return row.ours ? Units::millis(r.total_ms) : QString();
    case OriginColumn: {
      if (!row.ours) return QString();
      const double before = r.result.value(u"origin_before"_s).toDouble(-1);
      const double after = r.result.value(u"origin_after"_s).toDouble(-1);
      if (before < 0) return QString();
      return tr("%1 → %2").arg(locale.toString(before, 'f', 0), after < 0 ? u"…"_s : locale.toString(after, 'f', 0));
    }
    default: return {};
  }
}

}  // namespace edgelab::console
