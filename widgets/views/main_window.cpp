#include "views/main_window.hpp"

#include "dialogs/add_nodes_dialog.hpp"
#include "map/world_map_view.hpp"
#include "models/console_session.hpp"
#include "models/saved_nodes.hpp"
#include "views/cache_inspector_widget.hpp"
#include "views/charts_widget.hpp"
#include "views/event_log_widget.hpp"
#include "views/purge_panel_widget.hpp"
#include "views/replay_widget.hpp"
#include "views/request_trace_widget.hpp"
#include "views/what_if_widget.hpp"
#include "views/fleet_table_widget.hpp"
#include "views/lab_controls_widget.hpp"
#include "views/ui_language.hpp"
#include "views/ui_theme.hpp"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QStyle>
#include <QSettings>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {
// Bumped when the dock set changes, so an old saved layout is not applied to new docks.
constexpr int kLayoutVersion = 2;
}  // namespace

MainWindow::MainWindow(ConsoleSession* session, bool restoreLayout, QWidget* parent)
    : QMainWindow(parent), session_(session) {
  setWindowTitle(tr("EdgeLab console"));
  setObjectName(u"mainWindow"_s);
  setDockNestingEnabled(true);
  selection_ = new QItemSelectionModel(&session->fleet(), this);
  map_ = new WorldMapView(&session->fleet(), selection_, this);
  map_->setObjectName(u"worldMap"_s);
  fleet_table_ = new FleetTableWidget(&session->fleet(), selection_, this);
  lab_controls_ = new LabControlsWidget(session, this);
  event_log_ = new EventLogWidget(&session->events(), this);
  inspector_ = new CacheInspectorWidget(&session->fleet(), selection_, this);
  inspector_->setObjectName(u"cacheInspector"_s);
  purge_panel_ = new PurgePanelWidget(session, selection_, this);
  purge_panel_->setObjectName(u"purgePanel"_s);
  charts_ = new ChartsWidget(&session->history(), &session->fleet(), selection_, this);
  charts_->setObjectName(u"charts"_s);
  replay_ = new ReplayWidget(this);
  replay_->setObjectName(u"replay"_s);
  what_if_ = new WhatIfWidget(session, this);
  what_if_->setObjectName(u"whatIf"_s);
  traces_ = new RequestTraceWidget(session, this);
  traces_->setObjectName(u"traces"_s);
  connect(map_, &WorldMapView::locationClicked, what_if_, &WhatIfWidget::pickLocation);
  connect(what_if_, &WhatIfWidget::routeChanged, map_, &WorldMapView::setRoute);
  connect(inspector_, &CacheInspectorWidget::marksChanged, map_, &WorldMapView::setMarks);
  connect(purge_panel_, &PurgePanelWidget::marksChanged, map_, &WorldMapView::setMarks);

  // No central widget: every view is a dock the user can move, float or hide.
  setCentralWidget(nullptr);
  QDockWidget* mapDock = addDock(map_, tr("World map"), u"mapDock"_s, Qt::LeftDockWidgetArea);
  // The lab controls scroll rather than hold their full height: on a small screen the
  // event log below them keeps its share of the column.
  auto* labScroll = new QScrollArea(this);
  labScroll->setWidget(lab_controls_);
  labScroll->setWidgetResizable(true);
  labScroll->setFrameShape(QFrame::NoFrame);
  labScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);  // only the height gives way
  labScroll->setMinimumWidth(lab_controls_->minimumSizeHint().width() +
                             labScroll->style()->pixelMetric(QStyle::PM_ScrollBarExtent));
  QDockWidget* labDock = addDock(labScroll, tr("Lab controls"), u"labDock"_s, Qt::RightDockWidgetArea);
  QDockWidget* fleetDock = addDock(fleet_table_, tr("Fleet"), u"fleetDock"_s, Qt::LeftDockWidgetArea);
  QDockWidget* eventDock = addDock(event_log_, tr("Event log"), u"eventDock"_s, Qt::RightDockWidgetArea);
  splitDockWidget(mapDock, fleetDock, Qt::Vertical);
  // Below the map, so the map shows what they do (where an object lives, a purge landing).
  // These scroll rather than hold their full size: on a small screen the window still fits it.
  const auto scrolling = [this](QWidget* content) {
    auto* area = new QScrollArea(this);
    area->setWidget(content);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
  };
  QDockWidget* inspectorDock =
      addDock(scrolling(inspector_), tr("Cache inspector"), u"inspectorDock"_s, Qt::LeftDockWidgetArea);
  QDockWidget* purgeDock = addDock(scrolling(purge_panel_), tr("Purge"), u"purgeDock"_s, Qt::LeftDockWidgetArea);
  tabifyDockWidget(fleetDock, inspectorDock);
  tabifyDockWidget(inspectorDock, purgeDock);
  QDockWidget* chartsDock = addDock(charts_, tr("Charts"), u"chartsDock"_s, Qt::LeftDockWidgetArea);
  tabifyDockWidget(purgeDock, chartsDock);
  QDockWidget* tracesDock = addDock(scrolling(traces_), tr("Requests"), u"tracesDock"_s, Qt::LeftDockWidgetArea);
  tabifyDockWidget(chartsDock, tracesDock);
  QDockWidget* whatIfDock = addDock(scrolling(what_if_), tr("What-if"), u"whatIfDock"_s, Qt::LeftDockWidgetArea);
  tabifyDockWidget(tracesDock, whatIfDock);
  // A replay has a map and a table of its own: it takes the live map's place while it is open.
  QDockWidget* replayDock = addDock(scrolling(replay_), tr("Replay"), u"replayDock"_s, Qt::LeftDockWidgetArea);
  tabifyDockWidget(mapDock, replayDock);
  mapDock->raise();
  if (!session->replayPath().isEmpty()) replay_->openDatabase(session->replayPath());
  fleetDock->raise();
  splitDockWidget(labDock, eventDock, Qt::Vertical);

  lab_state_ = new QLabel(this);
  rate_ = new QLabel(this);
  offload_ = new QLabel(this);
  errors_ = new QLabel(this);
  for (QLabel* label : {lab_state_, rate_, offload_, errors_}) statusBar()->addPermanentWidget(label);
  statusBar()->setSizeGripEnabled(true);

  buildMenus();
  connect(session, &ConsoleSession::labChanged, this, &MainWindow::updateStatus);
  connect(session, &ConsoleSession::labChanged, this, &MainWindow::updateOrigin);
  connect(session, &ConsoleSession::samplesArrived, map_, &WorldMapView::addSamples);
  connect(map_, &WorldMapView::nodeContextMenuRequested, this, &MainWindow::showNodeMenu);
  connect(map_, &WorldMapView::originContextMenuRequested, this, &MainWindow::showOriginMenu);
  connect(fleet_table_, &FleetTableWidget::nodeContextMenuRequested, this, &MainWindow::showNodeMenu);
  updateStatus();
  updateOrigin();

  QSettings settings;
  if (restoreLayout && settings.value(u"layout/version"_s).toInt() == kLayoutVersion) {
    restoreGeometry(settings.value(u"layout/geometry"_s).toByteArray());
    layout_restored_ = restoreState(settings.value(u"layout/state"_s).toByteArray(), kLayoutVersion);
  } else {
    resize(1280, 760);
  }
}

MainWindow::~MainWindow() = default;

QDockWidget* MainWindow::addDock(QWidget* content, const QString& title, const QString& objectName,
                                 Qt::DockWidgetArea area) {
  auto* dock = new QDockWidget(title, this);
  dock->setObjectName(objectName);
  dock->setWidget(content);
  dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                    QDockWidget::DockWidgetFloatable);
  addDockWidget(area, dock);
  docks_.append(dock);
  return dock;
}

QMap<QString, QWidget*> MainWindow::views() const {
  return {{u"map"_s, map_},          {u"fleet"_s, fleet_table_},     {u"lab"_s, lab_controls_},
          {u"events"_s, event_log_}, {u"inspector"_s, inspector_}, {u"purge"_s, purge_panel_},
          {u"charts"_s, charts_},   {u"replay"_s, replay_},         {u"whatif"_s, what_if_},
          {u"traces"_s, traces_}};
}

void MainWindow::showView(const QString& name) {
  QWidget* view = views().value(name);
  for (QDockWidget* dock : docks_)
    if (view && dock->isAncestorOf(view)) {
      dock->show();
      dock->raise();
    }
}

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

  QMenu* fleet = menuBar()->addMenu(tr("Fl&eet"));
  fleet->addAction(tr("&Add nodes…"), this, &MainWindow::addNodes);
  fleet->addAction(tr("&Fit map to fleet"), QKeySequence(Qt::CTRL | Qt::Key_0), map_, &WorldMapView::fitToFleet);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  for (QDockWidget* dock : docks_) view->addAction(dock->toggleViewAction());
  view->addSeparator();
  QAction* dark = view->addAction(tr("&Dark palette"));
  dark->setCheckable(true);
  dark->setChecked(UiTheme::savedDark());
  connect(dark, &QAction::toggled, this, [](bool on) {
    UiTheme::saveDark(on);
    UiTheme::apply(on);
  });
  view->addAction(tr("&Reset layout"), this, [this] {
    QSettings().remove(u"layout"_s);
    QMessageBox::information(this, tr("Reset layout"), tr("The default layout is used from the next start."));
  });

  QMenu* language = menuBar()->addMenu(tr("&Language"));
  auto* group = new QActionGroup(language);
  const QString current = UiLanguage::saved();
  for (const auto& choice : UiLanguage::choices()) {
    QAction* action = language->addAction(choice.native_name);
    action->setCheckable(true);
    action->setChecked(choice.code == current);
    group->addAction(action);
    connect(action, &QAction::triggered, this, [this, code = choice.code] { emit languageRequested(code); });
  }
}

void MainWindow::updateOrigin() {
  const LabSummary& lab = session_->labSummary();
  map_->setOrigin(lab.origin, lab.origin_name);
  map_->setOriginHealth(lab.origin_health, lab.origin_reason);
}

void MainWindow::updateStatus() {
  if (!session_) return;
  const LabSummary& lab = session_->labSummary();
  const QLocale locale;
  auto share = [&](double v) { return v < 0 ? u"–"_s : locale.toString(v * 100, 'f', 1) + u" %"_s; };
  lab_state_->setText(lab.connected ? tr("Lab %1: %2").arg(lab.name, lab.state)
                                    : tr("No lab · nodes: %1").arg(session_->fleet().rowCount()));
  rate_->setText(tr("%1 req/s").arg(locale.toString(lab.requests_per_s, 'f', 0)));
  offload_->setText(tr("Offload 10 s %1 · run %2").arg(share(lab.offload_10s), share(lab.offload_run)));
  errors_->setText(tr("%1 errors/s").arg(locale.toString(lab.errors_per_s, 'f', 1)));
}

void MainWindow::addNodes() {
  AddNodesDialog dialog(this);
  if (dialog.exec() != QDialog::Accepted) return;
  for (const auto& node : dialog.nodes()) session_->addNode(node);
  SavedNodes::add(dialog.nodes());
  map_->fitToFleet();
}

void MainWindow::showNodeMenu(const QString& node, const QPoint& globalPosition) {
  QMenu menu(this);
  menu.setTitle(node);
  QAction* title = menu.addAction(node);
  title->setEnabled(false);
  menu.addSeparator();
  const bool lab = session_ && session_->lab();
  auto fault = [&](const QString& label, const QString& action, bool asksDelay = false) {
    QAction* a = menu.addAction(label);
    a->setEnabled(lab);
    connect(a, &QAction::triggered, this, [this, node, action, asksDelay] {
      int ms = 0;
      if (asksDelay) {
        bool ok = false;
        ms = QInputDialog::getInt(this, tr("Link delay"), tr("One-way delay for %1 (ms)").arg(node), 50, 0, 60'000, 10,
                                  &ok);
        if (!ok) return;
      }
      lab_controls_->sendFault(action, node, ms);
    });
  };
  fault(tr("Kill"), u"kill"_s);
  fault(tr("Revive"), u"revive"_s);
  fault(tr("Cut from upstream"), u"cut"_s);
  fault(tr("Restore upstream"), u"restore"_s);
  fault(tr("Set link delay…"), u"link-delay"_s, true);
  if (!lab) menu.addAction(tr("Faults need a lab (remote nodes only)"))->setEnabled(false);
  menu.exec(globalPosition);
}

void MainWindow::showOriginMenu(const QPoint& globalPosition) {
  QMenu menu(this);
  menu.addAction(tr("Make the origin slow…"), this, [this] {
    bool ok = false;
    const int ms =
        QInputDialog::getInt(this, tr("Slow origin"), tr("Extra delay per response (ms)"), 200, 0, 60'000, 50, &ok);
    if (ok) lab_controls_->sendFault(u"origin-slow"_s, QString(), ms);
  });
  menu.addAction(tr("Take the origin down"), this, [this] { lab_controls_->sendFault(u"origin-down"_s, {}, 0); });
  menu.addAction(tr("Bring the origin up"), this, [this] { lab_controls_->sendFault(u"origin-up"_s, {}, 0); });
  menu.exec(globalPosition);
}

void MainWindow::saveLayout() {
  QSettings settings;
  settings.setValue(u"layout/version"_s, kLayoutVersion);
  settings.setValue(u"layout/geometry"_s, saveGeometry());
  settings.setValue(u"layout/state"_s, saveState(kLayoutVersion));
}

void MainWindow::showEvent(QShowEvent* event) {
  QMainWindow::showEvent(event);
  if (layout_restored_ || std::exchange(default_sized_, true)) return;
  // Proportions of the default layout: the map large, lab controls and events at the side.
  // (Before the first show the docks have no size to share out.)
  const QList<QDockWidget*> d = docks_;  // map, lab, fleet, events
  resizeDocks({d[0], d[1]}, {width() * 66 / 100, width() * 34 / 100}, Qt::Horizontal);
  resizeDocks({d[0], d[2]}, {height() * 58 / 100, height() * 42 / 100}, Qt::Vertical);
  resizeDocks({d[1], d[3]}, {height() * 52 / 100, height() * 48 / 100}, Qt::Vertical);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  saveLayout();
  event->accept();
}

}  // namespace edgelab::console
