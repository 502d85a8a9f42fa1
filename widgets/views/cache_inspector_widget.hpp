#pragma once
// The cache-tier inspector: the selected node's tiers (occupancy, hit ratios,
// its tier chain), its cached objects page by page with filters and sorting,
// the selected object's stored variants and headers, where that object lives
// across the fleet (also drawn on the map), and the fleet's heat grid of hit
// ratios per node and tier.
#include "map/map_marks.hpp"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QItemSelectionModel;
class QLabel;
class QLineEdit;
class QTableView;
class QTabWidget;
class QTreeView;

namespace edgelab::console {

class CacheObjectModel;
class FleetModel;
class ObjectDetailModel;
class ObjectLocationsModel;
class TierChainWidget;
class TierHeatModel;

class CacheInspectorWidget : public QWidget {
  Q_OBJECT
 public:
  CacheInspectorWidget(FleetModel* fleet, QItemSelectionModel* selection, QWidget* parent = nullptr);

  QString nodeName() const { return node_; }
  CacheObjectModel* objects() const { return objects_; }
  ObjectLocationsModel* locations() const { return locations_; }
  ObjectDetailModel* detail() const { return detail_; }
  QTableView* objectTable() const { return object_table_; }
  TierChainWidget* chain() const { return chain_; }
  // Shows `url` (as listed: "host/path") in the object panes, as if its row had been picked.
  void inspectObject(const QString& url);

 signals:
  // For the map: rings on the nodes that hold the inspected object.
  void marksChanged(const QString& set, const QHash<QString, MapMark>& marks);

 private:
  void followSelection();
  void refreshFigures();
  void applyFilter();
  void updateCount();
  void publishMarks();
  QWidget* buildObjectsPane();
  QWidget* buildHeatGrid();

  QPointer<FleetModel> fleet_;
  QPointer<QItemSelectionModel> selection_;
  QString node_;
  QLabel* title_;
  TierChainWidget* chain_;
  CacheObjectModel* objects_;
  ObjectDetailModel* detail_;
  ObjectLocationsModel* locations_;
  TierHeatModel* heat_;
  QComboBox* tier_;
  QComboBox* kind_;
  QLineEdit* value_;
  QCheckBox* stale_;
  QLabel* count_;
  QLabel* object_title_;
  QLabel* locations_summary_;
  QTableView* object_table_;
  QTreeView* detail_view_;
  QTableView* locations_view_;
  QTabWidget* tabs_;
};

}  // namespace edgelab::console
