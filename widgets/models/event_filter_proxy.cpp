#include "models/event_filter_proxy.hpp"

#include "models/event_log_model.hpp"

namespace edgelab::console {

EventFilterProxy::EventFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {}

void EventFilterProxy::setNode(const QString& node) {
  node_ = node;
  invalidateFilter();
}

void EventFilterProxy::setKind(const QString& kind) {
  kind_ = kind;
  invalidateFilter();
}

void EventFilterProxy::setText(const QString& text) {
  text_ = text;
  invalidateFilter();
}

bool EventFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
  auto cell = [&](int column) { return sourceModel()->index(sourceRow, column, sourceParent).data().toString(); };
  if (!node_.isEmpty() && cell(EventLogModel::NodeColumn) != node_) return false;
  if (!kind_.isEmpty() && cell(EventLogModel::KindColumn) != kind_) return false;
  if (text_.isEmpty()) return true;
  for (int column : {EventLogModel::NodeColumn, EventLogModel::KindColumn, EventLogModel::MessageColumn})
    if (cell(column).contains(text_, Qt::CaseInsensitive)) return true;
  return false;
}

}  // namespace edgelab::console
