#pragma once
// One sampled request's way through the tiers: the user, the PoP, the
// shield, the origin, as far as it went (the tier that served it says where
// it stopped); the simulated round trip of each leg (the lab's link delays);
// what each cache said about it in Cache-Status, decoded; and the rest of the
// latency (the nodes' own work, connection set-up, the origin's time) on the
// hop that answered.
#include "models/cache_status.hpp"

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>

#include <vector>

namespace edgelab::console {

class RequestTraceModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { HopColumn, RoleColumn, LegColumn, SpentColumn, CacheStatusColumn, ColumnCount };
  struct Hop {
    QString name, role;
    double leg_ms = -1;    // round trip of the link to the next hop; -1: not taken
    double spent_ms = -1;  // the rest of the latency, on the hop that answered
    QString cache_status;  // decoded; empty when this hop sent no member
  };

  explicit RequestTraceModel(QObject* parent = nullptr);
  // `uplinks`: node -> (upstream, one-way delay ms), from the lab's topology.
  void trace(const QJsonObject& sample, const QHash<QString, QPair<QString, double>>& uplinks);
  const std::vector<Hop>& hops() const { return hops_; }
  double totalMs() const { return total_ms_; }
  double networkMs() const { return network_ms_; }
  const QList<CacheStatusMember>& members() const { return members_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  std::vector<Hop> hops_;
  QList<CacheStatusMember> members_;
  double total_ms_ = 0, network_ms_ = 0;
};

}  // namespace edgelab::console
