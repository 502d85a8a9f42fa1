#pragma once
// Draws a purge's waterfall cell: on one time axis shared by every row, a bar
// from when the purge was sent to the node until it acknowledged, then until
// it was verified; red to the end when it failed.
#include <QStyledItemDelegate>

namespace edgelab::console {

class WaterfallDelegate : public QStyledItemDelegate {
  Q_OBJECT
 public:
  using QStyledItemDelegate::QStyledItemDelegate;
  void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

}  // namespace edgelab::console
