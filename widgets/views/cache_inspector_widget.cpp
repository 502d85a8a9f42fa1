#include "views/cache_inspector_widget.hpp"

#include "models/cache_object_model.hpp"
#include "models/fleet_model.hpp"
#include "models/object_detail_model.hpp"
#include "models/object_locations_model.hpp"
#include "models/tier_heat_model.hpp"
#include "views/table_setup.hpp"
#include "views/tier_chain_widget.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace edgelab::console {

CacheInspectorWidget::CacheInspectorWidget(FleetModel* fleet, QItemSelectionModel* selection, QWidget* parent)
    : QWidget(parent), fleet_(fleet), selection_(selection) {
  objects_ = new CacheObjectModel(this);
  detail_ = new ObjectDetailModel(this);
  locations_ = new ObjectLocationsModel(fleet, this);
  heat_ = new TierHeatModel(fleet, this);

  title_ = new QLabel(this);
  title_->setObjectName(u"inspectorTitle"_s);
  QFont bold = title_->font();
  bold.setBold(true);
  title_->setFont(bold);
  chain_ = new TierChainWidget(this);
  chain_->setObjectName(u"tierChain"_s);

  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(buildObjectsPane());
  tabs_ = new QTabWidget(this);
  tabs_->setObjectName(u"inspectorTabs"_s);
  object_title_ = new QLabel(tr("Pick an object to see its variants and where it lives"), this);
  object_title_->setWordWrap(true);
  object_title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  detail_view_ = new QTreeView(this);
  detail_view_->setObjectName(u"objectDetail"_s);
  detail_view_->setModel(detail_);
  detail_view_->setUniformRowHeights(true);
  detail_view_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  auto* detailPane = new QWidget(this);
  auto* detailLayout = new QVBoxLayout(detailPane);
  detailLayout->setContentsMargins(0, 0, 0, 0);
  detailLayout->addWidget(object_title_);
  detailLayout->addWidget(detail_view_, 1);
  tabs_->addTab(detailPane, tr("Object"));

  locations_summary_ = new QLabel(this);
  locations_summary_->setWordWrap(true);
  locations_view_ = TableSetup::create(this, u"objectLocations"_s);
  locations_view_->setModel(locations_);
  auto* whereLayout = new QVBoxLayout;
  whereLayout->setContentsMargins(0, 0, 0, 0);
  whereLayout->addWidget(locations_summary_);
  whereLayout->addWidget(locations_view_, 1);
  auto* wherePane = new QWidget(this);
  wherePane->setLayout(whereLayout);
  tabs_->addTab(wherePane, tr("Across the fleet"));
  tabs_->addTab(buildHeatGrid(), tr("Heat grid"));
  split->addWidget(tabs_);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 1);
  tabs_->setMinimumWidth(fontMetrics().height() * 16);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(title_);
  layout->addWidget(chain_);
  layout->addWidget(split, 1);

  connect(objects_, &CacheObjectModel::totalChanged, this, &CacheInspectorWidget::updateCount);
  connect(objects_, &QAbstractItemModel::rowsInserted, this, &CacheInspectorWidget::updateCount);
  connect(objects_, &QAbstractItemModel::modelReset, this, &CacheInspectorWidget::updateCount);
  connect(objects_, &CacheObjectModel::failed, this, &CacheInspectorWidget::updateCount);
  connect(objects_, &CacheObjectModel::loadingChanged, this, &CacheInspectorWidget::updateCount);
  connect(object_table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            if (current.isValid()) inspectObject(current.data(CacheObjectModel::UrlRole).toString());
          });
  connect(detail_, &ObjectDetailModel::loaded, this, [this] {
    detail_view_->expandAll();
    if (!detail_->message().isEmpty()) object_title_->setText(tr("%1: %2").arg(detail_->url(), detail_->message()));
  });
  connect(locations_, &ObjectLocationsModel::placementsChanged, this, &CacheInspectorWidget::publishMarks);
  if (selection_)
    connect(selection_, &QItemSelectionModel::selectionChanged, this, &CacheInspectorWidget::followSelection);
  connect(fleet, &FleetModel::figuresChanged, this, &CacheInspectorWidget::refreshFigures);
  followSelection();
}

QWidget* CacheInspectorWidget::buildObjectsPane() {
  auto* pane = new QWidget(this);
  tier_ = new QComboBox(pane);
  tier_->setObjectName(u"objectTier"_s);
  tier_->addItem(tr("Both tiers"), QString());
  tier_->addItem(u"L1"_s, u"L1"_s);
  tier_->addItem(u"L2"_s, u"L2"_s);
  kind_ = new QComboBox(pane);
  kind_->setObjectName(u"objectFilterKind"_s);
  kind_->addItem(tr("URL prefix"), int(CacheObjectFilter::Kind::prefix));
  kind_->addItem(tr("Tag"), int(CacheObjectFilter::Kind::tag));
  kind_->addItem(tr("URL"), int(CacheObjectFilter::Kind::url));
  value_ = new QLineEdit(pane);
  value_->setObjectName(u"objectFilter"_s);
  value_->setPlaceholderText(tr("http://host/path/ · tag · URL (Enter)"));
  value_->setClearButtonEnabled(true);
  stale_ = new QCheckBox(tr("Stale only"), pane);
  stale_->setObjectName(u"objectStaleOnly"_s);
  auto* reload = new QPushButton(tr("Reload"), pane);
  reload->setObjectName(u"objectReload"_s);
  count_ = new QLabel(pane);
  count_->setObjectName(u"objectCount"_s);
  object_table_ = TableSetup::create(pane, u"objectTable"_s);
  object_table_->setModel(objects_);
  object_table_->setSortingEnabled(true);  // the model sorts on the node
  object_table_->sortByColumn(CacheObjectModel::KeyColumn, Qt::AscendingOrder);
  object_table_->horizontalHeader()->setSectionResizeMode(CacheObjectModel::KeyColumn, QHeaderView::Stretch);
  object_table_->horizontalHeader()->setStretchLastSection(false);
  object_table_->setTextElideMode(Qt::ElideMiddle);

  auto* filters = new QHBoxLayout;
  filters->addWidget(tier_);
  filters->addWidget(kind_);
  filters->addWidget(value_, 1);
  filters->addWidget(stale_);
  filters->addWidget(reload);
  auto* layout = new QVBoxLayout(pane);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(filters);
  layout->addWidget(count_);
  layout->addWidget(object_table_, 1);

  connect(tier_, &QComboBox::currentIndexChanged, this, &CacheInspectorWidget::applyFilter);
  connect(kind_, &QComboBox::currentIndexChanged, this, &CacheInspectorWidget::applyFilter);
  connect(value_, &QLineEdit::returnPressed, this, &CacheInspectorWidget::applyFilter);
  connect(value_, &QLineEdit::textChanged, this, [this](const QString& text) {
    if (text.isEmpty()) applyFilter();  // the clear button lists everything again
  });
  connect(stale_, &QCheckBox::toggled, this, &CacheInspectorWidget::applyFilter);
  connect(reload, &QPushButton::clicked, objects_, &CacheObjectModel::reload);
  return pane;
}

QWidget* CacheInspectorWidget::buildHeatGrid() {
  auto* proxy = new QSortFilterProxyModel(this);
  proxy->setSourceModel(heat_);
  proxy->setSortRole(TierHeatModel::SortRole);
  QTableView* view = TableSetup::create(this, u"heatGrid"_s);
  view->setModel(proxy);
  view->setSortingEnabled(true);
  view->sortByColumn(TierHeatModel::RegionColumn, Qt::AscendingOrder);
  // Fixed widths: the grid changes ten times a second, and sizing 55 rows to their contents each
  // time would stall the window. Fitted once, when the first figures are in.
  view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  view->horizontalHeader()->setStretchLastSection(true);
  view->horizontalHeader()->setDefaultSectionSize(fontMetrics().height() * 6);
  view->setColumnWidth(TierHeatModel::NodeColumn, fontMetrics().height() * 12);
  view->setColumnWidth(TierHeatModel::RegionColumn, fontMetrics().height() * 12);
  connect(fleet_, &FleetModel::figuresChanged, view, [view, fitted = false]() mutable {
    if (std::exchange(fitted, true)) return;
    view->resizeColumnsToContents();
  });
  // A click in the grid selects the node everywhere.
  connect(view, &QTableView::clicked, this, [this, proxy](const QModelIndex& index) {
    if (!selection_ || !fleet_) return;
    const int row = proxy->mapToSource(index).row();
    selection_->select(fleet_->index(row, 0),
                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  });
  return view;
}

void CacheInspectorWidget::followSelection() {
  QString name;
  if (selection_ && fleet_) {
    const QModelIndexList rows = selection_->selectedRows();
    if (!rows.isEmpty()) name = fleet_->nameAt(rows.first().row());
  }
  if (name.isEmpty() && fleet_ && fleet_->rowCount() > 0 && node_.isEmpty()) name = fleet_->nameAt(0);
  if (name.isEmpty() || name == node_) return refreshFigures();
  node_ = name;
  const int row = fleet_->rowOf(name);
  objects_->setNode(fleet_->clientAt(row), fleet_->tierFigures(row).l2.present);
  refreshFigures();
}

void CacheInspectorWidget::refreshFigures() {
  if (!fleet_) return;
  if (node_.isEmpty() && fleet_->rowCount() > 0) return followSelection();
  const int row = fleet_->rowOf(node_);
  if (row < 0) {
    title_->setText(tr("No node selected"));
    chain_->setChain({});
    return;
  }
  std::vector<TierFigures> chain{fleet_->tierFigures(row)};
  // Walk the upstreams the lab (or the nearest-shield guess) gave; bounded in case of a loop.
  for (int hop = 0; hop < 4; ++hop) {
    const int up = fleet_->rowOf(chain.back().upstream);
    if (up < 0) break;
    chain.push_back(fleet_->tierFigures(up));
  }
  const TierFigures& node = chain.front();
  title_->setText(node.city.isEmpty() ? node.name : tr("%1 · %2").arg(node.name, node.city));
  // A node whose L2 became known after it was picked lists that tier too.
  if (node.l2.present && objects_->filter().tier.isEmpty() && objects_->node() == fleet_->clientAt(row))
    objects_->setNode(fleet_->clientAt(row), true);
  chain_->setChain(std::move(chain));
}

void CacheInspectorWidget::applyFilter() {
  CacheObjectFilter filter;
  filter.tier = tier_->currentData().toString();
  filter.value = value_->text().trimmed();
  filter.kind = filter.value.isEmpty() ? CacheObjectFilter::Kind::none
                                       : static_cast<CacheObjectFilter::Kind>(kind_->currentData().toInt());
  filter.stale_only = stale_->isChecked();
  objects_->setFilter(filter);
}

void CacheInspectorWidget::updateCount() {
  const QLocale locale;
  const qint64 total = objects_->totalCount();
  QString text = total >= 0 ? tr("%1 of %2 objects loaded").arg(locale.toString(objects_->rowCount()),
                                                               locale.toString(total))
                            : tr("%1 objects loaded").arg(locale.toString(objects_->rowCount()));
  // A listing is what the node held when it was asked, not a live view: say when.
  if (objects_->listedAt().isValid())
    text += u" · "_s + tr("as listed at %1").arg(QLocale().toString(objects_->listedAt().time(), u"HH:mm:ss"_s));
  if (objects_->loading()) text += u" · "_s + tr("loading…");
  if (!objects_->lastError().isEmpty()) text += u" · "_s + objects_->lastError();
  count_->setText(text);
}

void CacheInspectorWidget::inspectObject(const QString& url) {
  if (!fleet_) return;
  object_title_->setText(tr("%1 on %2").arg(url, node_));
  detail_->load(fleet_->clientAt(fleet_->rowOf(node_)), url);
  locations_->locate(url);
}

void CacheInspectorWidget::publishMarks() {
  QHash<QString, MapMark> marks;
  const auto placements = locations_->placements();
  int fresh = 0, stale = 0, asking = 0;
  for (auto it = placements.begin(); it != placements.end(); ++it) {
    const Placement placement = it.value();
    if (placement == Placement::fresh) ++fresh;
    if (placement == Placement::stale) ++stale;
    if (placement == Placement::asking) ++asking;
    if (placement == Placement::absent || placement == Placement::asking) continue;
    marks.insert(it.key(), {.colour = ObjectLocationsModel::placementColour(placement),
                            .style = placement == Placement::error ? MapMark::Style::cross : MapMark::Style::ring,
                            .badge = locations_->tiersOf(it.key()).join(u' ')});
  }
  locations_summary_->setText(
      locations_->url().isEmpty()
          ? QString()
          : tr("%1: fresh on %2 nodes, stale on %3, not cached on the others%4")
                .arg(locations_->url(), QString::number(fresh), QString::number(stale),
                     asking ? tr(" (%1 still asking)").arg(asking) : QString()));
  emit marksChanged(u"locations"_s, marks);
}

}  // namespace edgelab::console
