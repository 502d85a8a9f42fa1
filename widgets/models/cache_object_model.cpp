#include "models/cache_object_model.hpp"

#include "models/units.hpp"

#include <QJsonArray>
#include <QLocale>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace edgelab::console {

CacheObjectModel::CacheObjectModel(QObject* parent) : QAbstractTableModel(parent) {
  clock_.start();
  // Ages and TTLs count on while the table is open.
  auto* ticker = new QTimer(this);
  ticker->setInterval(1000);
  connect(ticker, &QTimer::timeout, this, [this] {
    if (!rows_.empty()) emit dataChanged(index(0, AgeColumn), index(rowCount() - 1, FreshnessColumn));
  });
  ticker->start();
}

void CacheObjectModel::setNode(AdminClient* client, bool hasL2) {
  if (client == client_ && hasL2 == has_l2_) return;
  if (client_) disconnect(client_, &QObject::destroyed, this, nullptr);
  client_ = client;
  // A node removed from the console drops its requests unanswered: the listing ends here.
  if (client)
    connect(client, &QObject::destroyed, this, [this] {
      ++generation_;
      in_flight_ = 0;
      for (auto& stream : streams_) stream.done = true, stream.in_flight = false;
      error_ = tr("the node was removed from the console");
      emit failed(error_);
      emit loadingChanged(false);
    });
  has_l2_ = hasL2;
  reload();
}

void CacheObjectModel::setFilter(const CacheObjectFilter& filter) {
  if (filter == filter_) return;
  filter_ = filter;
  reload();
}

void CacheObjectModel::sort(int column, Qt::SortOrder order) {
  if (column < 0 || column >= ColumnCount) return;
  if (column == sort_column_ && order == sort_order_) return;
  sort_column_ = column;
  sort_order_ = order;
  reload();
}

QString CacheObjectModel::sortName() const {
  switch (sort_column_) {
    case SizeColumn: return u"size"_s;
    case AgeColumn: return u"age"_s;
    case TtlColumn:
    case FreshnessColumn: return u"ttl"_s;  // fresh/stale is the sign of the TTL left
    case HitsColumn: return u"hits"_s;
    default: return u"key"_s;  // tier and tags: by key, within the order of keys
  }
}

void CacheObjectModel::reload() {
  ++generation_;
  const bool wasLoading = loading();
  in_flight_ = 0;
  error_.clear();
  listed_at_ = client_ ? QDateTime::currentDateTime() : QDateTime();
  beginResetModel();
  rows_.clear();
  loaded_at_s_.clear();
  streams_.clear();
  if (client_) {
    if (filter_.tier.isEmpty() || filter_.tier == u"L1"_s) streams_.push_back({.tier = u"L1"_s});
    if ((filter_.tier.isEmpty() && has_l2_) || filter_.tier == u"L2"_s) streams_.push_back({.tier = u"L2"_s});
  }
  endResetModel();
  emit totalChanged(totalCount());
  // A view (or a model tester) may have asked for the first pages already, from the reset.
  for (auto& stream : streams_)
    if (!stream.in_flight) request(stream);
  if (wasLoading != loading()) emit loadingChanged(loading());
}

void CacheObjectModel::request(Stream& stream) {
  QUrlQuery query;
  query.addQueryItem(u"tier"_s, stream.tier);
  query.addQueryItem(u"limit"_s, QString::number(kPageSize));
  if (sort_column_ != KeyColumn || sort_order_ != Qt::AscendingOrder) {
    query.addQueryItem(u"sort"_s, sortName());
    query.addQueryItem(u"order"_s, sort_order_ == Qt::AscendingOrder ? u"asc"_s : u"desc"_s);
  }
  if (!stream.cursor.isEmpty()) query.addQueryItem(u"cursor"_s, stream.cursor);
  if (stream.total < 0) query.addQueryItem(u"count"_s, u"1"_s);
  if (filter_.stale_only) query.addQueryItem(u"stale"_s, u"1"_s);
  static const QString kinds[] = {QString(), u"prefix"_s, u"tag"_s, u"url"_s};
  if (filter_.kind != CacheObjectFilter::Kind::none && !filter_.value.isEmpty())
    query.addQueryItem(kinds[static_cast<int>(filter_.kind)], filter_.value);
  stream.in_flight = true;
  ++in_flight_;
  const std::size_t at = static_cast<std::size_t>(&stream - streams_.data());
  client_->get(u"/admin/v1/cache?"_s + query.toString(QUrl::FullyEncoded),
               [this, guard = QPointer(this), generation = generation_, at](const ApiResult& result) {
                 if (guard) onPage(generation, at, result);
               });
}

void CacheObjectModel::onPage(int generation, std::size_t at, const ApiResult& result) {
  if (generation != generation_ || at >= streams_.size()) return;
  Stream& stream = streams_[at];
  stream.in_flight = false;
  --in_flight_;
  if (!result.ok()) {
    // A failed page ends its stream: the rows so far stay, the error says why there are no more.
    stream.done = true;
    error_ = tr("%1: %2").arg(stream.tier, result.error);
    emit failed(error_);
  } else {
    const QJsonObject page = result.body.object().value(u"tiers"_s).toObject().value(stream.tier).toObject();
    for (const auto& value : page.value(u"entries"_s).toArray()) {
      const QJsonObject e = value.toObject();
      CachedObjectRow row{.key = e.value(u"key"_s).toString(),
                          .url = e.value(u"url"_s).toString(),
                          .tier = stream.tier,
                          .status = e.value(u"status"_s).toInt(),
                          .size = e.value(u"size"_s).toDouble(),
                          .hits = e.value(u"hits"_s).toDouble(),
                          .age_s = e.value(u"age"_s).toDouble(),
                          .ttl_s = e.value(u"ttl"_s).toDouble(),
                          .stale = e.value(u"stale"_s).toBool()};
      for (const auto& tag : e.value(u"tags"_s).toArray()) row.tags.append(tag.toString());
      stream.buffer.push_back(std::move(row));
    }
    const QJsonValue next = page.value(u"next_cursor"_s);
    stream.done = !next.isString() || next.toString().isEmpty();
    stream.cursor = next.toString();
    if (page.contains(u"total"_s)) {
      stream.total = page.value(u"total"_s).toInteger();
      emit totalChanged(totalCount());
    }
  }
  merge();
  if (!loading()) emit loadingChanged(false);
}

bool CacheObjectModel::before(const CachedObjectRow& a, const CachedObjectRow& b) const {
  auto value = [this](const CachedObjectRow& r) {
    switch (sort_column_) {
      case SizeColumn: return r.size;
      case AgeColumn: return r.age_s;
      case TtlColumn:
      case FreshnessColumn: return r.ttl_s;
      case HitsColumn: return r.hits;
      default: return 0.0;
    }
  };
  const double va = value(a), vb = value(b);
  const bool ascending = sort_order_ == Qt::AscendingOrder;
  if (va != vb) return ascending ? va < vb : va > vb;
  // The node orders keys by their bytes, and breaks ties in the listing's direction.
  const int byKey = a.key.toUtf8().compare(b.key.toUtf8());
  return ascending ? byKey < 0 : byKey > 0;
}

void CacheObjectModel::merge() {
  // A row goes into the table only when no stream could still produce one before it:
  // every stream has a row buffered or has ended.
  std::vector<CachedObjectRow> merged;
  for (;;) {
    Stream* best = nullptr;
    bool blocked = false;
    for (auto& stream : streams_) {
      if (stream.buffer.empty()) {
        if (!stream.done) blocked = true;
        continue;
      }
      if (!best || before(stream.buffer.front(), best->buffer.front())) best = &stream;
    }
    if (blocked || !best) break;
    merged.push_back(std::move(best->buffer.front()));
    best->buffer.pop_front();
  }
  if (merged.empty()) return;
  const int first = rowCount();
  beginInsertRows({}, first, first + static_cast<int>(merged.size()) - 1);
  const double now = elapsedS();
  for (auto& row : merged) {
    rows_.push_back(std::move(row));
    loaded_at_s_.push_back(now);
  }
  endInsertRows();
}

bool CacheObjectModel::canFetchMore(const QModelIndex& parent) const {
  if (parent.isValid()) return false;
  for (const auto& stream : streams_)
    if (!stream.done && !stream.in_flight && stream.buffer.empty()) return true;
  return false;
}

void CacheObjectModel::fetchMore(const QModelIndex& parent) {
  if (parent.isValid() || !client_) return;
  const bool wasLoading = loading();
  for (auto& stream : streams_)
    if (!stream.done && !stream.in_flight && stream.buffer.empty()) request(stream);
  if (!wasLoading && loading()) emit loadingChanged(true);
}

qint64 CacheObjectModel::totalCount() const {
  if (streams_.empty()) return client_ ? 0 : -1;
  qint64 sum = 0;
  for (const auto& stream : streams_) {
    if (stream.total < 0) return -1;
    sum += stream.total;
  }
  return sum;
}

const CachedObjectRow* CacheObjectModel::rowAt(int row) const {
  return row >= 0 && row < rowCount() ? &rows_[static_cast<std::size_t>(row)] : nullptr;
}

double CacheObjectModel::elapsedS() const { return clock_.elapsed() / 1000.0; }

int CacheObjectModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int CacheObjectModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant CacheObjectModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case KeyColumn: return tr("Key");
    case TierColumn: return tr("Tier");
    case SizeColumn: return tr("Size");
    case AgeColumn: return tr("Age");
    case TtlColumn: return tr("TTL left");
    case FreshnessColumn: return tr("Fresh");
    case TagsColumn: return tr("Tags");
    case HitsColumn: return tr("Hits");
    default: return {};
  }
}

QVariant CacheObjectModel::data(const QModelIndex& index, int role) const {
  const CachedObjectRow* row = index.isValid() ? rowAt(index.row()) : nullptr;
  if (!row || index.column() >= ColumnCount) return {};
  const double waited = elapsedS() - loaded_at_s_[static_cast<std::size_t>(index.row())];
  const double age = row->age_s + waited;
  const double ttl = row->ttl_s - waited;
  const bool stale = row->stale || ttl <= 0;
  if (role == UrlRole) return row->url;
  if (role == StaleRole) return stale;
  if (role == Qt::ToolTipRole && index.column() == KeyColumn) return row->key;
  if (role == Qt::TextAlignmentRole) {
    const int c = index.column();
    if (c == SizeColumn || c == AgeColumn || c == TtlColumn || c == HitsColumn)
      return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
  }
  if (role == SortValueRole) {
    switch (index.column()) {
      case SizeColumn: return row->size;
      case AgeColumn: return age;
      case TtlColumn:
      case FreshnessColumn: return ttl;
      case HitsColumn: return row->hits;
      default: return row->key;
    }
  }
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case KeyColumn: return row->key;
    case TierColumn: return row->tier;
    case SizeColumn: return Units::bytes(row->size);
    case AgeColumn: return Units::duration(age);
    case TtlColumn: return ttl > 0 ? Units::duration(ttl) : tr("expired %1 ago").arg(Units::duration(-ttl));
    case FreshnessColumn: return stale ? tr("stale") : tr("fresh");
    case TagsColumn: return row->tags.join(u", "_s);
    case HitsColumn: return QLocale().toString(static_cast<qint64>(std::clamp(row->hits, 0.0, 9e15)));
    default: return {};
  }
}

}  // namespace edgelab::console
