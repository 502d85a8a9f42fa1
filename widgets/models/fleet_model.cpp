#include "models/fleet_model.hpp"

#include "models/event_text.hpp"
#include "models/region_catalogue.hpp"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {

constexpr qint64 kWindowMs = 60'000;
constexpr qint64 kHitWindowMs = 10'000;
constexpr std::size_t kSparklinePoints = 60;

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

QString percent(double ratio) {
  if (ratio < 0) return u"–"_s;
  return QLocale().toString(ratio * 100, 'f', 1) + u" %"_s;
}

QString millis(double ms) {
  if (ms < 0) return u"–"_s;
  // In-process hits take tens of microseconds: two decimals below a millisecond.
  return QLocale().toString(ms, 'f', ms < 1 ? 2 : ms < 10 ? 1 : 0) + u" ms"_s;
}

}  // namespace

FleetModel::FleetModel(QNetworkAccessManager* network, AdminClient::Intervals intervals, QObject* parent)
    : QAbstractTableModel(parent), network_(network), intervals_(intervals) {
  // Answers from many nodes arrive spread over each second: they are announced as one
  // batch every 100 ms (the map repaints on it), and "N s ago" ages once a second.
  tick_.setInterval(100);
  connect(&tick_, &QTimer::timeout, this, [this] {
    if (std::exchange(figures_dirty_, false)) emit figuresChanged();
    if (++ticks_ % 10 == 0 && !rows_.empty())
      emit dataChanged(index(0, HealthColumn), index(rowCount() - 1, HealthColumn));
  });
  tick_.start();
}

FleetModel::~FleetModel() = default;

int FleetModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int FleetModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant FleetModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) return {};
  if (role == Qt::DisplayRole) {
    switch (section) {
      case NameColumn:
        return tr("Node");
      case RoleColumn:
        return tr("Role");
      case CityColumn:
        return tr("City");
      case HealthColumn:
        return tr("Health");
      case RateColumn:
        return tr("Requests/s");
      case HitL1Column:
        return tr("L1 hits");
      case HitL2Column:
        return tr("L2 hits");
      case P50Column:
        return tr("p50");
      case P99Column:
        return tr("p99");
      case L1FillColumn:
        return tr("L1 fill");
      case L2FillColumn:
        return tr("L2 fill");
      case ErrorsColumn:
        return tr("Errors");
      case PurgeSeqColumn:
        return tr("Purge seq");
      case VersionColumn:
        return tr("Version");
    }
  }
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case RateColumn:
        return tr("Requests per second, with the last minute as a sparkline");
      case HitL1Column:
        return tr("Share of requests served from the memory tier over the last 10 s");
      case HitL2Column:
        return tr("Share of requests served from the disk tier over the last 10 s");
      case P50Column:
        return tr("Median time to answer, since the node started");
      case P99Column:
        return tr("99th percentile time to answer, since the node started");
      case L1FillColumn:
        return tr("Memory tier bytes used of its maximum");
      case L2FillColumn:
        return tr("Disk tier bytes used of its maximum");
      case ErrorsColumn:
        return tr("Responses the node generated as 5xx, since it started");
      case PurgeSeqColumn:
        return tr("Sequence of the last purge the node applied");
      default:
        return {};
    }
  }
  return {};
}

QVariant FleetModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const Row& row = *rows_[static_cast<std::size_t>(index.row())];
  const int column = index.column();
  switch (role) {
    case Qt::DisplayRole:
      return display(row, column);
    case Qt::ToolTipRole:
      if (column == HealthColumn || column == NameColumn) return healthText(row);
      return {};
    case Qt::DecorationRole:
      if (column == HealthColumn) return NodeHealth::icon(row.health);
      return {};
    case Qt::TextAlignmentRole:
      if (column >= RateColumn && column <= PurgeSeqColumn) return int(Qt::AlignRight | Qt::AlignVCenter);
      return int(Qt::AlignLeft | Qt::AlignVCenter);
    case SortRole:
      return sortValue(row, column);
    case SparklineRole:
      return QVariant::fromValue(QList<double>(row.sparkline.begin(), row.sparkline.end()));
    case HealthRole:
      return static_cast<int>(row.health);
    case NodeRoleRole:
      return row.endpoint.role;
    case HasLocationRole:
      return row.lat_lon.has_value();
    case LatitudeRole:
      return row.lat_lon ? row.lat_lon->first : 0.0;
    case LongitudeRole:
      return row.lat_lon ? row.lat_lon->second : 0.0;
    case RateRole:
      return row.rate;
    case BytesPerSecondRole:
      return row.bytes_rate;
    case UpstreamRole:
      return row.upstream;
    case LinkCutRole:
      return row.link_cut;
    case NameRole:
      return row.endpoint.name;
    default:
      return {};
  }
}

QVariant FleetModel::display(const Row& row, int column) const {
  QLocale locale;
  switch (column) {
    case NameColumn:
      return row.endpoint.name;
    case RoleColumn:
      return row.endpoint.role == u"shield"_s ? tr("shield") : tr("edge");
    case CityColumn:
      return row.city;
    case HealthColumn:
      return healthText(row);
    case RateColumn:
      return row.ever_answered ? locale.toString(row.rate, 'f', row.rate < 10 ? 1 : 0) : u"–"_s;
    case HitL1Column:
      return percent(row.hit_l1);
    case HitL2Column:
      return percent(row.hit_l2);
    case P50Column:
      return millis(row.p50_ms);
    case P99Column:
      return millis(row.p99_ms);
    case L1FillColumn:
      return percent(row.l1_fill);
    case L2FillColumn:
      return percent(row.l2_fill);
    case ErrorsColumn:
      return row.ever_answered ? locale.toString(row.errors) : u"–"_s;
    case PurgeSeqColumn:
      return row.purge_seq >= 0 ? locale.toString(row.purge_seq) : u"–"_s;
    case VersionColumn:
      return row.version;
  }
  return {};
}

QVariant FleetModel::sortValue(const Row& row, int column) const {
  switch (column) {
    case HealthColumn:
      return static_cast<int>(row.health);
    case RateColumn:
      return row.rate;
    case HitL1Column:
      return row.hit_l1;
    case HitL2Column:
      return row.hit_l2;
    case P50Column:
      return row.p50_ms;
    case P99Column:
      return row.p99_ms;
    case L1FillColumn:
      return row.l1_fill;
    case L2FillColumn:
      return row.l2_fill;
    case ErrorsColumn:
      return row.errors;
    case PurgeSeqColumn:
      return row.purge_seq;
    default:
      return display(row, column);
  }
}

QString FleetModel::healthText(const Row& row) const {
  const QString label = NodeHealth::label(row.health);
  if (row.health == Health::down && row.failing_since_ms) {
    const qint64 ago = std::max<qint64>(0, (nowMs() - row.failing_since_ms) / 1000);
    return tr("down: %1 %2 s ago").arg(row.failure, QString::number(ago));
  }
  if (row.reason.isEmpty()) return label;
  return tr("%1: %2").arg(label, row.reason);
}

void FleetModel::addNode(const NodeEndpoint& endpoint) {
  if (const int existing = rowOf(endpoint.name); existing >= 0) {
    if (AdminClient* old = rows_[static_cast<std::size_t>(existing)]->client) {
      old->stop();  // the replaced node's polls end with it
      old->deleteLater();
    }
    beginRemoveRows({}, existing, existing);
    rows_.erase(rows_.begin() + existing);
    endRemoveRows();
  }
  auto row = std::make_unique<Row>();
  row->endpoint = endpoint;
  row->client = new AdminClient(endpoint, network_, intervals_, this);  // owned by the model (QObject parent)
  Row* raw = row.get();
  connect(row->client, &AdminClient::statusReceived, this, [this, raw](const QJsonObject& s) { onStatus(*raw, s); });
  connect(row->client, &AdminClient::statsReceived, this, [this, raw](const QJsonObject& s) { onStats(*raw, s); });
  connect(row->client, &AdminClient::eventsReceived, this, [this, raw](const QJsonArray& e) { onEvents(*raw, e); });
  connect(row->client, &AdminClient::pollFailed, this,
          [this, raw](const QString& path, const ApiResult& result) { onFailure(*raw, path, result); });
  const int at = rowCount();
  beginInsertRows({}, at, at);
  rows_.push_back(std::move(row));
  endInsertRows();
  raw->client->start();
}

void FleetModel::clear() {
  if (rows_.empty()) return;
  beginResetModel();
  for (auto& row : rows_)
    if (row->client) {
      row->client->stop();
      row->client->deleteLater();
    }
  rows_.clear();
  endResetModel();
}

int FleetModel::rowOf(const QString& name) const {
  for (std::size_t i = 0; i < rows_.size(); ++i)
    if (rows_[i]->endpoint.name == name) return static_cast<int>(i);
  return -1;
}

int FleetModel::rowOf(const Row& row) const {
  for (std::size_t i = 0; i < rows_.size(); ++i)
    if (rows_[i].get() == &row) return static_cast<int>(i);
  return -1;
}

QString FleetModel::nameAt(int row) const {
  return row >= 0 && row < rowCount() ? rows_[static_cast<std::size_t>(row)]->endpoint.name : QString();
}

AdminClient* FleetModel::clientAt(int row) const {
  return row >= 0 && row < rowCount() ? rows_[static_cast<std::size_t>(row)]->client : nullptr;
}

TierFigures FleetModel::tierFigures(int index) const {
  TierFigures f;
  if (index < 0 || index >= rowCount()) return f;
  const Row& row = *rows_[static_cast<std::size_t>(index)];
  f.name = row.endpoint.name;
  f.role = row.endpoint.role;
  f.region = row.region;
  f.city = row.city;
  f.upstream = row.upstream;
  f.health = row.health;
  f.from_lab = row.placed_by_lab;
  f.requests_per_s = row.rate;
  f.upstream_per_s = row.upstream_rate;
  f.hit_l1 = row.hit_l1;
  f.hit_l2 = row.hit_l2;
  f.l1 = row.l1;
  f.l2 = row.l2;
  return f;
}

void FleetModel::rowChanged(const Row& row, int firstColumn, int lastColumn) {
  const int r = rowOf(row);
  if (r >= 0) emit dataChanged(index(r, firstColumn), index(r, lastColumn));
  figures_dirty_ = true;
}

void FleetModel::onStatus(Row& row, const QJsonObject& status) {
  row.region = status.value(u"region"_s).toString();
  row.version = status.value(u"version"_s).toString();
  row.purge_seq = status.value(u"last_purge_seq"_s).toInteger(-1);
  row.l2_max_bytes = status.value(u"config"_s).toObject().value(u"l2"_s).toObject().value(u"max_bytes"_s).toDouble();
  const auto region = RegionCatalogue::instance().find(row.region);
  if (!row.placed_by_lab) {
    const QJsonObject where = status.value(u"coordinates"_s).toObject();
    if (where.contains(u"lat"_s))
      row.lat_lon = std::pair(where.value(u"lat"_s).toDouble(), where.value(u"lon"_s).toDouble());
    else if (region)
      row.lat_lon = std::pair(region->lat, region->lon);
    if (region) row.city = region->city;
  }
  rowChanged(row);
}

void FleetModel::onStats(Row& row, const QJsonObject& stats) {
  const QJsonObject c = stats.value(u"counters"_s).toObject();
  Counters now{nowMs(),
               c.value(u"requests"_s).toDouble(),
               c.value(u"l1_hits"_s).toDouble(),
               c.value(u"l2_hits"_s).toDouble(),
               c.value(u"errors"_s).toDouble(),
               c.value(u"bytes_out"_s).toDouble(),
               c.value(u"upstream_requests"_s).toDouble(),
               stats.value(u"l1"_s).toObject().value(u"evictions"_s).toDouble(),
               stats.value(u"l2"_s).toObject().value(u"evictions"_s).toDouble()};
  // A restarted node counts from zero: start the window again.
  if (!row.window.empty() && now.requests < row.window.back().requests) {
    row.window.clear();
    row.first.reset();
  }
  if (!row.first) row.first = now;
  if (!row.window.empty()) {
    const Counters& last = row.window.back();
    const double seconds = std::max(0.001, (now.at_ms - last.at_ms) / 1000.0);
    row.rate = (now.requests - last.requests) / seconds;
    row.bytes_rate = (now.bytes_out - last.bytes_out) / seconds;
    row.error_rate = (now.errors - last.errors) / seconds;
    row.upstream_rate = (now.upstream - last.upstream) / seconds;
    row.l1.evictions_per_s = std::max(0.0, now.l1_evictions - last.l1_evictions) / seconds;
    row.l2.evictions_per_s = std::max(0.0, now.l2_evictions - last.l2_evictions) / seconds;
    row.sparkline.push_back(row.rate);
    while (row.sparkline.size() > kSparklinePoints) row.sparkline.pop_front();
  }
  row.window.push_back(now);
  while (row.window.size() > 2 && now.at_ms - row.window.front().at_ms > kWindowMs) row.window.pop_front();
  // Hit ratios over the last 10 s: the newest answer against the oldest one inside the span.
  const Counters* base = &row.window.front();
  for (const auto& sample : row.window)
    if (now.at_ms - sample.at_ms <= kHitWindowMs) {
      base = &sample;
      break;
    }
  const double requests = now.requests - base->requests;
  row.hit_l1 = requests > 0 ? (now.l1_hits - base->l1_hits) / requests : -1;
  row.hit_l2 = requests > 0 ? (now.l2_hits - base->l2_hits) / requests : -1;
  const QJsonObject latency = c.value(u"latency_us"_s).toObject();
  const bool anyLatency = latency.value(u"count"_s).toDouble() > 0;
  row.p50_ms = anyLatency ? latency.value(u"p50"_s).toDouble() / 1000.0 : -1;
  row.p99_ms = anyLatency ? latency.value(u"p99"_s).toDouble() / 1000.0 : -1;
  row.errors = c.value(u"errors"_s).toInteger();
  const QJsonObject l1 = stats.value(u"l1"_s).toObject();
  const double l1Max = l1.value(u"max_bytes"_s).toDouble();
  row.l1_fill = l1Max > 0 ? l1.value(u"bytes"_s).toDouble() / l1Max : -1;
  const QJsonObject l2 = stats.value(u"l2"_s).toObject();
  row.l2_fill = !l2.isEmpty() && row.l2_max_bytes > 0 ? l2.value(u"bytes"_s).toDouble() / row.l2_max_bytes : -1;
  row.l1.present = true;
  row.l1.bytes = l1.value(u"bytes"_s).toDouble();
  row.l1.objects = l1.value(u"objects"_s).toDouble();
  row.l1.max_bytes = l1Max;
  row.l2.present = !l2.isEmpty();
  row.l2.bytes = l2.value(u"bytes"_s).toDouble();
  row.l2.objects = l2.value(u"objects"_s).toDouble();
  row.l2.max_bytes = l2.contains(u"max_bytes"_s) ? l2.value(u"max_bytes"_s).toDouble() : row.l2_max_bytes;
  row.ever_answered = true;
  row.failing_since_ms = 0;
  row.failure.clear();
  judge(row);
  rowChanged(row);
}

void FleetModel::onFailure(Row& row, const QString& path, const ApiResult& result) {
  if (path == u"/admin/v1/events"_s) return;  // the long-poll retries on its own; stats tell health
  if (!row.failing_since_ms) row.failing_since_ms = nowMs();
  row.failure = tr("%1 %2").arg(path, result.error);
  row.failure_error = result.error;
  row.failure_transport = result.transport_failure;
  row.rate = 0;
  row.bytes_rate = 0;
  judge(row);
  rowChanged(row);
}

void FleetModel::judge(Row& row) {
  Health health = Health::healthy;
  QString reason;
  if (row.killed_by_lab) {
    health = Health::down;
    reason = tr("killed by a lab fault");
  } else if (row.failing_since_ms) {
    // Refused or silent after having answered: down. Anything else (401, TLS, never answered): unreachable.
    health = row.ever_answered && row.failure_transport ? Health::down : Health::unreachable;
    reason = row.failure_error;
  } else if (row.lab_health && *row.lab_health != Health::healthy) {
    health = *row.lab_health;
    reason = row.lab_reason;
  } else if (row.rate > 0 && row.error_rate / row.rate > 0.05) {
    health = Health::degraded;
    reason = tr("%1 % errors").arg(QLocale().toString(100 * row.error_rate / row.rate, 'f', 0));
  }
  if (health == row.health && reason == row.reason) return;
  const bool changed = health != row.health;
  const Health before = row.health;
  row.health = health;
  row.reason = reason;
  if (changed && !(before == Health::connecting && health == Health::healthy))
    emit nodeEvent(nowMs(), row.endpoint.name, u"health"_s, healthText(row));
}

void FleetModel::onEvents(Row& row, const QJsonArray& events) {
  for (const auto& value : events) {
    const QJsonObject e = value.toObject();
    const QString type = e.value(u"type"_s).toString();
    const QJsonObject d = e.value(u"data"_s).toObject();
    const QString message = EventText::nodeEvent(type, d);
    emit nodeEvent(e.value(u"at_ms"_s).toInteger(nowMs()), row.endpoint.name, type, message);
  }
}

void FleetModel::setPlacement(const QString& name, double lat, double lon, const QString& upstream,
                              const QString& city) {
  const int r = rowOf(name);
  if (r < 0) return;
  Row& row = *rows_[static_cast<std::size_t>(r)];
  row.lat_lon = std::pair(lat, lon);
  row.upstream = upstream;
  if (!city.isEmpty()) row.city = city;
  row.placed_by_lab = true;
  rowChanged(row);
}

void FleetModel::setLinkCut(const QString& name, bool cut) {
  const int r = rowOf(name);
  if (r < 0 || rows_[static_cast<std::size_t>(r)]->link_cut == cut) return;
  rows_[static_cast<std::size_t>(r)]->link_cut = cut;
  rowChanged(*rows_[static_cast<std::size_t>(r)]);
}

void FleetModel::setLabHealth(const QString& name, Health health, const QString& reason) {
  const int r = rowOf(name);
  if (r < 0) return;
  Row& row = *rows_[static_cast<std::size_t>(r)];
  row.lab_health = health;
  row.lab_reason = reason;
  judge(row);
  rowChanged(row, HealthColumn, HealthColumn);
}

void FleetModel::setKilledByLab(const QString& name, bool killed) {
  const int r = rowOf(name);
  if (r < 0) return;
  Row& row = *rows_[static_cast<std::size_t>(r)];
  row.killed_by_lab = killed;
  judge(row);
  rowChanged(row, HealthColumn, HealthColumn);
}

double FleetModel::totalRate() const {
  double sum = 0;
  for (const auto& row : rows_) sum += row->rate;
  return sum;
}

std::pair<double, double> FleetModel::offload() const {
  const bool anyShield =
      std::any_of(rows_.begin(), rows_.end(), [](const auto& r) { return r->endpoint.role == u"shield"_s; });
  double requests10 = 0, origin10 = 0, requestsRun = 0, originRun = 0;
  for (const auto& row : rows_) {
    if (row->window.empty() || !row->first) continue;
    const Counters& now = row->window.back();
    const Counters* base = &row->window.front();
    for (const auto& sample : row->window)
      if (now.at_ms - sample.at_ms <= kHitWindowMs) {
        base = &sample;
        break;
      }
    const bool shield = row->endpoint.role == u"shield"_s;
    if (!shield) {
      requests10 += now.requests - base->requests;
      requestsRun += now.requests - row->first->requests;
    }
    if (shield == anyShield) {
      origin10 += now.upstream - base->upstream;
      originRun += now.upstream - row->first->upstream;
    }
  }
  auto share = [](double origin, double requests) { return requests > 0 ? 1.0 - origin / requests : -1.0; };
  return {share(origin10, requests10), share(originRun, requestsRun)};
}

double FleetModel::totalErrorRate() const {
  double sum = 0;
  for (const auto& row : rows_) sum += row->error_rate;
  return sum;
}

}  // namespace edgelab::console
