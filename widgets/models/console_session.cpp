#include "models/console_session.hpp"

#include "models/event_text.hpp"

#include <QDateTime>
#include <QStandardPaths>

#include <tuple>

using namespace Qt::StringLiterals;

namespace edgelab::console {

ConsoleSession::ConsoleSession(AdminClient::Intervals intervals, QObject* parent)
    : QObject(parent), fleet_(&network_, intervals) {
  connect(&fleet_, &FleetModel::nodeEvent, &events_, &EventLogModel::append);
  // Without a lab, the status bar's rates come from the nodes themselves.
  connect(&fleet_, &FleetModel::figuresChanged, this, [this] {
    if (summary_.connected) return;
    summary_.requests_per_s = fleet_.totalRate();
    summary_.errors_per_s = fleet_.totalErrorRate();
    std::tie(summary_.offload_10s, summary_.offload_run) = fleet_.offload();
    emit labChanged();
  });
}

ConsoleSession::~ConsoleSession() = default;

bool ConsoleSession::addNodesFile(const QString& path, QString* error) {
  auto nodes = NodesFile::load(path, error);
  if (!nodes) return false;
  for (const auto& node : *nodes) addNode(node);
  return true;
}

PurgeCoordinator& ConsoleSession::purges() {
  if (!purges_) {
    const QString path = journal_path_.isEmpty()
                             ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/purges.sqlite"_s
                             : journal_path_;
    purges_ = std::make_unique<PurgeCoordinator>(&fleet_, path);
    purges_->setLabInstance(summary_.instance);
    connect(this, &ConsoleSession::labChanged, purges_.get(), [this] { purges_->setLabInstance(summary_.instance); });
  }
  return *purges_;
}

void ConsoleSession::addNode(const NodeEndpoint& endpoint) { fleet_.addNode(endpoint); }

void ConsoleSession::connectLab(const QUrl& apiUrl, const QString& tokenFile) {
  lab_ = std::make_unique<LabClient>(apiUrl, tokenFile, &network_, LabClient::Intervals{});
  summary_ = {};
  summary_.connected = true;
  summary_.state = tr("connecting");
  connect(lab_.get(), &LabClient::topologyReceived, this, &ConsoleSession::onTopology);
  connect(lab_.get(), &LabClient::healthReceived, this, &ConsoleSession::onHealth);
  connect(lab_.get(), &LabClient::metricsReceived, this, &ConsoleSession::onMetrics);
  connect(lab_.get(), &LabClient::eventsReceived, this, &ConsoleSession::onLabEvents);
  connect(lab_.get(), &LabClient::samplesReceived, this, &ConsoleSession::samplesArrived);
  connect(lab_.get(), &LabClient::samplesReceived, &history_, &TrafficHistory::addSamples);
  connect(lab_.get(), &LabClient::trafficReceived, this, [this](const QJsonObject& traffic) {
    traffic_ = traffic;
    summary_.state = traffic.value(u"running"_s).toBool() ? tr("running") : tr("stopped");
    emit trafficChanged(traffic);
    emit labChanged();
  });
  connect(lab_.get(), &LabClient::pollFailed, this, [this](const QString& path, const ApiResult& result) {
    summary_.state = tr("lab API: %1 %2").arg(path, result.error);
    emit labChanged();
  });
  lab_->start();
  emit labChanged();
}

void ConsoleSession::onTopology(const QJsonObject& topology) {
  summary_.name = topology.value(u"name"_s).toString();
  summary_.instance = topology.value(u"instance"_s).toString();
  const QJsonObject origin = topology.value(u"origin"_s).toObject();
  summary_.origin = std::pair(origin.value(u"lat"_s).toDouble(), origin.value(u"lon"_s).toDouble());
  summary_.origin_name = origin.value(u"name"_s).toString(u"origin"_s);
  for (const auto& value : topology.value(u"nodes"_s).toArray()) {
    const QJsonObject n = value.toObject();
    NodeEndpoint endpoint;
    endpoint.name = n.value(u"name"_s).toString();
    endpoint.role = n.value(u"role"_s).toString(u"edge"_s);
    endpoint.admin_url = QUrl(n.value(u"admin_url"_s).toString());
    endpoint.token_file = n.value(u"token_file"_s).toString();
    if (fleet_.rowOf(endpoint.name) < 0) fleet_.addNode(endpoint);
    fleet_.setPlacement(endpoint.name, n.value(u"lat"_s).toDouble(), n.value(u"lon"_s).toDouble(),
                        n.value(u"upstream"_s).toString(), n.value(u"city"_s).toString());
  }
  for (const auto& value : topology.value(u"links"_s).toArray()) {
    const QJsonObject link = value.toObject();
    fleet_.setLinkCut(link.value(u"from"_s).toString(), link.value(u"cut"_s).toBool());
    uplinks_.insert(link.value(u"from"_s).toString(),
                    QPair(link.value(u"to"_s).toString(), link.value(u"delay_ms"_s).toDouble()));
  }
  emit labChanged();
}

void ConsoleSession::onHealth(const QJsonArray& nodes) {
  for (const auto& value : nodes) {
    const QJsonObject n = value.toObject();
    fleet_.setLabHealth(n.value(u"node"_s).toString(), NodeHealth::fromLabState(n.value(u"state"_s).toString()),
                        n.value(u"reason"_s).toString());
  }
}

void ConsoleSession::onMetrics(const QJsonObject& metrics) {
  history_.addMetrics(metrics);
  const QJsonArray seconds = metrics.value(u"seconds"_s).toArray();
  if (!seconds.isEmpty()) {
    const QJsonObject last = seconds.last().toObject();
    summary_.requests_per_s = last.value(u"requests"_s).toDouble();
    summary_.errors_per_s = last.value(u"errors"_s).toDouble();
  }
  summary_.offload_10s = metrics.value(u"offload_10s"_s).toDouble(-1);
  summary_.offload_run = metrics.value(u"offload_run"_s).toDouble(-1);
  emit labChanged();
}

// A fault shows at once, from its event: the lab's health monitor and the node's
// own polls confirm it a second or two later.
void ConsoleSession::applyFault(const QJsonObject& event) {
  const QString action = event.value(u"action"_s).toString();
  const QString node = event.value(u"node"_s).toString();
  if (action == u"kill"_s || action == u"revive"_s) {
    fleet_.setKilledByLab(node, action == u"kill"_s);
  } else if (action == u"origin-down"_s) {
    summary_.origin_health = Health::down;
    summary_.origin_reason = tr("down (lab fault)");
  } else if (action == u"origin-slow"_s) {
    summary_.origin_health = Health::degraded;
    summary_.origin_reason = tr("slow: +%1 ms per response (lab fault)").arg(event.value(u"ms"_s).toInteger());
  } else if (action == u"origin-up"_s) {
    summary_.origin_health = Health::healthy;
    summary_.origin_reason.clear();
  } else {
    return;
  }
  emit labChanged();
}

void ConsoleSession::onLabEvents(const QJsonArray& events) {
  bool topologyMayHaveChanged = false;
  for (const auto& value : events) {
    const QJsonObject e = value.toObject();
    const QString kind = e.value(u"kind"_s).toString();
    events_.append(e.value(u"time_ms"_s).toInteger(QDateTime::currentMSecsSinceEpoch()),
                   e.value(u"node"_s).toString(u"lab"_s), kind, EventText::labEvent(e));
    if (kind == u"fault"_s) {
      topologyMayHaveChanged = true;
      applyFault(e);
    }
  }
  // Cuts and link delays live in the topology: read it again after a fault.
  if (topologyMayHaveChanged && lab_)
    lab_->fetchTopology([this](const ApiResult& result) {
      if (result.ok()) onTopology(result.body.object());
    });
}

}  // namespace edgelab::console
