#pragma once
// The lab's own figures, one row per wall-clock second, from what its users
// saw (requests, errors, the tier that served each, p50/p99 latency, where
// the users were) and from the origin's request counter. A ring of the last
// `capacity` seconds plus running totals, so a lab up for hours holds a
// constant amount. Thread-safe: the traffic strand records, a timer closes
// seconds, the API reads.
#include "lab/served_tier.hpp"

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace edgelab {

struct LabSecond {
  std::int64_t t = 0;  // unix seconds
  std::uint64_t requests = 0;
  std::uint64_t errors = 0;
  std::uint64_t origin_requests = 0;
  std::uint64_t tiers[kServedTiers] = {};
  double p50_ms = 0;
  double p99_ms = 0;
  std::map<std::string, std::uint64_t> continents;  // requests by the users' continent
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

 private:
  struct Open {
    LabSecond row;
    std::vector<std::uint32_t> latencies_us;
  };
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
};

}  // namespace edgelab
