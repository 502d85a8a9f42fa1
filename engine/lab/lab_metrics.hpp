#pragma once
// The lab's own figures, one row per wall-clock second, from what its users
// saw (requests, errors, the tier that served each, p50/p99 latency overall
// and per serving tier, a latency histogram of hits and misses, where the
// users were) and from the origin's request counter. A ring of the last
// `capacity` seconds plus running totals, so a lab up for hours holds a
// constant amount. Thread-safe: the traffic strand records, a timer closes
// seconds, the API reads.
#include "lab/served_tier.hpp"

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace edgelab {

// The tiers that serve with a latency: L1, L2, shield, origin (ServedTier's
// first four; an error has no latency worth showing).
inline constexpr int kLatencyTiers = 4;

// Histogram buckets: upper bounds 0.25 ms * 2^i, from 0.25 to 16384 ms; the
// last bucket also takes everything slower.
inline constexpr std::size_t kHistogramBuckets = 17;
double histogram_bound_ms(std::size_t bucket);
std::size_t histogram_bucket(std::uint32_t latency_us);
using LatencyHistogramCounts = std::array<std::uint32_t, kHistogramBuckets>;

struct TierLatency {
  std::uint64_t count = 0;
  double p50_ms = 0;
  double p99_ms = 0;
};

struct LabSecond {
  std::int64_t t = 0;  // unix seconds
  std::uint64_t requests = 0;
  std::uint64_t errors = 0;
  std::uint64_t origin_requests = 0;
  std::uint64_t tiers[kServedTiers] = {};
  double p50_ms = 0;
  double p99_ms = 0;
  std::map<std::string, std::uint64_t> continents;  // requests by the users' continent
  TierLatency tier_latency[kLatencyTiers];
  LatencyHistogramCounts hit{};   // served by the PoP itself (L1 or L2)
  LatencyHistogramCounts miss{};  // served from further away (shield or origin)
};

// Per serving tier since the lab started (over closed seconds).
struct TierTotals {
  std::uint64_t requests[kLatencyTiers] = {};
  double mean_ms[kLatencyTiers] = {};  // 0 without requests
};

struct OffloadFigures {
  double ratio = 0;  // 1 - origin requests / requests; 0 without requests
  std::uint64_t requests = 0;
  std::uint64_t origin_requests = 0;
};

class LabMetrics {
 public:
  explicit LabMetrics(std::size_t capacity_seconds = 3600);

  // One user request, answered (or failed) at `time_ms`.
  void record(std::int64_t time_ms, ServedTier tier, std::uint32_t latency_us, const std::string& continent);
  // Closes every second before `now_s` (empty ones too, so a chart shows the
  // gap); the origin requests since the last close go to the newest of them.
  void close_until(std::int64_t now_s, std::uint64_t origin_total);

  // Closed seconds with t > after, oldest first.
  std::vector<LabSecond> after(std::int64_t after_s) const;
  // Over the last `seconds` closed seconds.
  OffloadFigures offload_last(std::size_t seconds) const;
  // Since the lab started.
  OffloadFigures offload_total() const;
  TierTotals tier_totals() const;

 private:
  struct Open {
    LabSecond row;
    std::vector<std::uint32_t> latencies_us[kLatencyTiers];  // by serving tier
  };
  void close_row(Open& open);           // percentiles and run totals; mutex_ held
  Open& open_for(std::int64_t second);  // mutex_ held

  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::map<std::int64_t, Open> open_;  // seconds not closed yet (one or two)
  std::deque<LabSecond> closed_;
  std::int64_t closed_through_ = 0;  // the last closed second
  bool origin_known_ = false;
  std::uint64_t origin_seen_ = 0;
  std::uint64_t origin_pending_ = 0;  // since the last second closed
  std::uint64_t total_requests_ = 0;
  std::uint64_t total_origin_ = 0;
  std::uint64_t total_tier_requests_[kLatencyTiers] = {};
  std::uint64_t total_tier_us_[kLatencyTiers] = {};
};

}  // namespace edgelab
