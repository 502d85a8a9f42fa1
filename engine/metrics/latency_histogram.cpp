#include "metrics/latency_histogram.hpp"

#include <bit>

namespace edgelab {

int LatencyHistogram::bucket_of(std::uint64_t v) {
  if (v < kSubBuckets) return static_cast<int>(v);
  int power = std::bit_width(v) - 1;  // v in [2^power, 2^(power+1))
  int shift = power - 4;              // keep 4 bits below the leading one
  int sub = static_cast<int>((v >> shift) & (kSubBuckets - 1));
  int bucket = (power - 3) * kSubBuckets + sub;
  return bucket < kBuckets ? bucket : kBuckets - 1;
}

std::uint64_t LatencyHistogram::upper_bound_of(int bucket) {
  if (bucket < kSubBuckets) return static_cast<std::uint64_t>(bucket);
  int power = bucket / kSubBuckets + 3;
  int sub = bucket % kSubBuckets;
  int shift = power - 4;
  return ((static_cast<std::uint64_t>(kSubBuckets + sub) + 1) << shift) - 1;
}

void LatencyHistogram::record(std::uint64_t micros) {
  buckets_[static_cast<std::size_t>(bucket_of(micros))].fetch_add(1, std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(micros, std::memory_order_relaxed);
  auto prev = max_.load(std::memory_order_relaxed);
  while (micros > prev && !max_.compare_exchange_weak(prev, micros, std::memory_order_relaxed)) {
  }
}

std::uint64_t LatencyHistogram::percentile(double q) const {
  std::uint64_t total = count();
  if (total == 0) return 0;
  auto rank = static_cast<std::uint64_t>(q * static_cast<double>(total - 1)) + 1;
  std::uint64_t seen = 0;
  for (int b = 0; b < kBuckets; ++b) {
    seen += buckets_[static_cast<std::size_t>(b)].load(std::memory_order_relaxed);
    if (seen >= rank) return std::min(upper_bound_of(b), max());
  }
  return max();
}

std::uint64_t LatencyHistogram::count_at_most(int bucket) const {
  std::uint64_t seen = 0;
  for (int b = 0; b <= bucket && b < kBuckets; ++b) seen += buckets_[static_cast<std::size_t>(b)].load(std::memory_order_relaxed);
  return seen;
}

void LatencyHistogram::snapshot(Counts& out) const {
  for (std::size_t b = 0; b < out.size(); ++b) out[b] = buckets_[b].load(std::memory_order_relaxed);
}

std::uint64_t LatencyHistogram::percentile_of(const Counts& counts, double q) {
  std::uint64_t total = 0;
  for (auto c : counts) total += c;
  if (total == 0) return 0;
  auto rank = static_cast<std::uint64_t>(q * static_cast<double>(total - 1)) + 1;
  std::uint64_t seen = 0;
  for (int b = 0; b < kBuckets; ++b) {
    seen += counts[static_cast<std::size_t>(b)];
    if (seen >= rank) return upper_bound_of(b);
  }
  return upper_bound_of(kBuckets - 1);
}

void LatencyHistogram::reset() {
  for (auto& b : buckets_) b.store(0, std::memory_order_relaxed);
  count_ = 0;
  max_ = 0;
  sum_ = 0;
}

}  // namespace edgelab
