#include "models/recent_requests_model.hpp"

#include "map/map_palette.hpp"
#include "models/units.hpp"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace edgelab::console {

RecentRequestsModel::RecentRequestsModel(QObject* parent) : QAbstractTableModel(parent) {}

void RecentRequestsModel::addSamples(const QJsonArray& samples) {
  if (paused_ || samples.isEmpty()) return;
  const int incoming = std::min<int>(static_cast<int>(samples.size()), kCapacity);
  // Oldest rows leave first, then the batch goes on top, newest first.
  const int keep = std::min<int>(static_cast<int>(rows_.size()), kCapacity - incoming);
  if (keep < static_cast<int>(rows_.size())) {
    beginRemoveRows({}, keep, static_cast<int>(rows_.size()) - 1);
    rows_.resize(static_cast<std::size_t>(keep));
    endRemoveRows();
  }
  beginInsertRows({}, 0, incoming - 1);
  for (qsizetype i = samples.size() - incoming; i < samples.size(); ++i) rows_.push_front(samples[i].toObject());
  endInsertRows();
}

QJsonObject RecentRequestsModel::sampleAt(int row) const {
  return row >= 0 && row < rowCount() ? rows_[static_cast<std::size_t>(row)] : QJsonObject();
}

int RecentRequestsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int RecentRequestsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RecentRequestsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case TimeColumn: return tr("Time");
    case CityColumn: return tr("User in");
    case PopColumn: return tr("PoP");
    case TierColumn: return tr("Served by");
    case LatencyColumn: return tr("Latency");
    case StatusColumn: return tr("Status");
    case UrlColumn: return tr("URL");
    default: return {};
  }
}

QVariant RecentRequestsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount) return {};
  const QJsonObject& s = rows_[static_cast<std::size_t>(index.row())];
  const ServedTier tier = MapPalette::tierFromName(s.value(u"tier"_s).toString());
  if (role == Qt::DecorationRole && index.column() == TierColumn) return MapPalette::tierColour(tier);
  if (role == Qt::TextAlignmentRole && (index.column() == LatencyColumn || index.column() == StatusColumn))
    return QVariant(Qt::AlignRight | Qt::AlignVCenter);
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case TimeColumn:
      return QLocale().toString(QDateTime::fromMSecsSinceEpoch(s.value(u"time_ms"_s).toInteger()).time(),
                                u"HH:mm:ss.zzz"_s);
    case CityColumn: return s.value(u"city"_s).toString();
    case PopColumn: return s.value(u"pop"_s).toString();
    case TierColumn: return MapPalette::tierLabel(tier);
    case LatencyColumn: return Units::millis(s.value(u"latency_ms"_s).toDouble());
    case StatusColumn: return s.value(u"status"_s).toInt();
    case UrlColumn: return s.value(u"url"_s).toString();
    default: return {};
  }
}

}  // namespace edgelab::console
