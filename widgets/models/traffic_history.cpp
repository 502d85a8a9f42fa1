#include "models/traffic_history.hpp"

#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {

double percentile(QVector<double> values, double q) {
  if (values.isEmpty()) return -1;
  std::sort(values.begin(), values.end());
  const auto at = static_cast<qsizetype>(std::ceil(q * values.size())) - 1;
  return values[std::clamp<qsizetype>(at, 0, values.size() - 1)];
}

// The lab's lists, bounded: a histogram has a few dozen buckets, not what an answer may claim.
constexpr qsizetype kMaxBuckets = 65;

QVector<double> numbers(const QJsonArray& array) {
  QVector<double> out;
  out.reserve(std::min(array.size(), kMaxBuckets));
  for (const auto& v : array) {
    if (out.size() == kMaxBuckets) break;
    out.append(v.toDouble());
  }
  return out;
}

}  // namespace

double TrafficSecond::hitRatio() const {
  double total = 0;
  for (double v : served) total += v;
  return total > 0 ? (served[kTierL1] + served[kTierL2]) / total : -1;
}

TrafficHistory::TrafficHistory(QObject* parent) : QObject(parent) {}

QString TrafficHistory::tierName(int tier) {
  static const QString names[] = {u"L1"_s, u"L2"_s, u"shield"_s, u"origin"_s};
  return tier >= 0 && tier < kTierCount ? names[tier] : QString();
}

QString TrafficHistory::tierLabel(int tier) {
  switch (tier) {
    case kTierShield: return tr("shield");
    case kTierOrigin: return tr("origin");
    default: return tierName(tier);
  }
}

void TrafficHistory::clear() {
  // The tier means stay: a replay's come from its report, not from its seconds.
  seconds_.clear();
  pops_.clear();
  open_.clear();
  continent_names_.clear();
  emit changed();
}

void TrafficHistory::addSecond(TrafficSecond second) {
  if (!seconds_.empty() && second.t <= seconds_.back().t) return;
  for (auto it = second.continents.begin(); it != second.continents.end(); ++it) continent_names_.insert(it.key());
  seconds_.push_back(std::move(second));
  while (seconds_.size() > kCapacitySeconds) seconds_.pop_front();
}

void TrafficHistory::addMetrics(const QJsonObject& metrics) {
  if (metrics.contains(u"histogram_bounds_ms"_s)) bounds_ = numbers(metrics.value(u"histogram_bounds_ms"_s).toArray());
  const QJsonObject means = metrics.value(u"tier_mean_ms"_s).toObject();
  const QJsonObject counts = metrics.value(u"tier_requests"_s).toObject();
  if (!means.isEmpty())
    for (int tier = 0; tier < kTierCount; ++tier) {
      tier_mean_ms_[tier] = means.value(tierName(tier)).toDouble(-1);
      tier_requests_[tier] = counts.value(tierName(tier)).toDouble();
    }
  for (const auto& value : metrics.value(u"seconds"_s).toArray()) {
    const QJsonObject s = value.toObject();
    TrafficSecond second;
    second.t = s.value(u"t"_s).toInteger();
    second.requests = s.value(u"requests"_s).toDouble();
    second.errors = s.value(u"errors"_s).toDouble();
    second.origin = s.value(u"origin_requests"_s).toDouble();
    const QJsonObject tiers = s.value(u"tiers"_s).toObject();
    const QJsonObject latency = s.value(u"tier_latency"_s).toObject();
    for (int tier = 0; tier < kTierCount; ++tier) {
      second.served[tier] = tiers.value(tierName(tier)).toDouble();
      const QJsonObject l = latency.value(tierName(tier)).toObject();
      if (l.value(u"count"_s).toDouble() > 0) {
        second.tier_p50[tier] = l.value(u"p50_ms"_s).toDouble(-1);
        second.tier_p99[tier] = l.value(u"p99_ms"_s).toDouble(-1);
      }
    }
    if (second.requests > 0) {
      second.p50_ms = s.value(u"p50_ms"_s).toDouble(-1);
      second.p99_ms = s.value(u"p99_ms"_s).toDouble(-1);
    }
    const QJsonObject continents = s.value(u"continents"_s).toObject();
    for (auto it = continents.begin(); it != continents.end(); ++it) second.continents.insert(it.key(), it->toDouble());
    const QJsonObject histogram = s.value(u"histogram"_s).toObject();
    second.hist_hit = numbers(histogram.value(u"hit"_s).toArray());
    second.hist_miss = numbers(histogram.value(u"miss"_s).toArray());
    addSecond(std::move(second));
  }
  emit changed();
}

void TrafficHistory::addSamples(const QJsonArray& samples) {
  qint64 newest = 0;
  for (const auto& value : samples) {
    const QJsonObject s = value.toObject();
    const QString pop = s.value(u"pop"_s).toString();
    if (pop.isEmpty()) continue;
    const qint64 t = s.value(u"time_ms"_s).toInteger() / 1000;
    newest = std::max(newest, t);
    const double ms = s.contains(u"latency_ms"_s) ? s.value(u"latency_ms"_s).toDouble()
                                                  : s.value(u"latency_us"_s).toDouble() / 1000.0;
    OpenPopSecond& open = open_[pop];
    if (open.t != t) {
      if (open.t != 0 && !open.latencies.isEmpty()) {
        auto& kept = pops_[pop];
        if (kept.empty() || kept.back().t < open.t)
          kept.push_back({open.t, percentile(open.latencies, 0.5), percentile(open.latencies, 0.99),
                          static_cast<int>(open.latencies.size())});
        while (kept.size() > kCapacitySeconds) kept.pop_front();
      }
      open = {t, {}};
    }
    open.latencies.append(ms);
  }
  if (newest) closePopSeconds(newest);
}

void TrafficHistory::closePopSeconds(qint64 beforeT) {
  // A PoP that got no sample this second still closes the ones before it.
  for (auto it = open_.begin(); it != open_.end(); ++it) {
    OpenPopSecond& open = it.value();
    if (open.t == 0 || open.t >= beforeT || open.latencies.isEmpty()) continue;
    auto& kept = pops_[it.key()];
    if (kept.empty() || kept.back().t < open.t)
      kept.push_back({open.t, percentile(open.latencies, 0.5), percentile(open.latencies, 0.99),
                      static_cast<int>(open.latencies.size())});
    while (kept.size() > kCapacitySeconds) kept.pop_front();
    open = {};
  }
}

const std::deque<PopSecond>& TrafficHistory::popSeconds(const QString& pop) const {
  static const std::deque<PopSecond> none;
  auto it = pops_.constFind(pop);
  return it == pops_.constEnd() ? none : *it;
}

QStringList TrafficHistory::continents() const {
  QStringList out(continent_names_.begin(), continent_names_.end());
  out.sort();
  return out;
}

}  // namespace edgelab::console
