#include "api/admin_client.hpp"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace edgelab::console {

AdminClient::AdminClient(NodeEndpoint endpoint, QNetworkAccessManager* network, Intervals intervals, QObject* parent)
    : QObject(parent),
      endpoint_(std::move(endpoint)),
      intervals_(intervals),
      connection_(endpoint_.admin_url, endpoint_.token_file, endpoint_.ca_file, network, this) {
  stats_timer_.setInterval(intervals_.stats_ms);
  status_timer_.setInterval(intervals_.status_ms);
  events_retry_.setSingleShot(true);
  events_retry_.setInterval(intervals_.retry_ms);
  connect(&stats_timer_, &QTimer::timeout, this, &AdminClient::pollStats);
  connect(&status_timer_, &QTimer::timeout, this, &AdminClient::pollStatus);
  connect(&events_retry_, &QTimer::timeout, this, &AdminClient::pollEvents);
}

void AdminClient::start() {
  if (running_) return;
  running_ = true;
  // Many clients start together: each polls at its own phase of the interval, so a
  // fleet's answers arrive spread over the second rather than in one burst.
  QTimer::singleShot(QRandomGenerator::global()->bounded(intervals_.stats_ms), this, [this] {
    if (running_) stats_timer_.start();
  });
  status_timer_.start();
  pollStatus();
  pollStats();
  pollEvents();
}

void AdminClient::stop() {
  running_ = false;
  stats_timer_.stop();
  status_timer_.stop();
  events_retry_.stop();
  connection_.abortAll();
  stats_in_flight_ = status_in_flight_ = events_in_flight_ = false;
}

void AdminClient::get(const QString& pathAndQuery, ApiConnection::Handler handler) {
  connection_.get(pathAndQuery, intervals_.request_timeout_ms, std::move(handler));
}

void AdminClient::post(const QString& path, const QJsonObject& body, ApiConnection::Handler handler) {
  connection_.send("POST", path, body, intervals_.request_timeout_ms, std::move(handler));
}

void AdminClient::pollStats() {
  if (stats_in_flight_ || !running_) return;
  stats_in_flight_ = true;
  const QString path = u"/admin/v1/stats"_s;
  get(path, [this, path](const ApiResult& result) {
    stats_in_flight_ = false;
    if (!result.ok()) return emit pollFailed(path, result);
    emit statsReceived(result.body.object());
  });
}

void AdminClient::pollStatus() {
  if (status_in_flight_ || !running_) return;
  status_in_flight_ = true;
  const QString path = u"/admin/v1/status"_s;
  get(path, [this, path](const ApiResult& result) {
    status_in_flight_ = false;
    if (!result.ok()) return emit pollFailed(path, result);
    emit statusReceived(result.body.object());
  });
}

void AdminClient::pollEvents() {
  if (events_in_flight_ || !running_) return;
  events_in_flight_ = true;
  const QString path = u"/admin/v1/events"_s;
  const QString query = u"%1?after=%2&timeout_ms=%3"_s.arg(path).arg(events_after_).arg(intervals_.events_wait_ms);
  connection_.get(query, intervals_.events_wait_ms + intervals_.request_timeout_ms,
                  [this, path](const ApiResult& result) {
                    events_in_flight_ = false;
                    if (!running_) return;
                    if (!result.ok()) {
                      emit pollFailed(path, result);
                      events_retry_.start();
                      return;
                    }
                    const QJsonObject body = result.body.object();
                    const QJsonArray events = body.value(u"events"_s).toArray();
                    for (const auto& e : events)
                      events_after_ = std::max(events_after_, e.toObject().value(u"id"_s).toInteger());
                    if (!events.isEmpty()) emit eventsReceived(events);
                    // A node restarted with a fresh bus counts from 1 again.
                    const qint64 last = body.value(u"last_id"_s).toInteger(events_after_);
                    if (last < events_after_) events_after_ = last;
                    pollEvents();
                  });
}

}  // namespace edgelab::console
