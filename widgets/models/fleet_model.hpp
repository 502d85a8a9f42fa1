#pragma once
// The fleet as a table, one row per node, fed by one AdminClient per node
// (status, stats, events) and, when a lab is connected, by the lab's health
// monitor and topology. Rates and ratios come from the difference of two
// stats answers; the last minute of req/s is kept for the sparkline. The map
// reads the same rows through the roles below (coordinates, rate, health).
#include "api/admin_client.hpp"
#include "models/node_health.hpp"
#include "models/tier_figures.hpp"

#include <QAbstractTableModel>
#include <QTimer>

#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace edgelab::console {

class FleetModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column {
    NameColumn,
    RoleColumn,
    CityColumn,
    HealthColumn,
    RateColumn,
    HitL1Column,
    HitL2Column,
    P50Column,
    P99Column,
    L1FillColumn,
    L2FillColumn,
    ErrorsColumn,
    PurgeSeqColumn,
    VersionColumn,
    ColumnCount
  };
  enum DataRole {
    SortRole = Qt::UserRole + 1,  // a number where the column is one
    SparklineRole,                // QList<double>: req/s, oldest first, up to 60 s
    HealthRole,                   // int(Health)
    NodeRoleRole,                 // "edge" or "shield"
    HasLocationRole,
    LatitudeRole,
    LongitudeRole,
    RateRole,            // req/s over the last second
    BytesPerSecondRole,  // body bytes out per second
    UpstreamRole,        // the upstream node's name, "origin", or empty when unknown
    LinkCutRole,         // bool: the lab cut this node from its upstream
    NameRole,
  };

  explicit FleetModel(QNetworkAccessManager* network, AdminClient::Intervals intervals = {}, QObject* parent = nullptr);
  ~FleetModel() override;

  // QAbstractItemModel
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  // Adds a node and starts polling it; a node of the same name is replaced.
  void addNode(const NodeEndpoint& endpoint);
  void clear();
  int rowOf(const QString& name) const;
  QString nameAt(int row) const;
  AdminClient* clientAt(int row) const;
  TierFigures tierFigures(int row) const;

  // From the lab: where a node is, what it forwards to, its health monitor's verdict.
  void setPlacement(const QString& name, double lat, double lon, const QString& upstream, const QString& city);
  void setLinkCut(const QString& name, bool cut);
  void setLabHealth(const QString& name, Health health, const QString& reason);
  // A kill fault the lab reported: down at once, until its revive.
  void setKilledByLab(const QString& name, bool killed);

  // Replay: a node with no admin API behind it, its figures set second by second from a
  // stored run (fleet_model_replay.cpp).
  struct ReplayFigures {
    double requests = 0, l1_hits = 0, l2_hits = 0, errors = 0, bytes_out = 0, upstream = 0;
    double p50_ms = -1, p99_ms = -1;
  };
  void addReplayNode(const QString& name, const QString& role);
  void applyReplaySecond(const QString& name, const ReplayFigures& figures, bool killed);
  void clearReplayHistory();  // the sparklines start again (after a jump of the scrubber)

  double totalRate() const;
  double totalErrorRate() const;
  // Origin offload (1 - origin fetches / client requests) from the nodes' own counters, for a
  // fleet without a lab: origin fetches are the shields' upstream requests (the edges' when
  // there is no shield). Over the last 10 s and since the console first saw each node; -1 unknown.
  std::pair<double, double> offload() const;

 signals:
  // Node events, health changes included: time (unix ms), node, kind, message.
  void nodeEvent(qint64 timeMs, const QString& node, const QString& kind, const QString& message);
  // Once per batch of stats answers (at most a few times a second): the map repaints on it.
  void figuresChanged();

 private:
  struct Counters {
    qint64 at_ms = 0;
    double requests = 0, l1_hits = 0, l2_hits = 0, errors = 0, bytes_out = 0, upstream = 0;
    double l1_evictions = 0, l2_evictions = 0;
  };
  struct Row {
    NodeEndpoint endpoint;
    AdminClient* client = nullptr;
    QString region, city, version, upstream;
    std::optional<std::pair<double, double>> lat_lon;
    bool placed_by_lab = false;
    bool link_cut = false;
    Health health = Health::connecting;
    QString reason;                  // why, when not healthy
    qint64 failing_since_ms = 0;     // first failed poll of the current outage
    QString failure;                 // "/admin/v1/stats connection refused"
    QString failure_error;           // "connection refused"
    bool failure_transport = false;  // no HTTP answer at all (refused, timed out, closed)
    std::optional<Health> lab_health;
    QString lab_reason;
    bool killed_by_lab = false;
    bool ever_answered = false;
    std::deque<Counters> window;    // the last minute of stats answers
    std::optional<Counters> first;  // the first answer since the console (or the node) started
    std::deque<double> sparkline;   // req/s per answer
    double rate = 0, bytes_rate = 0, error_rate = 0;
    double hit_l1 = -1, hit_l2 = -1, p50_ms = -1, p99_ms = -1, l1_fill = -1, l2_fill = -1;
    double l2_max_bytes = 0;
    TierOccupancy l1, l2;
    double upstream_rate = 0;
    qint64 errors = 0, purge_seq = -1;
  };

  void onStatus(Row& row, const QJsonObject& status);
  void onStats(Row& row, const QJsonObject& stats);
  void onFailure(Row& row, const QString& path, const ApiResult& result);
  void onEvents(Row& row, const QJsonArray& events);
  void judge(Row& row);
  void rowChanged(const Row& row, int firstColumn = 0, int lastColumn = ColumnCount - 1);
  int rowOf(const Row& row) const;
  QVariant display(const Row& row, int column) const;
  QVariant sortValue(const Row& row, int column) const;
  QString healthText(const Row& row) const;

  QNetworkAccessManager* network_;
  AdminClient::Intervals intervals_;
  std::vector<std::unique_ptr<Row>> rows_;
  QTimer tick_;  // refreshes "N s ago" and batches figuresChanged
  bool figures_dirty_ = false;
  int ticks_ = 0;
};

}  // namespace edgelab::console
