#include "models/run_replay.hpp"

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {
bool isShield(const QString& node) { return node.startsWith(u"shield-"_s); }
// The run keeps the origin's own seconds too (its requests are the fetches that reached it).
bool isOrigin(const QString& node) { return node == u"origin"_s; }
}  // namespace

RunReplay::RunReplay(QObject* parent) : QObject(parent), fleet_(nullptr) {
  connect(&timer_, &QTimer::timeout, this, &RunReplay::step);
  setSpeed(1);
}

void RunReplay::load(std::shared_ptr<const RunData> run) {
  pause();
  run_ = std::move(run);
  fleet_.clear();
  history_.clear();
  position_ = 0;
  if (run_) {
    for (auto it = run_->seconds.begin(); it != run_->seconds.end(); ++it)
      if (!isOrigin(it.key())) fleet_.addReplayNode(it.key(), isShield(it.key()) ? u"shield"_s : u"edge"_s);
    // The report has every request's latency by the tier that served it.
    const QJsonObject tiers = run_->summary.report.value(u"tiers"_s).toObject();
    const QString names[] = {u"l1_hit"_s, u"l2_hit"_s, u"shield_hit"_s, u"origin"_s};
    std::array<double, kTierCount> means{-1, -1, -1, -1}, counts{};
    for (int tier = 0; tier < kTierCount; ++tier) {
      const QJsonObject t = tiers.value(names[tier]).toObject();
      counts[tier] = t.value(u"count"_s).toDouble();
      if (counts[tier] > 0) means[tier] = t.value(u"mean_ms"_s).toDouble(-1);
    }
    history_.setTierMeans(means, counts);
  }
  emit loaded();
  // The whole run at once; Play starts it again from the beginning.
  setPosition(run_ ? run_->duration_s : 0);
}

TrafficSecond RunReplay::labSecond(const RunData& run, int second) {
  TrafficSecond s;
  s.t = run.summary.started_ms / 1000 + second;
  double weighted50 = 0, weighted99 = 0, fetches = 0;
  bool originRow = false;
  for (auto it = run.seconds.begin(); it != run.seconds.end(); ++it) {
    const auto& rows = it.value();
    // Seconds are stored in order from 1, one per node and second.
    const int at = second - 1;
    if (at < 0 || at >= rows.size() || rows[at].second != second) continue;
    const NodeSecondRow& r = rows[at];
    if (isOrigin(it.key())) {
      originRow = true;
      s.origin = r.requests;
      continue;
    }
    fetches += r.origin;
    if (isShield(it.key())) {
      s.served[kTierShield] += r.l1_hits + r.l2_hits;
      continue;
    }
    // The users' requests are the PoPs' requests.
    s.requests += r.requests;
    s.errors += r.errors;
    s.served[kTierL1] += r.l1_hits;
    s.served[kTierL2] += r.l2_hits;
    weighted50 += r.p50_ms * r.requests;
    weighted99 += r.p99_ms * r.requests;
  }
  if (!originRow) s.origin = fetches;  // an older run without the origin's row
  s.served[kTierOrigin] = s.origin;
  // The run keeps each node's percentiles, not every request: the PoPs' request-weighted mean.
  if (s.requests > 0) {
    s.p50_ms = weighted50 / s.requests;
    s.p99_ms = weighted99 / s.requests;
  }
  return s;
}

bool RunReplay::killedAt(const QString& node, qint64 atMs) const {
  bool killed = false;
  for (const auto& e : run_->events) {
    if (e.at_ms > atMs) break;
    if (e.target != node) continue;
    if (e.what == u"kill"_s) killed = true;
    if (e.what == u"revive"_s) killed = false;
  }
  return killed;
}

void RunReplay::applyNodes(int second) {
  const qint64 atMs = run_->summary.started_ms + qint64(second) * 1000;
  for (auto it = run_->seconds.begin(); it != run_->seconds.end(); ++it) {
    if (isOrigin(it.key())) continue;
    FleetModel::ReplayFigures f;
    const int at = second - 1;
    if (at >= 0 && at < it.value().size() && it.value()[at].second == second) {
      const NodeSecondRow& r = it.value()[at];
      f = {r.requests, r.l1_hits, r.l2_hits, r.errors, r.bytes_out, r.upstream, r.p50_ms, r.p99_ms};
    }
    fleet_.applyReplaySecond(it.key(), f, killedAt(it.key(), atMs));
  }
}

void RunReplay::setPosition(int second) {
  if (!run_) return;
  second = std::clamp(second, 0, run_->duration_s);
  if (second == position_ && second != 0) return;
  if (second != position_ + 1) {
    // A jump: the charts' history and the sparklines are rebuilt up to the new second.
    history_.clear();
    fleet_.clearReplayHistory();
    for (int s = std::max(1, second - TrafficHistory::kCapacitySeconds + 1); s <= second; ++s)
      history_.addSecond(labSecond(*run_, s));
    for (int s = std::max(1, second - 59); s < second; ++s) applyNodes(s);
  } else {
    history_.addSecond(labSecond(*run_, second));
  }
  position_ = second;
  if (second > 0) applyNodes(second);
  history_.commit();
  emit positionChanged(second);
  if (second >= run_->duration_s) pause();
}

void RunReplay::step() { setPosition(position_ + 1); }

void RunReplay::play() {
  if (!run_) return;
  if (position_ >= run_->duration_s) setPosition(0);
  timer_.start();
}

void RunReplay::pause() { timer_.stop(); }

void RunReplay::setSpeed(double factor) {
  speed_ = std::clamp(factor, 0.25, 64.0);
  timer_.setInterval(static_cast<int>(1000 / speed_));
}

}  // namespace edgelab::console
