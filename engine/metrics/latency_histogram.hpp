#pragma once
// A lock-free log-linear histogram of microseconds: 16 sub-buckets per power of
// two, so any percentile is within ~6% of the true value, from 1 µs to ~4 hours.
#include <array>
#include <atomic>
#include <cstdint>

namespace edgelab {

class LatencyHistogram {
 public:
  static constexpr int kSubBuckets = 16;
  static constexpr int kPowers = 34;
  static constexpr int kBuckets = kSubBuckets * kPowers;

  void record(std::uint64_t micros);
  std::uint64_t count() const { return count_.load(std::memory_order_relaxed); }
  // q in [0,1]; 0 when empty.
  std::uint64_t percentile(double q) const;
  std::uint64_t max() const { return max_.load(std::memory_order_relaxed); }
  // The sum of every recorded value (a Prometheus histogram's _sum).
  std::uint64_t sum() const { return sum_.load(std::memory_order_relaxed); }
  // Observations <= upper_bound_of(bucket), for a Prometheus bucket.
  std::uint64_t count_at_most(int bucket) const;
  void reset();

  // A copy of the bucket counts, so an interval's percentiles can be taken
  // from the difference of two copies.
  using Counts = std::array<std::uint64_t, kBuckets>;
  void snapshot(Counts& out) const;
  // q in [0,1] over `counts` (a snapshot or a difference of two); 0 when empty.
  static std::uint64_t percentile_of(const Counts& counts, double q);

  static int bucket_of(std::uint64_t micros);
  static std::uint64_t upper_bound_of(int bucket);

 private:
  std::array<std::atomic<std::uint64_t>, kBuckets> buckets_{};
  std::atomic<std::uint64_t> count_{0};
  std::atomic<std::uint64_t> max_{0};
  std::atomic<std::uint64_t> sum_{0};
};

}  // namespace edgelab
