#pragma once
// The policies bench_admission measures the memory tier against, counted in
// objects (every object of a trace has the same size): LRU, and S3-FIFO as
// the tier ran it before W-TinyLFU (Yang et al., SOSP'23: a small FIFO of
// 10%, a main CLOCK, a ghost FIFO of recently evicted keys).
#include <cstdint>
#include <deque>
#include <list>
#include <unordered_map>
#include <unordered_set>

namespace edgelab::bench {

class LruPolicy {
 public:
  explicit LruPolicy(std::size_t capacity) : capacity_(capacity) {}
  // A request: true on a hit; a miss inserts the key.
  bool request(std::uint64_t key);

 private:
  std::size_t capacity_;
  std::list<std::uint64_t> order_;
  std::unordered_map<std::uint64_t, std::list<std::uint64_t>::iterator> index_;
};

class S3FifoPolicy {
 public:
  explicit S3FifoPolicy(std::size_t capacity);
  bool request(std::uint64_t key);

 private:
  struct Entry {
    std::uint64_t key;
    int frequency = 0;
  };
  using Queue = std::list<Entry>;
  void insert(std::uint64_t key);
  void evict();
  void evict_from_small();
  void evict_from_main();
  void remember_ghost(std::uint64_t key);

  std::size_t capacity_, small_target_;
  Queue small_, main_;
  std::unordered_map<std::uint64_t, std::pair<Queue::iterator, bool /*main*/>> index_;
  std::deque<std::uint64_t> ghost_order_;
  std::unordered_multiset<std::uint64_t> ghost_;
};

}  // namespace edgelab::bench
