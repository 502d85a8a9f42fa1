#pragma once
// Everything the console asks of one node goes through here: its admin API
// (status every few seconds, stats every second, events by long-poll), over one
// ApiConnection. Polls never pile up: a poll is skipped while the last one is
// in flight. Answers arrive as signals on the GUI thread.
#include "api/api_connection.hpp"
#include "api/node_endpoint.hpp"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

namespace edgelab::console {

class AdminClient : public QObject {
  Q_OBJECT
 public:
  struct Intervals {
    int stats_ms = 1000;
    int status_ms = 5000;
    int request_timeout_ms = 3000;
    int events_wait_ms = 25000;  // the long-poll's timeout_ms; the transfer timeout adds request_timeout_ms
    int retry_ms = 2000;         // after a failed long-poll
  };

  AdminClient(NodeEndpoint endpoint, QNetworkAccessManager* network, Intervals intervals, QObject* parent = nullptr);

  const NodeEndpoint& endpoint() const { return endpoint_; }
  ApiConnection& connection() { return connection_; }

  void start();
  void stop();

  // One-off calls (the cache views of the next issue use these).
  void get(const QString& pathAndQuery, ApiConnection::Handler handler);
  void post(const QString& path, const QJsonObject& body, ApiConnection::Handler handler);

 signals:
  void statusReceived(const QJsonObject& status);
  void statsReceived(const QJsonObject& stats);
  // Each event as the node sent it: {"id","at_ms","type","data"}.
  void eventsReceived(const QJsonArray& events);
  // A poll failed; `path` is the endpoint asked ("/admin/v1/stats").
  void pollFailed(const QString& path, const ApiResult& result);

 private:
  void pollStats();
  void pollStatus();
  void pollEvents();

  NodeEndpoint endpoint_;
  Intervals intervals_;
  ApiConnection connection_;
  QTimer stats_timer_;
  QTimer status_timer_;
  QTimer events_retry_;
  bool running_ = false;
  bool stats_in_flight_ = false;
  bool status_in_flight_ = false;
  bool events_in_flight_ = false;
  qint64 events_after_ = 0;
};

}  // namespace edgelab::console
