#include "models/purge_campaign.hpp"

#include <QJsonArray>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace edgelab::console {

PurgeCampaign::PurgeCampaign(PurgeOrder order, std::vector<PurgeTarget> targets, Options options, QObject* parent)
    : QObject(parent), order_(std::move(order)), targets_(std::move(targets)), options_(options) {
  for (const auto& t : targets_) progress_.push_back({.name = t.name, .role = t.role});
  tasks_.resize(targets_.size());
  for (std::size_t i = 0; i < targets_.size(); ++i)
    if (targets_[i].client)
      connect(targets_[i].client, &QObject::destroyed, this, [this, i] { onClientGone(static_cast<int>(i)); });
  catch_up_.setInterval(options_.catch_up_interval_ms);
  connect(&catch_up_, &QTimer::timeout, this, &PurgeCampaign::retryFailed);
}

double PurgeCampaign::elapsedMs() const { return clock_.isValid() ? clock_.nsecsElapsed() / 1e6 : 0; }

QString PurgeCampaign::stateLabel(NodePurgeProgress::State state) {
  switch (state) {
    case NodePurgeProgress::State::waiting: return tr("waiting");
    case NodePurgeProgress::State::sent: return tr("sent");
    case NodePurgeProgress::State::acknowledged: return tr("acknowledged");
    case NodePurgeProgress::State::verified: return tr("verified evicted");
    case NodePurgeProgress::State::still_cached: return tr("STILL CACHED");
    case NodePurgeProgress::State::failed: return tr("failed");
    case NodePurgeProgress::State::caught_up: return tr("caught up");
  }
  return {};
}

QString PurgeCampaign::kindLabel(const QString& kind) {
  if (kind == u"tag"_s) return tr("tag");
  if (kind == u"url"_s) return tr("URL");
  if (kind == u"prefix"_s) return tr("URL prefix");
  if (kind == u"all"_s) return tr("everything");
  return kind;
}

QString PurgeCampaign::verificationTarget(const PurgeOrder& order, qint64 nodeSeq) {
  // What the purge should have removed: anything it selects stamped before the node's sequence for it.
  QString target = u"/admin/v1/cache?limit=1&before_seq="_s + QString::number(nodeSeq);
  if (order.soft) target += u"&fresh=1"_s;
  if (order.kind != u"all"_s)
    target += u"&"_s + order.kind + u"="_s + QString::fromUtf8(QUrl::toPercentEncoding(order.value));
  return target;
}

void PurgeCampaign::start() {
  clock_.start();
  for (std::size_t i = 0; i < targets_.size(); ++i) {
    const PurgeTarget& t = targets_[i];
    std::vector<JournalEntry> queue;
    queue.push_back({t.fleet_seq, order_.kind, order_.value, order_.soft, 0});
    tasks_[i].queue = std::move(queue);
  }
  startWave(0);
}

void PurgeCampaign::startWave(int wave) {
  wave_ = wave;
  wave_remaining_ = 0;
  std::vector<int> members;
  for (std::size_t i = 0; i < targets_.size(); ++i)
    if ((targets_[i].role == u"shield"_s ? 0 : 1) == wave) members.push_back(static_cast<int>(i));
  wave_remaining_ = static_cast<int>(members.size());
  if (members.empty()) return wave == 0 ? startWave(1) : finishFirstPass();
  for (int i : members) send(i);
}

QJsonObject PurgeCampaign::body(int index, const JournalEntry& entry) const {
  QJsonObject o{{u"kind"_s, entry.kind}, {u"soft"_s, entry.soft}};
  if (entry.kind != u"all"_s) o.insert(u"value"_s, entry.value);
  if (entry.fleet_seq > 0) o.insert(u"fleet_seq"_s, entry.fleet_seq);
  const bool replay = entry.fleet_seq != targets_[static_cast<std::size_t>(index)].fleet_seq;
  o.insert(u"source"_s, replay ? u"console-replay"_s : u"console"_s);
  return o;
}

void PurgeCampaign::send(int index) {
  NodePurgeProgress& node = progress_[static_cast<std::size_t>(index)];
  Task& task = tasks_[static_cast<std::size_t>(index)];
  AdminClient* client = targets_[static_cast<std::size_t>(index)].client;
  ++node.attempts;
  ++task.entry_attempts;
  if (node.sent_ms < 0) node.sent_ms = elapsedMs();
  if (node.state == NodePurgeProgress::State::waiting) node.state = NodePurgeProgress::State::sent;
  emit nodeChanged(index);
  if (!client) return retryOrFail(index, tr("the node was removed from the console"));
  task.waiting = true;
  client->connection().send("POST", u"/admin/v1/purge"_s, body(index, task.queue.front()),
                            options_.request_timeout_ms,
                            [this, guard = QPointer(this), index](const ApiResult& reply) {
                              if (guard) onReply(index, reply);
                            });
}

void PurgeCampaign::onReply(int index, const ApiResult& reply) {
  NodePurgeProgress& node = progress_[static_cast<std::size_t>(index)];
  Task& task = tasks_[static_cast<std::size_t>(index)];
  const PurgeTarget& target = targets_[static_cast<std::size_t>(index)];
  const QJsonObject o = reply.body.object();
  task.waiting = false;
  if (reply.ok()) {
    task.queue.erase(task.queue.begin());
    task.entry_attempts = 0;
    if (!task.queue.empty()) {
      ++node.replayed;
      return send(index);
    }
    if (!o.contains(u"seq"_s)) {
      node.state = NodePurgeProgress::State::failed;
      node.error = tr("acknowledged with an unreadable body");
      return nodeDone(index);
    }
    node.duplicate = o.value(u"status"_s).toString() == u"duplicate"_s;
    // A sequence the node already has, for a different purge: it follows another journal.
    const QString theirKind = o.value(u"kind"_s).toString();
    if (node.duplicate && !o.value(u"value"_s).toString().isEmpty() &&
        (theirKind != order_.kind || (theirKind == u"tag"_s && o.value(u"value"_s).toString() != order_.value))) {
      node.state = NodePurgeProgress::State::failed;
      node.error = tr("the node applied fleet purge %1 from another journal (%2 %3); share the journal with "
                      "--journal")
                       .arg(target.fleet_seq)
                       .arg(theirKind, o.value(u"value"_s).toString());
      return nodeDone(index);
    }
    node.state = NodePurgeProgress::State::acknowledged;
    const double at = elapsedMs();
    if (task.retrying)
      node.caught_up_ms = at;
    else
      node.ack_ms = at;
    node.node_seq = o.value(u"seq"_s).toInteger();
    const QJsonObject invalidated = o.value(u"invalidated"_s).toObject();
    node.l1 = invalidated.value(u"L1"_s).toInteger();
    node.l2 = invalidated.value(u"L2"_s).toInteger();
    emit nodeChanged(index);
    // A repeat the node no longer has a record of comes back with sequence 0: there is no
    // "cached before it" to ask about, and asking with 0 would list everything.
    if (node.node_seq <= 0) {
      node.detail = tr("the node had this purge already and keeps no record of it: not verified");
      if (task.retrying) node.state = NodePurgeProgress::State::caught_up;
      return nodeDone(index);
    }
    return verify(index);
  }
  if (reply.http_status == 409 && o.contains(u"fleet_seq"_s) && task.gaps++ < 2 && target.backlog) {
    // The node missed fleet purges: send it the ones after what it has, in order, then this one.
    const qint64 have = o.value(u"fleet_seq"_s).toInteger();
    const qint64 wanted = task.queue.back().fleet_seq;
    std::vector<JournalEntry> missing;
    for (const auto& entry : *target.backlog)
      if (entry.fleet_seq > have && entry.fleet_seq < wanted) missing.push_back(entry);
    if (static_cast<qint64>(missing.size()) != wanted - have - 1) {
      node.state = NodePurgeProgress::State::failed;
      node.error = tr("the node is at fleet purge %1 and the journal no longer holds all after it").arg(have);
      return nodeDone(index);
    }
    missing.push_back(task.queue.back());
    task.queue = std::move(missing);
    return send(index);
  }
  if (reply.transport_failure || reply.http_status >= 500) return retryOrFail(index, reply.error);
  node.state = NodePurgeProgress::State::failed;  // a 4xx: trying again will not help
  node.error = reply.error;
  nodeDone(index);
}

void PurgeCampaign::retryOrFail(int index, const QString& why) {
  NodePurgeProgress& node = progress_[static_cast<std::size_t>(index)];
  Task& task = tasks_[static_cast<std::size_t>(index)];
  if (task.retrying || task.entry_attempts >= options_.max_attempts) {
    node.state = NodePurgeProgress::State::failed;
    node.error = task.retrying ? why : tr("%1 (after %2 attempts)").arg(why, QString::number(node.attempts));
    return nodeDone(index);
  }
  QTimer::singleShot(options_.backoff_ms * (1 << std::clamp(task.entry_attempts - 1, 0, 10)), this,
                     [this, index] { send(index); });
}

void PurgeCampaign::verify(int index) {
  AdminClient* client = targets_[static_cast<std::size_t>(index)].client;
  if (!client) return nodeDone(index);
  const NodePurgeProgress& node = progress_[static_cast<std::size_t>(index)];
  tasks_[static_cast<std::size_t>(index)].waiting = true;
  client->connection().get(
      verificationTarget(order_, node.node_seq), options_.request_timeout_ms,
      [this, guard = QPointer(this), index](const ApiResult& reply) {
        if (!guard) return;
        NodePurgeProgress& n = progress_[static_cast<std::size_t>(index)];
        tasks_[static_cast<std::size_t>(index)].waiting = false;
        const bool late = tasks_[static_cast<std::size_t>(index)].retrying;
        const QJsonObject tiers = reply.body.object().value(u"tiers"_s).toObject();
        if (!reply.ok() || tiers.isEmpty()) {
          n.detail = tr("verification failed: %1").arg(reply.ok() ? tr("no tiers in the answer") : reply.error);
          n.state = late ? NodePurgeProgress::State::caught_up : NodePurgeProgress::State::acknowledged;
          return nodeDone(index);
        }
        n.state = late ? NodePurgeProgress::State::caught_up : NodePurgeProgress::State::verified;
        n.detail.clear();
        for (auto it = tiers.begin(); it != tiers.end(); ++it) {
          const QJsonArray entries = it.value().toObject().value(u"entries"_s).toArray();
          if (entries.isEmpty()) continue;
          n.state = NodePurgeProgress::State::still_cached;
          n.detail = tr("still in %1: %2").arg(it.key(), entries.first().toObject().value(u"key"_s).toString());
        }
        if (!late) n.verified_ms = elapsedMs();
        nodeDone(index);
      });
}

void PurgeCampaign::nodeDone(int index) {
  Task& task = tasks_[static_cast<std::size_t>(index)];
  emit nodeChanged(index);
  if (task.retrying) {
    task.retrying = false;
    if (progress_[static_cast<std::size_t>(index)].state != NodePurgeProgress::State::failed) {
      task.done = true;
      emit caughtUp(index);
      // Edges purged while their shield still held the objects may have refilled from it.
      if (targets_[static_cast<std::size_t>(index)].role == u"shield"_s) repurgeEdgesBehind(index);
    } else if (!catch_up_.isActive() && elapsedMs() < options_.catch_up_for_ms) {
      catch_up_.start();  // a second chance that failed: keep trying
    }
    return;
  }
  task.done = true;
  if (--wave_remaining_ > 0) return;
  if (wave_ == 0) return startWave(1);
  finishFirstPass();
}

void PurgeCampaign::finishFirstPass() {
  finished_ = true;
  total_ms_ = elapsedMs();
  if (std::any_of(progress_.begin(), progress_.end(),
                  [](const auto& p) { return p.state == NodePurgeProgress::State::failed; }))
    catch_up_.start();
  emit finishedFirstPass();
}

void PurgeCampaign::onClientGone(int index) {
  Task& task = tasks_[static_cast<std::size_t>(index)];
  targets_[static_cast<std::size_t>(index)].client = nullptr;
  if (!task.waiting) return;
  // Its request was dropped unanswered with the node: fail it now instead of waiting forever.
  task.waiting = false;
  NodePurgeProgress& node = progress_[static_cast<std::size_t>(index)];
  node.state = NodePurgeProgress::State::failed;
  node.error = tr("the node was removed from the console");
  nodeDone(index);
}

void PurgeCampaign::repurgeEdgesBehind(int shield) {
  for (std::size_t i = 0; i < targets_.size(); ++i) {
    const PurgeTarget& t = targets_[i];
    if (t.role == u"shield"_s || (!t.upstream.isEmpty() && t.upstream != targets_[static_cast<std::size_t>(shield)].name))
      continue;
    Task& task = tasks_[i];
    if (task.waiting || progress_[i].state == NodePurgeProgress::State::failed) continue;  // caught up on its own
    // A purge of this node alone (outside the fleet sequence, which it has already applied).
    task.retrying = true;
    task.gaps = 0;
    task.entry_attempts = 0;
    task.queue = {{0, order_.kind, order_.value, order_.soft, 0}};
    progress_[i].detail = tr("purged again after its shield caught up");
    send(static_cast<int>(i));
  }
}

void PurgeCampaign::retryFailed() {
  bool waiting = false;
  for (std::size_t i = 0; i < progress_.size(); ++i) {
    if (progress_[i].state != NodePurgeProgress::State::failed) continue;
    waiting = true;
    Task& task = tasks_[i];
    if (task.retrying) continue;  // its last try is still on its way
    task.retrying = true;
    task.gaps = 0;
    task.entry_attempts = 0;
    task.queue = {{targets_[i].fleet_seq, order_.kind, order_.value, order_.soft, 0}};
    send(static_cast<int>(i));
  }
  if (!waiting || elapsedMs() > options_.catch_up_for_ms) catch_up_.stop();
}

}  // namespace edgelab::console
