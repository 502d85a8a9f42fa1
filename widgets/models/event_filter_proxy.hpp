#pragma once
// The event log filtered by node, kind (exact; empty = all) and free text
// (case-insensitive, in the message, node or kind).
#include <QSortFilterProxyModel>

namespace edgelab::console {

class EventFilterProxy : public QSortFilterProxyModel {
  Q_OBJECT
 public:
  explicit EventFilterProxy(QObject* parent = nullptr);
  void setNode(const QString& node);
  void setKind(const QString& kind);
  void setText(const QString& text);

 protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

 private:
  QString node_, kind_, text_;
};

}  // namespace edgelab::console
