#include "models/object_detail_model.hpp"

#include "models/units.hpp"

#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {
// internalId: 0 for a variant row, variant index + 1 for its header rows.
constexpr quintptr kVariantRow = 0;
}  // namespace

ObjectDetailModel::ObjectDetailModel(QObject* parent) : QAbstractItemModel(parent) {}

void ObjectDetailModel::load(AdminClient* client, const QString& url) {
  ++generation_;
  beginResetModel();
  variants_.clear();
  url_ = url;
  message_ = client && !url.isEmpty() ? tr("Asking…") : QString();
  endResetModel();
  if (!client || url.isEmpty()) return emit loaded();
  QUrlQuery query;
  query.addQueryItem(u"url"_s, url);
  client->get(u"/admin/v1/cache/object?"_s + query.toString(QUrl::FullyEncoded),
              [this, guard = QPointer(this), generation = generation_](const ApiResult& result) {
                if (guard) onAnswer(generation, result);
              });
}

void ObjectDetailModel::onAnswer(int generation, const ApiResult& result) {
  if (generation != generation_) return;
  beginResetModel();
  variants_.clear();
  message_.clear();
  if (!result.ok()) {
    message_ = result.http_status == 404 ? tr("Not cached on this node any more") : result.error;
  } else {
    for (const auto& value : result.body.object().value(u"variants"_s).toArray()) {
      const QJsonObject v = value.toObject();
      Variant variant;
      variant.key = v.value(u"key"_s).toString();
      QStringList tiers, vary, tags;
      for (const auto& t : v.value(u"tiers"_s).toArray()) tiers.append(t.toString());
      for (const auto& n : v.value(u"vary"_s).toArray()) vary.append(n.toString());
      for (const auto& t : v.value(u"tags"_s).toArray()) tags.append(t.toString());
      QStringList parts{tr("status %1").arg(v.value(u"status"_s).toInt()), tiers.join(u", "_s),
                        Units::bytes(v.value(u"size"_s).toDouble()),
                        tr("age %1").arg(Units::duration(v.value(u"age"_s).toDouble())),
                        v.value(u"stale"_s).toBool() ? tr("stale")
                                                     : tr("TTL %1").arg(Units::duration(v.value(u"ttl"_s).toDouble()))};
      if (!vary.isEmpty()) parts.append(tr("varies on %1").arg(vary.join(u", "_s)));
      if (!tags.isEmpty()) parts.append(tr("tags %1").arg(tags.join(u" "_s)));
      variant.summary = parts.join(u" · "_s);
      for (const auto& h : v.value(u"headers"_s).toArray()) {
        const QJsonArray pair = h.toArray();
        variant.headers.emplace_back(pair.at(0).toString(), pair.at(1).toString());
      }
      variants_.push_back(std::move(variant));
    }
  }
  endResetModel();
  emit loaded();
}

QModelIndex ObjectDetailModel::index(int row, int column, const QModelIndex& parent) const {
  if (column < 0 || column >= 2 || row < 0) return {};
  if (!parent.isValid()) return row < static_cast<int>(variants_.size()) ? createIndex(row, column, kVariantRow) : QModelIndex();
  if (parent.internalId() != kVariantRow || parent.column() != 0) return {};
  const auto& headers = variants_[static_cast<std::size_t>(parent.row())].headers;
  if (row >= static_cast<int>(headers.size())) return {};
  return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex ObjectDetailModel::parent(const QModelIndex& child) const {
  if (!child.isValid() || child.internalId() == kVariantRow) return {};
  return createIndex(static_cast<int>(child.internalId() - 1), 0, kVariantRow);
}

int ObjectDetailModel::rowCount(const QModelIndex& parent) const {
  if (!parent.isValid()) return static_cast<int>(variants_.size());
  if (parent.internalId() != kVariantRow || parent.column() != 0) return 0;
  return static_cast<int>(variants_[static_cast<std::size_t>(parent.row())].headers.size());
}

int ObjectDetailModel::columnCount(const QModelIndex&) const { return 2; }

QVariant ObjectDetailModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  return section == 0 ? tr("Variant / header") : tr("Value");
}

QVariant ObjectDetailModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole)) return {};
  if (index.internalId() == kVariantRow) {
    const Variant& v = variants_[static_cast<std::size_t>(index.row())];
    return index.column() == 0 ? v.key : v.summary;
  }
  const auto& header = variants_[static_cast<std::size_t>(index.internalId() - 1)].headers[static_cast<std::size_t>(index.row())];
  return index.column() == 0 ? header.first : header.second;
}

}  // namespace edgelab::console
