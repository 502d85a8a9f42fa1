#include "views/fleet_table_widget.hpp"

#include "models/fleet_model.hpp"
#include "models/fleet_sort_proxy.hpp"
#include "views/sparkline_delegate.hpp"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace edgelab::console {

FleetTableWidget::FleetTableWidget(FleetModel* fleet, QItemSelectionModel* selection, QWidget* parent)
    : QWidget(parent), fleet_(fleet), shared_(selection) {
  filter_ = new QLineEdit(this);
  filter_->setPlaceholderText(tr("Filter nodes (name, city, health…)"));
  filter_->setClearButtonEnabled(true);
  proxy_ = new FleetSortProxy(this);
  proxy_->setSourceModel(fleet);
  table_ = new QTableView(this);
  table_->setObjectName(QStringLiteral("fleetTable"));
  table_->setModel(proxy_);
  table_->setSortingEnabled(true);
  // Problems first (unreachable, down, degraded), then the file's order.
  table_->sortByColumn(FleetModel::HealthColumn, Qt::DescendingOrder);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setAlternatingRowColors(true);
  table_->setWordWrap(false);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setStretchLastSection(true);
  // Sized to the contents once the figures are in (ResizeToContents would measure every
  // cell of every row on each update, ten times a second), then left to the user.
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  fit_columns_.setSingleShot(true);
  fit_columns_.setInterval(1500);
  connect(&fit_columns_, &QTimer::timeout, this, [this] {
    const int rate = table_->horizontalHeader()->sectionSize(FleetModel::RateColumn);
    table_->resizeColumnsToContents();
    table_->horizontalHeader()->resizeSection(FleetModel::RateColumn, rate);
  });
  connect(fleet, &QAbstractItemModel::rowsInserted, &fit_columns_, qOverload<>(&QTimer::start));
  connect(fleet, &QAbstractItemModel::modelReset, &fit_columns_, qOverload<>(&QTimer::start));
  fit_columns_.start();
  table_->horizontalHeader()->setSectionResizeMode(FleetModel::RateColumn, QHeaderView::Interactive);
  table_->horizontalHeader()->resizeSection(FleetModel::RateColumn,
                                            fontMetrics().horizontalAdvance(QLatin1Char('0')) * 18);
  table_->setItemDelegateForColumn(FleetModel::RateColumn, new SparklineDelegate(FleetModel::SparklineRole, this));
  table_->setContextMenuPolicy(Qt::CustomContextMenu);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addWidget(filter_);
  layout->addWidget(table_);
  connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
  connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &FleetTableWidget::syncToShared);
  if (shared_) connect(shared_, &QItemSelectionModel::selectionChanged, this, &FleetTableWidget::syncFromShared);
  connect(table_, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
    const QModelIndex index = table_->indexAt(at);
    if (!index.isValid()) return;
    emit nodeContextMenuRequested(index.siblingAtColumn(FleetModel::NameColumn).data().toString(),
                                  table_->viewport()->mapToGlobal(at));
  });
}

void FleetTableWidget::syncToShared() {
  if (syncing_ || !shared_) return;
  syncing_ = true;
  QItemSelection mapped = proxy_->mapSelectionToSource(table_->selectionModel()->selection());
  shared_->select(mapped, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  syncing_ = false;
}

void FleetTableWidget::syncFromShared() {
  if (syncing_ || !shared_) return;
  syncing_ = true;
  const QItemSelection mapped = proxy_->mapSelectionFromSource(shared_->selection());
  table_->selectionModel()->select(mapped, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  if (!mapped.isEmpty()) table_->scrollTo(mapped.indexes().first());
  syncing_ = false;
}

}  // namespace edgelab::console
