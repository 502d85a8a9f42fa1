#pragma once
// Where one URL lives across the fleet right now: every node is asked
// (/admin/v1/cache/object) at once, and each row fills in as its answer comes:
// the tiers holding it, fresh or stale, age and TTL, or why it could not say.
#include "models/fleet_model.hpp"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

#include <vector>

namespace edgelab::console {

enum class Placement { asking, fresh, stale, absent, error };

class ObjectLocationsModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { NodeColumn, RoleColumn, CityColumn, TiersColumn, StateColumn, AgeColumn, TtlColumn, ColumnCount };
  enum DataRole { PlacementRole = Qt::UserRole + 1 };

  explicit ObjectLocationsModel(FleetModel* fleet, QObject* parent = nullptr);

  // Asks every node of the fleet for `url`; an empty URL clears.
  void locate(const QString& url);
  QString url() const { return url_; }
  int answered() const { return answered_; }
  // Node name -> placement, for the map.
  QHash<QString, Placement> placements() const;
  QStringList tiersOf(const QString& node) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  static QString placementLabel(Placement placement);
  static QColor placementColour(Placement placement);

 signals:
  // Every node has answered (or failed).
  void located();
  void placementsChanged();

 private:
  struct Row {
    QString node, role, city;
    Placement placement = Placement::asking;
    QStringList tiers;
    double age_s = -1, ttl_s = 0;
    QString error;
  };
  void onAnswer(int generation, int row, const ApiResult& result);

  QPointer<FleetModel> fleet_;
  QString url_;
  std::vector<Row> rows_;
  int generation_ = 0;
  int answered_ = 0;
};

}  // namespace edgelab::console
