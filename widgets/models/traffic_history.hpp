#pragma once
// The lab's figures second by second, as the charts draw them: requests,
// errors, origin fetches, the tier that served each request, p50/p99 overall
// and per served tier, requests per continent, and the latency histogram
// split by hit and miss; plus, per PoP, p50/p99 of its sampled requests. An
// hour is kept (the charts show ten minutes and scroll back). Fed by the
// lab's /lab/v1/metrics and samples, or by a stored run being replayed.
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QVector>

#include <array>
#include <deque>

namespace edgelab::console {

enum TierIndex { kTierL1, kTierL2, kTierShield, kTierOrigin, kTierCount };

struct TrafficSecond {
  qint64 t = 0;  // unix seconds
  double requests = 0, errors = 0, origin = 0;
  std::array<double, kTierCount> served{};  // requests served by each tier
  double p50_ms = -1, p99_ms = -1;
  std::array<double, kTierCount> tier_p50{-1, -1, -1, -1}, tier_p99{-1, -1, -1, -1};
  QMap<QString, double> continents;
  QVector<double> hist_hit, hist_miss;  // counts per bucket of histogramBounds()
  double hitRatio() const;               // served from L1 or L2 at the PoP; -1 without requests
};

struct PopSecond {
  qint64 t = 0;
  double p50_ms = -1, p99_ms = -1;
  int samples = 0;
};

class TrafficHistory : public QObject {
  Q_OBJECT
 public:
  static constexpr int kCapacitySeconds = 3600;
  explicit TrafficHistory(QObject* parent = nullptr);

  static QString tierName(int tier);   // "L1", "L2", "shield", "origin": the lab API's keys
  static QString tierLabel(int tier);  // the same in the UI's language

  // A /lab/v1/metrics answer: its seconds after the newest kept are added.
  void addMetrics(const QJsonObject& metrics);
  // Sampled requests ({"time_ms","pop","latency_us" or "latency_ms"}): per PoP and second.
  void addSamples(const QJsonArray& samples);
  void addSecond(TrafficSecond second);  // a replayed run's second; commit() announces a batch
  void commit() { emit changed(); }
  // A finished run's means per served tier (from its report).
  void setTierMeans(const std::array<double, kTierCount>& means, const std::array<double, kTierCount>& requests) {
    tier_mean_ms_ = means;
    tier_requests_ = requests;
  }
  void clear();

  const std::deque<TrafficSecond>& seconds() const { return seconds_; }
  const std::deque<PopSecond>& popSeconds(const QString& pop) const;
  const QVector<double>& histogramBounds() const { return bounds_; }
  // Mean latency per served tier over the run, and the requests behind it (-1, 0 when unknown).
  std::array<double, kTierCount> tierMeanMs() const { return tier_mean_ms_; }
  std::array<double, kTierCount> tierRequests() const { return tier_requests_; }
  QStringList continents() const;

 signals:
  void changed();

 private:
  struct OpenPopSecond {
    qint64 t = 0;
    QVector<double> latencies;
  };
  void closePopSeconds(qint64 beforeT);

  std::deque<TrafficSecond> seconds_;
  QVector<double> bounds_;
  std::array<double, kTierCount> tier_mean_ms_{-1, -1, -1, -1};
  std::array<double, kTierCount> tier_requests_{};
  QMap<QString, std::deque<PopSecond>> pops_;
  QMap<QString, OpenPopSecond> open_;
  QSet<QString> continent_names_;
};

}  // namespace edgelab::console
