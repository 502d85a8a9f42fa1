#include "tiers/frequency_sketch.hpp"

#include <algorithm>
#include <bit>

namespace edgelab {
namespace {

// One well-mixed 64-bit value per row from the key's hash (splitmix64's
// finaliser with a per-row seed), so the four counters of a key are spread
// independently even when std::hash is weak in its low bits.
std::uint64_t row_hash(std::uint64_t hash, int row) {
  std::uint64_t z = hash + 0x9E3779B97F4A7C15ULL * std::uint64_t(row + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace

FrequencySketch::FrequencySketch(std::size_t width) { allocate(width); }

void FrequencySketch::allocate(std::size_t width) {
  width_ = std::clamp(std::bit_ceil(width), kMinWidth, kMaxWidth);
  words_count_ = width_ * kRows / 16;  // 16 four-bit counters per word
  words_ = std::make_unique<std::atomic<std::uint64_t>[]>(words_count_);
  for (std::size_t i = 0; i < words_count_; ++i) words_[i].store(0, std::memory_order_relaxed);
  // Aged after 40 additions per object the sketch is sized for (Caffeine ages after 10 per object, with
  // 1 counter per object where we keep 16): slower forgets the hot set of a shifting trace too late, faster
  // loses the skew of a stationary one (bench_admission's shifting and zipf rows).
  sample_size_ = 10 * std::uint64_t(width_) / 4;
  additions_.store(0, std::memory_order_relaxed);
}

void FrequencySketch::ensure_capacity(std::size_t objects) {
  const std::size_t wanted = std::clamp(std::bit_ceil(std::max<std::size_t>(objects, 1) * 16), kMinWidth, kMaxWidth);
  if (wanted > width_) allocate(wanted);
}

std::size_t FrequencySketch::word_of(std::uint64_t hash, int row, unsigned& shift) const {
  const std::size_t counter = row_hash(hash, row) & (width_ - 1);
  // Each row is its own stretch of width_/16 words.
  shift = unsigned(counter % 16) * 4;
  return std::size_t(row) * (width_ / 16) + counter / 16;
}

void FrequencySketch::record(std::uint64_t hash) {
  for (int row = 0; row < kRows; ++row) {
    unsigned shift = 0;
    auto& word = words_[word_of(hash, row, shift)];
    const std::uint64_t value = word.load(std::memory_order_relaxed);
    if (((value >> shift) & 0xF) != 0xF) word.store(value + (std::uint64_t(1) << shift), std::memory_order_relaxed);
  }
  // The one thread that reaches the sample size halves everything.
  if (additions_.fetch_add(1, std::memory_order_relaxed) + 1 == sample_size_) age();
}

unsigned FrequencySketch::estimate(std::uint64_t hash) const {
  unsigned least = 15;
  for (int row = 0; row < kRows; ++row) {
    unsigned shift = 0;
    const std::uint64_t value = words_[word_of(hash, row, shift)].load(std::memory_order_relaxed);
    least = std::min(least, unsigned((value >> shift) & 0xF));
  }
  return least;
}

void FrequencySketch::age() {
  for (std::size_t i = 0; i < words_count_; ++i) {
    const std::uint64_t value = words_[i].load(std::memory_order_relaxed);
    words_[i].store((value >> 1) & 0x7777777777777777ULL, std::memory_order_relaxed);
  }
  additions_.fetch_sub(sample_size_ / 2, std::memory_order_relaxed);
}

}  // namespace edgelab
