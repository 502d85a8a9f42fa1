#pragma once
// What the console is connected to, independent of any window: the network
// access manager, the fleet and event models, and the lab client when a lab
// is connected. The main window is a view over it (and can be rebuilt, for a
// language switch, without losing a second of data).
#include "api/lab_client.hpp"
#include "api/node_endpoint.hpp"
#include "models/event_log_model.hpp"
#include "models/fleet_model.hpp"
#include "models/purge_coordinator.hpp"
#include "models/traffic_history.hpp"

#include <QNetworkAccessManager>

#include <memory>
#include <optional>

namespace edgelab::console {

struct LabSummary {
  bool connected = false;
  QString name;   // topology name
  QString instance;  // unique to this start of the lab (a restarted lab is another fleet)
  QString state;  // "running", "stopped", or why it cannot be reached
  double requests_per_s = 0, errors_per_s = 0;
  double offload_10s = -1, offload_run = -1;
  std::optional<std::pair<double, double>> origin;  // lat, lon
  QString origin_name;
  Health origin_health = Health::healthy;  // from the lab's origin faults
  QString origin_reason;
};

class ConsoleSession : public QObject {
  Q_OBJECT
 public:
  explicit ConsoleSession(AdminClient::Intervals intervals = {}, QObject* parent = nullptr);
  ~ConsoleSession() override;

  FleetModel& fleet() { return fleet_; }
  EventLogModel& events() { return events_; }
  TrafficHistory& history() { return history_; }
  LabClient* lab() { return lab_.get(); }
  const LabSummary& labSummary() const { return summary_; }
  const QJsonObject& traffic() const { return traffic_; }
  // From the lab's topology: each node's upstream and the one-way delay (ms) of the link to it.
  QHash<QString, QPair<QString, double>> uplinks() const { return uplinks_; }

  bool addNodesFile(const QString& path, QString* error);
  void addNode(const NodeEndpoint& endpoint);
  void connectLab(const QUrl& apiUrl, const QString& tokenFile);
  // The purge controller; its journal is `journalPath`, or purges.sqlite in the app's data
  // directory. Set the path before the first call to purges().
  void setPurgeJournal(const QString& journalPath) { journal_path_ = journalPath; }
  PurgeCoordinator& purges();
  // The run database the Replay view shows (kept here so a rebuilt window opens it again).
  void setReplayPath(const QString& path) { replay_path_ = path; }
  QString replayPath() const { return replay_path_; }

 signals:
  void labChanged();
  void trafficChanged(const QJsonObject& traffic);
  void samplesArrived(const QJsonArray& samples);

 private:
  void onTopology(const QJsonObject& topology);
  void onHealth(const QJsonArray& nodes);
  void onMetrics(const QJsonObject& metrics);
  void onLabEvents(const QJsonArray& events);
  void applyFault(const QJsonObject& event);

  QNetworkAccessManager network_;
  FleetModel fleet_;
  EventLogModel events_;
  TrafficHistory history_;
  std::unique_ptr<LabClient> lab_;
  LabSummary summary_;
  QJsonObject traffic_;
  QString journal_path_;
  QString replay_path_;
  QHash<QString, QPair<QString, double>> uplinks_;
  std::unique_ptr<PurgeCoordinator> purges_;
};

}  // namespace edgelab::console
