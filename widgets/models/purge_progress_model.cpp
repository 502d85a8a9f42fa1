#include "models/purge_progress_model.hpp"

#include "models/units.hpp"

#include <QJsonArray>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {
using State = NodePurgeProgress::State;

QString stateName(State s) {
  switch (s) {
    case State::waiting: return u"waiting"_s;
    case State::sent: return u"sent"_s;
    case State::acknowledged: return u"acknowledged"_s;
    case State::verified: return u"verified"_s;
    case State::still_cached: return u"still_cached"_s;
    case State::failed: return u"failed"_s;
    case State::caught_up: return u"caught_up"_s;
  }
  return {};
}

State stateFromName(const QString& name) {
  for (State s : {State::waiting, State::sent, State::acknowledged, State::verified, State::still_cached,
                  State::failed, State::caught_up})
    if (stateName(s) == name) return s;
  return State::waiting;
}
}  // namespace

PurgeProgressModel::PurgeProgressModel(QObject* parent) : QAbstractTableModel(parent) {
  batch_.setSingleShot(true);
  batch_.setInterval(50);
  connect(&batch_, &QTimer::timeout, this, &PurgeProgressModel::flush);
}

void PurgeProgressModel::flush() {
  batch_.stop();
  if (!campaign_ || nodes_.empty()) return;
  nodes_ = campaign_->nodes();
  // Every row's waterfall shares one time scale, which may have grown: all rows change.
  emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void PurgeProgressModel::follow(PurgeCampaign* campaign) {
  if (campaign_) disconnect(campaign_, nullptr, this, nullptr);
  beginResetModel();
  campaign_ = campaign;
  nodes_ = campaign ? campaign->nodes() : std::vector<NodePurgeProgress>{};
  endResetModel();
  if (campaign) {
    connect(campaign, &PurgeCampaign::nodeChanged, this, &PurgeProgressModel::onNodeChanged);
    // The end of the first pass shows at once, not up to a batch later.
    connect(campaign, &PurgeCampaign::finishedFirstPass, this, &PurgeProgressModel::flush);
  }
}

void PurgeProgressModel::show(const QJsonObject& result) {
  follow(nullptr);
  beginResetModel();
  nodes_ = fromJson(result.value(u"nodes"_s).toArray());
  endResetModel();
}

void PurgeProgressModel::onNodeChanged(int index) {
  if (!campaign_ || index < 0 || index >= static_cast<int>(nodes_.size())) return;
  if (!batch_.isActive()) batch_.start();
}

QJsonArray PurgeProgressModel::toJson(const std::vector<NodePurgeProgress>& nodes) {
  QJsonArray out;
  for (const auto& n : nodes)
    out.append(QJsonObject{{u"name"_s, n.name},           {u"role"_s, n.role},
                           {u"state"_s, stateName(n.state)}, {u"attempts"_s, n.attempts},
                           {u"replayed"_s, n.replayed},   {u"duplicate"_s, n.duplicate},
                           {u"sent_ms"_s, n.sent_ms},     {u"ack_ms"_s, n.ack_ms},
                           {u"verified_ms"_s, n.verified_ms}, {u"caught_up_ms"_s, n.caught_up_ms},
                           {u"node_seq"_s, n.node_seq},   {u"l1"_s, n.l1},
                           {u"l2"_s, n.l2},               {u"error"_s, n.error},
                           {u"detail"_s, n.detail}});
  return out;
}

std::vector<NodePurgeProgress> PurgeProgressModel::fromJson(const QJsonArray& nodes) {
  std::vector<NodePurgeProgress> out;
  for (const auto& value : nodes) {
    const QJsonObject o = value.toObject();
    out.push_back({.name = o.value(u"name"_s).toString(),
                   .role = o.value(u"role"_s).toString(),
                   .state = stateFromName(o.value(u"state"_s).toString()),
                   .attempts = o.value(u"attempts"_s).toInt(),
                   .replayed = o.value(u"replayed"_s).toInt(),
                   .duplicate = o.value(u"duplicate"_s).toBool(),
                   .sent_ms = o.value(u"sent_ms"_s).toDouble(-1),
                   .ack_ms = o.value(u"ack_ms"_s).toDouble(-1),
                   .verified_ms = o.value(u"verified_ms"_s).toDouble(-1),
                   .caught_up_ms = o.value(u"caught_up_ms"_s).toDouble(-1),
                   .node_seq = o.value(u"node_seq"_s).toInteger(),
                   .l1 = o.value(u"l1"_s).toInteger(),
                   .l2 = o.value(u"l2"_s).toInteger(),
                   .error = o.value(u"error"_s).toString(),
                   .detail = o.value(u"detail"_s).toString()});
  }
  return out;
}

QColor PurgeProgressModel::stateColour(State state) {
  switch (state) {
    case State::verified:
    case State::caught_up: return QColor(0x2e, 0x9d, 0x4f);
    case State::acknowledged: return QColor(0x5b, 0x8d, 0xd9);
    case State::still_cached: return QColor(0xe0, 0x9b, 0x1a);
    case State::failed: return QColor(0xc6, 0x28, 0x28);
    case State::waiting:
    case State::sent: break;
  }
  return QColor(0x8a, 0x8f, 0x98);
}

double PurgeProgressModel::scaleMs() const {
  double scale = 1;
  for (const auto& n : nodes_) scale = std::max({scale, n.ack_ms, n.verified_ms});
  return scale;
}

int PurgeProgressModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(nodes_.size());
}

int PurgeProgressModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant PurgeProgressModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case NodeColumn: return tr("Node");
    case RoleColumn: return tr("Role");
    case StateColumn: return tr("State");
    case AckColumn: return tr("Acknowledged");
    case VerifiedColumn: return tr("Verified");
    case InvalidatedColumn: return tr("Invalidated L1 / L2");
    case WaterfallColumn: return tr("Waterfall");
    case ResultColumn: return tr("Detail");
    default: return {};
  }
}

QVariant PurgeProgressModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount) return {};
  const NodePurgeProgress& n = nodes_[static_cast<std::size_t>(index.row())];
  switch (role) {
    case StateRole: return static_cast<int>(n.state);
    case SentMsRole: return n.sent_ms;
    case AckMsRole: return n.ack_ms;
    case VerifiedMsRole: return n.verified_ms;
    case CaughtUpMsRole: return n.caught_up_ms;
    case ScaleMsRole: return scaleMs();
    case Qt::DecorationRole:
      return index.column() == StateColumn ? QVariant(stateColour(n.state)) : QVariant();
    case Qt::TextAlignmentRole:
      return index.column() == AckColumn || index.column() == VerifiedColumn || index.column() == InvalidatedColumn
                 ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                 : QVariant();
    case Qt::ToolTipRole:
      return index.column() == ResultColumn ? QVariant(n.error.isEmpty() ? n.detail : n.error) : QVariant();
    case Qt::DisplayRole: break;
    default: return {};
  }
  const QLocale locale;
  switch (index.column()) {
    case NodeColumn: return n.name;
    case RoleColumn: return n.role == u"shield"_s ? tr("shield") : tr("edge");
    case StateColumn: return PurgeCampaign::stateLabel(n.state);
    case AckColumn: return Units::millis(n.ack_ms);
    case VerifiedColumn: return Units::millis(n.verified_ms);
    case InvalidatedColumn:
      return n.ack_ms >= 0 || n.caught_up_ms >= 0 ? tr("%1 / %2").arg(locale.toString(n.l1), locale.toString(n.l2))
                                                  : QString();
    case WaterfallColumn: return QString();
    case ResultColumn: {
      QStringList parts;
      if (!n.error.isEmpty()) parts << n.error;
      if (n.caught_up_ms >= 0) parts << tr("caught up after %1").arg(Units::duration(n.caught_up_ms / 1000));
      if (n.replayed > 0) parts << tr("%n missed purge(s) replayed first", nullptr, n.replayed);
      if (n.duplicate) parts << tr("had it already");
      if (!n.detail.isEmpty()) parts << n.detail;
      if (n.attempts > 1 && n.caught_up_ms < 0) parts << tr("%n attempt(s)", nullptr, n.attempts);
      return parts.join(u" · "_s);
    }
    default: return {};
  }
}

}  // namespace edgelab::console
