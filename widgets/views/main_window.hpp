#pragma once
// The console's main window: dock widgets (world map; fleet table, cache
// inspector and purge panel tabbed below it; lab controls, event log) over
// one ConsoleSession, toggled in the View menu, with
// the layout kept in QSettings; a status bar with the lab's state, requests/s,
// origin offload (last 10 s and the run) and errors/s; Fleet -> Add nodes…;
// a Language menu. The window owns no data: it can be rebuilt for a language
// switch while the session keeps polling.
#include <QMainWindow>
#include <QMap>
#include <QPointer>

class QDockWidget;
class QItemSelectionModel;
class QLabel;

namespace edgelab::console {

class CacheInspectorWidget;
class ChartsWidget;
class ConsoleSession;
class EventLogWidget;
class PurgePanelWidget;
class ReplayWidget;
class RequestTraceWidget;
class WhatIfWidget;
class FleetTableWidget;
class LabControlsWidget;
class WorldMapView;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  // `restoreLayout` false: the default layout (screenshots, tests), whatever was saved.
  explicit MainWindow(ConsoleSession* session, bool restoreLayout = true, QWidget* parent = nullptr);
  ~MainWindow() override;

  // The main views by file-friendly name ("map", "fleet", "lab", "events", "inspector",
  // "purge", "charts", "replay", "whatif", "traces"), for --screenshot.
  QMap<QString, QWidget*> views() const;
  // Brings the dock holding a view to the front (tabbed docks share a place).
  void showView(const QString& name);
  CacheInspectorWidget* inspector() const { return inspector_; }
  PurgePanelWidget* purgePanel() const { return purge_panel_; }
  ChartsWidget* charts() const { return charts_; }
  ReplayWidget* replay() const { return replay_; }
  WhatIfWidget* whatIf() const { return what_if_; }
  RequestTraceWidget* traces() const { return traces_; }
  WorldMapView* map() const { return map_; }
  FleetTableWidget* fleetTable() const { return fleet_table_; }
  QItemSelectionModel* selection() const { return selection_; }
  void saveLayout();

 signals:
  void languageRequested(const QString& code);

 protected:
  void closeEvent(QCloseEvent* event) override;
  void showEvent(QShowEvent* event) override;

 private:
  QDockWidget* addDock(QWidget* content, const QString& title, const QString& objectName, Qt::DockWidgetArea area);
  void buildMenus();
  void updateStatus();
  void updateOrigin();
  void addNodes();
  void showNodeMenu(const QString& node, const QPoint& globalPosition);
  void showOriginMenu(const QPoint& globalPosition);

  QPointer<ConsoleSession> session_;
  QItemSelectionModel* selection_;
  WorldMapView* map_;
  FleetTableWidget* fleet_table_;
  LabControlsWidget* lab_controls_;
  EventLogWidget* event_log_;
  CacheInspectorWidget* inspector_;
  PurgePanelWidget* purge_panel_;
  ChartsWidget* charts_;
  ReplayWidget* replay_;
  WhatIfWidget* what_if_;
  RequestTraceWidget* traces_;
  QList<QDockWidget*> docks_;
  QLabel* lab_state_;
  QLabel* rate_;
  QLabel* offload_;
  QLabel* errors_;
  bool layout_restored_ = false;
  bool default_sized_ = false;
};

}  // namespace edgelab::console
