#include "lab/lab_metrics.hpp"

#include <algorithm>
#include <cmath>

namespace edgelab {
namespace {

static_assert(static_cast<int>(ServedTier::origin) == kLatencyTiers - 1, "the latency tiers lead ServedTier");

// The most seconds one close fills in (a lab suspended for a day does not loop a day's worth).
constexpr std::int64_t kMaxGap = 600;

double percentile_ms(std::vector<std::uint32_t>& latencies, double q) {
  if (latencies.empty()) return 0;
  const auto at = static_cast<std::size_t>(q * static_cast<double>(latencies.size() - 1));
  std::nth_element(latencies.begin(), latencies.begin() + static_cast<std::ptrdiff_t>(at), latencies.end());
  return std::round(latencies[at] / 100.0) / 10.0;
}

OffloadFigures offload(std::uint64_t requests, std::uint64_t origin) {
  OffloadFigures f;
  f.requests = requests;
  f.origin_requests = origin;
  if (requests)
    f.ratio = std::round((1.0 - static_cast<double>(origin) / static_cast<double>(requests)) * 10000) / 10000;
  return f;
}

}  // namespace

double histogram_bound_ms(std::size_t bucket) { return std::ldexp(0.25, static_cast<int>(bucket)); }

std::size_t histogram_bucket(std::uint32_t latency_us) {
  for (std::size_t i = 0; i + 1 < kHistogramBuckets; ++i)
    if (latency_us <= (std::uint64_t{250} << i)) return i;
  return kHistogramBuckets - 1;
}

LabMetrics::LabMetrics(std::size_t capacity_seconds) : capacity_(std::max<std::size_t>(1, capacity_seconds)) {}

LabMetrics::Open& LabMetrics::open_for(std::int64_t second) {
  // An answer that lands just after its second was closed counts in the next one.
  second = std::max(second, closed_through_ + 1);
  auto [it, added] = open_.try_emplace(second);
  if (added) it->second.row.t = second;
  return it->second;
}

void LabMetrics::record(std::int64_t time_ms, ServedTier tier, std::uint32_t latency_us, const std::string& continent) {
  std::lock_guard lock(mutex_);
  Open& open = open_for(time_ms / 1000);
  ++open.row.requests;
  ++open.row.tiers[static_cast<int>(tier)];
  const int t = static_cast<int>(tier);
  if (tier == ServedTier::error || t >= kLatencyTiers) {
    ++open.row.errors;
  } else {
    open.latencies_us[t].push_back(latency_us);
    const bool at_pop = tier == ServedTier::l1_hit || tier == ServedTier::l2_hit;
    ++(at_pop ? open.row.hit : open.row.miss)[histogram_bucket(latency_us)];
  }
  ++open.row.continents[continent];
}

void LabMetrics::close_until(std::int64_t now_s, std::uint64_t origin_total) {
  std::lock_guard lock(mutex_);
  if (origin_known_ && origin_total >= origin_seen_) origin_pending_ += origin_total - origin_seen_;
  origin_known_ = true;
  origin_seen_ = origin_total;
  const std::int64_t last = now_s - 1;
  // The first close starts at the first second anything happened in.
  if (closed_through_ == 0) closed_through_ = (open_.empty() ? now_s : std::min(open_.begin()->first, now_s)) - 1;
  if (last <= closed_through_) return;  // the origin's requests wait for the next second closed
  const std::int64_t first = std::max(closed_through_ + 1, last - kMaxGap + 1);
  for (std::int64_t s = first; s <= last; ++s) {
    LabSecond row;
    row.t = s;
    if (auto it = open_.find(s); it != open_.end()) {
      close_row(it->second);
      row = std::move(it->second.row);
      open_.erase(it);
    }
    total_requests_ += row.requests;
    if (s == last) {
      row.origin_requests = origin_pending_;
      total_origin_ += origin_pending_;
      origin_pending_ = 0;
    }
    closed_.push_back(std::move(row));
    while (closed_.size() > capacity_) closed_.pop_front();
  }
  // Seconds skipped over a long gap are dropped with whatever they held.
  while (!open_.empty() && open_.begin()->first <= last) open_.erase(open_.begin());
  closed_through_ = last;
}

void LabMetrics::close_row(Open& open) {
  std::vector<std::uint32_t> all;
  std::size_t n = 0;
  for (const auto& tier : open.latencies_us) n += tier.size();
  all.reserve(n);
  for (int t = 0; t < kLatencyTiers; ++t) {
    auto& latencies = open.latencies_us[t];
    all.insert(all.end(), latencies.begin(), latencies.end());
    std::uint64_t sum = 0;
    for (auto us : latencies) sum += us;
    total_tier_requests_[t] += latencies.size();
    total_tier_us_[t] += sum;
    open.row.tier_latency[t] = {latencies.size(), percentile_ms(latencies, 0.50), percentile_ms(latencies, 0.99)};
  }
  open.row.p50_ms = percentile_ms(all, 0.50);
  open.row.p99_ms = percentile_ms(all, 0.99);
}

std::vector<LabSecond> LabMetrics::after(std::int64_t after_s) const {
  std::lock_guard lock(mutex_);
  auto it = std::upper_bound(closed_.begin(), closed_.end(), after_s,
                             [](std::int64_t t, const LabSecond& row) { return t < row.t; });
  return {it, closed_.end()};
}

OffloadFigures LabMetrics::offload_last(std::size_t seconds) const {
  std::lock_guard lock(mutex_);
  std::uint64_t requests = 0, origin = 0;
  const std::size_t n = std::min(seconds, closed_.size());
  for (auto it = closed_.end() - static_cast<std::ptrdiff_t>(n); it != closed_.end(); ++it) {
    requests += it->requests;
    origin += it->origin_requests;
  }
  return offload(requests, origin);
}

OffloadFigures LabMetrics::offload_total() const {
  std::lock_guard lock(mutex_);
  return offload(total_requests_, total_origin_);
}

TierTotals LabMetrics::tier_totals() const {
  std::lock_guard lock(mutex_);
  TierTotals totals;
  for (int t = 0; t < kLatencyTiers; ++t) {
    totals.requests[t] = total_tier_requests_[t];
    if (total_tier_requests_[t])
      totals.mean_ms[t] =
          std::round(static_cast<double>(total_tier_us_[t]) / static_cast<double>(total_tier_requests_[t]) / 100.0) /
          10.0;
  }
  return totals;
}

}  // namespace edgelab
