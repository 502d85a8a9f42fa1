#include "models/event_log_model.hpp"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace edgelab::console {

EventLogModel::EventLogModel(int capacity, QObject* parent) : QAbstractTableModel(parent), capacity_(capacity) {}

int EventLogModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(events_.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant EventLogModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const Event& e = events_[static_cast<std::size_t>(index.row())];
  if (role == TimeMsRole) return e.time_ms;
  if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
  switch (index.column()) {
    case TimeColumn:
      return QDateTime::fromMSecsSinceEpoch(e.time_ms).toString(role == Qt::ToolTipRole ? u"yyyy-MM-dd HH:mm:ss.zzz"_s
                                                                                        : u"HH:mm:ss.zzz"_s);
    case NodeColumn:
      return e.node;
    case KindColumn:
      return e.kind;
    case MessageColumn:
      return e.message;
  }
  return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case TimeColumn:
      return tr("Time");
    case NodeColumn:
      return tr("Node");
    case KindColumn:
      return tr("Kind");
    case MessageColumn:
      return tr("Message");
  }
  return {};
}

void EventLogModel::append(qint64 timeMs, const QString& node, const QString& kind, const QString& message) {
  if (static_cast<int>(events_.size()) >= capacity_) {
    beginRemoveRows({}, 0, 0);
    events_.pop_front();
    endRemoveRows();
  }
  const int at = rowCount();
  beginInsertRows({}, at, at);
  events_.push_back({timeMs, node, kind, message});
  endInsertRows();
  if (!kinds_.contains(kind)) {
    kinds_.append(kind);
    kinds_.sort();
    emit kindsChanged();
  }
  if (!nodes_.contains(node)) {
    nodes_.append(node);
    nodes_.sort();
    emit nodesChanged();
  }
}

QStringList EventLogModel::kinds() const { return kinds_; }
QStringList EventLogModel::nodes() const { return nodes_; }

}  // namespace edgelab::console
