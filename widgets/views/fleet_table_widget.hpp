#pragma once
// The fleet table: FleetModel through a sort/filter proxy (filter on any
// column's text), req/s drawn with a sparkline, selection shared with the map
// (the selection model is over FleetModel; this view maps through the proxy).
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QItemSelectionModel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace edgelab::console {

class FleetModel;

class FleetTableWidget : public QWidget {
  Q_OBJECT
 public:
  FleetTableWidget(FleetModel* fleet, QItemSelectionModel* selection, QWidget* parent = nullptr);
  QTableView* table() const { return table_; }
  QSortFilterProxyModel* proxy() const { return proxy_; }

 signals:
  void nodeContextMenuRequested(const QString& name, const QPoint& globalPosition);

 private:
  void syncFromShared();
  void syncToShared();

  QPointer<FleetModel> fleet_;
  QPointer<QItemSelectionModel> shared_;
  QLineEdit* filter_;
  QSortFilterProxyModel* proxy_;
  QTableView* table_;
  QTimer fit_columns_;
  bool syncing_ = false;
};

}  // namespace edgelab::console
