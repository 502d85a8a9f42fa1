#pragma once
// How often each key was asked for lately: a count-min sketch of 4-bit
// counters, four per key, halved every `2.5 x width` additions so that old
// popularity fades (TinyLFU, Einziger, Friedman and Manes, ACM ToS 2017).
// The memory tier asks it whether a new object is worth more than the one
// it would push out.
//
// Counting is lock-free: counters live in 64-bit atomic words, updated with
// relaxed loads and stores. Two threads counting the same word at once can
// lose one addition; the sketch is an estimate, and the hit path stays free
// of locks and read-modify-write loops. Resizing is not concurrent with
// counting: the owner calls ensure_capacity() under its exclusive lock while
// counting happens under its shared lock.
#include <atomic>
#include <cstdint>
#include <memory>

namespace edgelab {

class FrequencySketch {
 public:
  explicit FrequencySketch(std::size_t width = kMinWidth);

  void record(std::uint64_t hash);
  // The estimated count, 0..15.
  unsigned estimate(std::uint64_t hash) const;
  // Grows (and clears) the table to about 16 counters per row for each of
  // `objects`, bounded; never shrinks. Not safe against concurrent record().
  void ensure_capacity(std::size_t objects);
  std::size_t width() const { return width_; }

  static constexpr std::size_t kMinWidth = 256;
  static constexpr std::size_t kMaxWidth = std::size_t(1) << 18;  // 512 KiB of counters

 private:
  static constexpr int kRows = 4;
  // Counter `row` of `hash`: its word and the nibble's shift in it.
  std::size_t word_of(std::uint64_t hash, int row, unsigned& shift) const;
  void age();
  void allocate(std::size_t width);

  std::size_t width_ = 0;  // counters per row, a power of two
  std::size_t words_count_ = 0;
  std::unique_ptr<std::atomic<std::uint64_t>[]> words_;
  std::uint64_t sample_size_ = 0;
  std::atomic<std::uint64_t> additions_{0};
};

}  // namespace edgelab
