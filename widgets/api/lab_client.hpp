#pragma once
// The console's client of a lab's control API (docs: README "Lab control API",
// the contract in briefs/lab_api_contract.md): topology, traffic settings,
// faults, health, per-second metrics, and two long-polls (events, sampled
// requests). Built like AdminClient: one ApiConnection, polls never pile up,
// answers as signals on the GUI thread. The same class talks to the
// in-process lab (over loopback) and to `edgelabd lab --serve` elsewhere.
#include "api/api_connection.hpp"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

namespace edgelab::console {

class LabClient : public QObject {
  Q_OBJECT
 public:
  struct Intervals {
    int health_ms = 1000;
    int metrics_ms = 1000;
    int request_timeout_ms = 3000;
    int long_poll_ms = 10000;  // timeout_ms of events and samples (the contract allows up to 30000)
    int retry_ms = 2000;
  };

  LabClient(QUrl apiUrl, QString tokenFile, QNetworkAccessManager* network, Intervals intervals,
            QObject* parent = nullptr);

  ApiConnection& connection() { return connection_; }

  // Fetches the topology, then polls health and metrics and long-polls events and samples.
  void start();
  void stop();

  void fetchTopology(ApiConnection::Handler handler);
  void fetchTraffic(ApiConnection::Handler handler);
  // Any subset of running, rps, mix, objects, zipf, seed.
  void putTraffic(const QJsonObject& settings, ApiConnection::Handler handler);
  // action: kill|revive|cut|restore|link-delay|origin-slow|origin-down|origin-up.
  void postFault(const QString& action, const QString& node, int ms, ApiConnection::Handler handler);
  // What if a user at (lat, lon), or in `city` when given, asked for `url`: /lab/v1/whatif.
  void whatIf(double lat, double lon, const QString& city, const QString& url, ApiConnection::Handler handler);

 signals:
  void topologyReceived(const QJsonObject& topology);
  void trafficReceived(const QJsonObject& traffic);
  void healthReceived(const QJsonArray& nodes);
  void metricsReceived(const QJsonObject& metrics);
  void eventsReceived(const QJsonArray& events);
  void samplesReceived(const QJsonArray& samples);
  void pollFailed(const QString& path, const ApiResult& result);

 private:
  void pollHealth();
  void pollMetrics();
  void pollEvents();
  void pollSamples();

  Intervals intervals_;
  ApiConnection connection_;
  QTimer health_timer_;
  QTimer metrics_timer_;
  bool running_ = false;
  bool health_in_flight_ = false;
  bool metrics_in_flight_ = false;
  bool events_in_flight_ = false;
  bool samples_in_flight_ = false;
  qint64 events_after_ = 0;
  qint64 samples_after_ = 0;
  qint64 metrics_after_s_ = 0;
};

}  // namespace edgelab::console
