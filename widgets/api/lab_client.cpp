#include "api/lab_client.hpp"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace edgelab::console {

LabClient::LabClient(QUrl apiUrl, QString tokenFile, QNetworkAccessManager* network, Intervals intervals,
                     QObject* parent)
    : QObject(parent), intervals_(intervals), connection_(std::move(apiUrl), std::move(tokenFile), {}, network, this) {
  health_timer_.setInterval(intervals_.health_ms);
  metrics_timer_.setInterval(intervals_.metrics_ms);
  connect(&health_timer_, &QTimer::timeout, this, &LabClient::pollHealth);
  connect(&metrics_timer_, &QTimer::timeout, this, &LabClient::pollMetrics);
}

void LabClient::start() {
  if (running_) return;
  running_ = true;
  fetchTopology([this](const ApiResult& result) {
    if (!result.ok()) return emit pollFailed(u"/lab/v1/topology"_s, result);
    emit topologyReceived(result.body.object());
  });
  fetchTraffic([this](const ApiResult& result) {
    if (!result.ok()) return emit pollFailed(u"/lab/v1/traffic"_s, result);
    emit trafficReceived(result.body.object());
  });
  health_timer_.start();
  metrics_timer_.start();
  pollHealth();
  pollMetrics();
  pollEvents();
  pollSamples();
}

void LabClient::stop() {
  running_ = false;
  health_timer_.stop();
  metrics_timer_.stop();
  connection_.abortAll();
  health_in_flight_ = metrics_in_flight_ = events_in_flight_ = samples_in_flight_ = false;
}

void LabClient::fetchTopology(ApiConnection::Handler handler) {
  connection_.get(u"/lab/v1/topology"_s, intervals_.request_timeout_ms, std::move(handler));
}

void LabClient::fetchTraffic(ApiConnection::Handler handler) {
  connection_.get(u"/lab/v1/traffic"_s, intervals_.request_timeout_ms, std::move(handler));
}

void LabClient::putTraffic(const QJsonObject& settings, ApiConnection::Handler handler) {
  connection_.send("PUT", u"/lab/v1/traffic"_s, settings, intervals_.request_timeout_ms,
                   [this, handler = std::move(handler)](const ApiResult& result) {
                     if (result.ok()) emit trafficReceived(result.body.object());
                     handler(result);
                   });
}

void LabClient::postFault(const QString& action, const QString& node, int ms, ApiConnection::Handler handler) {
  QJsonObject body{{u"action"_s, action}};
  if (!node.isEmpty()) body.insert(u"node"_s, node);
  if (action == u"link-delay"_s || action == u"origin-slow"_s) body.insert(u"ms"_s, ms);
  connection_.send("POST", u"/lab/v1/faults"_s, body, intervals_.request_timeout_ms, std::move(handler));
}

void LabClient::whatIf(double lat, double lon, const QString& city, const QString& url,
                       ApiConnection::Handler handler) {
  QUrlQuery query;
  if (city.isEmpty()) {
    query.addQueryItem(u"lat"_s, QString::number(lat, 'f', 4));
    query.addQueryItem(u"lon"_s, QString::number(lon, 'f', 4));
  } else {
    query.addQueryItem(u"city"_s, city);
  }
  query.addQueryItem(u"url"_s, url);
  connection_.get(u"/lab/v1/whatif?"_s + query.toString(QUrl::FullyEncoded), intervals_.request_timeout_ms,
                  std::move(handler));
}

void LabClient::pollHealth() {
  if (health_in_flight_ || !running_) return;
  health_in_flight_ = true;
  connection_.get(u"/lab/v1/health"_s, intervals_.request_timeout_ms, [this](const ApiResult& result) {
    health_in_flight_ = false;
    if (!result.ok()) return emit pollFailed(u"/lab/v1/health"_s, result);
    emit healthReceived(result.body.object().value(u"nodes"_s).toArray());
  });
}

void LabClient::pollMetrics() {
  if (metrics_in_flight_ || !running_) return;
  metrics_in_flight_ = true;
  connection_.get(u"/lab/v1/metrics?after=%1"_s.arg(metrics_after_s_), intervals_.request_timeout_ms,
                  [this](const ApiResult& result) {
                    metrics_in_flight_ = false;
                    if (!result.ok()) return emit pollFailed(u"/lab/v1/metrics"_s, result);
                    const QJsonObject body = result.body.object();
                    for (const auto& s : body.value(u"seconds"_s).toArray())
                      metrics_after_s_ = std::max(metrics_after_s_, s.toObject().value(u"t"_s).toInteger());
                    emit metricsReceived(body);
                  });
}

void LabClient::pollEvents() {
  if (events_in_flight_ || !running_) return;
  events_in_flight_ = true;
  const QString query = u"/lab/v1/events?after=%1&timeout_ms=%2"_s.arg(events_after_).arg(intervals_.long_poll_ms);
  connection_.get(query, intervals_.long_poll_ms + intervals_.request_timeout_ms, [this](const ApiResult& result) {
    events_in_flight_ = false;
    if (!running_) return;
    if (!result.ok()) {
      emit pollFailed(u"/lab/v1/events"_s, result);
      QTimer::singleShot(intervals_.retry_ms, this, &LabClient::pollEvents);
      return;
    }
    const QJsonObject body = result.body.object();
    const QJsonArray events = body.value(u"events"_s).toArray();
    events_after_ = std::max(events_after_, body.value(u"next"_s).toInteger(events_after_));
    if (!events.isEmpty()) emit eventsReceived(events);
    pollEvents();
  });
}

void LabClient::pollSamples() {
  if (samples_in_flight_ || !running_) return;
  samples_in_flight_ = true;
  const QString query = u"/lab/v1/samples?after=%1&timeout_ms=%2"_s.arg(samples_after_).arg(intervals_.long_poll_ms);
  connection_.get(query, intervals_.long_poll_ms + intervals_.request_timeout_ms, [this](const ApiResult& result) {
    samples_in_flight_ = false;
    if (!running_) return;
    if (!result.ok()) {
      emit pollFailed(u"/lab/v1/samples"_s, result);
      QTimer::singleShot(intervals_.retry_ms, this, &LabClient::pollSamples);
      return;
    }
    const QJsonObject body = result.body.object();
    const QJsonArray samples = body.value(u"samples"_s).toArray();
    samples_after_ = std::max(samples_after_, body.value(u"next"_s).toInteger(samples_after_));
    if (!samples.isEmpty()) emit samplesReceived(samples);
    pollSamples();
  });
}

}  // namespace edgelab::console
