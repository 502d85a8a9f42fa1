#pragma once
// One shard of the memory tier: S3-FIFO over its share of the bytes.
#include "cache/cached_object.hpp"

#include <atomic>
#include <deque>
#include <functional>
#include <list>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace edgelab {

struct TransparentStringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

class MemoryTierShard {
 public:
  explicit MemoryTierShard(std::uint64_t max_bytes);

  CachedObjectPtr lookup(std::string_view key);
  bool insert(CachedObjectPtr object);
  bool erase(std::string_view key);
  std::size_t erase_all_variants(std::string_view primary_key);
  void clear();
  void for_each(const std::function<void(const CachedObjectPtr&)>& visit) const;

  std::uint64_t bytes() const;
  std::uint64_t objects() const;
  std::uint64_t evictions() const { return evictions_.load(std::memory_order_relaxed); }

  std::shared_ptr<const std::vector<std::string>> vary_of(std::string_view primary_key) const;
  void set_vary(std::string_view primary_key, std::vector<std::string> names);

 private:
  struct Entry {
    CachedObjectPtr object;
    std::size_t charge = 0;
    std::atomic<std::uint8_t> frequency{0};  // saturates at 3
    bool in_main = false;
  };
  using Queue = std::list<Entry>;
  struct Slot {
    Queue::iterator entry;
  };

  void evict_until_fits(std::size_t incoming);
  void evict_one();
  void evict_from_small();
  void evict_from_main();
  void remember_ghost(std::size_t hash);
  void drop(Queue& queue, Queue::iterator it);

  mutable std::shared_mutex mutex_;
  std::uint64_t max_bytes_;
  std::uint64_t small_target_;
  std::uint64_t small_bytes_ = 0;
  std::uint64_t main_bytes_ = 0;
  Queue small_;  // front = newest
  Queue main_;
  std::unordered_map<std::string, Slot, TransparentStringHash, std::equal_to<>> index_;
  std::deque<std::size_t> ghost_fifo_;
  std::unordered_multiset<std::size_t> ghost_;
  std::atomic<std::uint64_t> evictions_{0};
  std::unordered_map<std::string, std::shared_ptr<const std::vector<std::string>>, TransparentStringHash,
                     std::equal_to<>>
      vary_;
  // primary key -> keys of its Vary variants (only for objects that vary)
  std::unordered_map<std::string, std::vector<std::string>, TransparentStringHash, std::equal_to<>> variants_;
};

}  // namespace edgelab
