#pragma once
// Draws a column's number with a sparkline of its last minute behind it
// (the values come from FleetModel::SparklineRole), after Wireshark's
// ui/qt/models/sparkline_delegate.
#include <QStyledItemDelegate>

namespace edgelab::console {

class SparklineDelegate : public QStyledItemDelegate {
  Q_OBJECT
 public:
  explicit SparklineDelegate(int valuesRole, QObject* parent = nullptr);
  void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

 private:
  int values_role_;
};

}  // namespace edgelab::console
