#pragma once
// One shard of the memory tier: W-TinyLFU over its share of the bytes (see
// memory_tier.hpp).
#include "cache/cached_object.hpp"
#include "purge/purge_types.hpp"
#include "tiers/frequency_sketch.hpp"

#include <atomic>
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

  // `count_access`: this lookup is a request for the key (false when the same
  // request already looked it up once).
  CachedObjectPtr lookup(std::string_view key, bool count_access = true);
  // False when the object was not kept: larger than the shard, or less
  // popular than every object it would have displaced.
  bool insert(CachedObjectPtr object);
  bool erase(std::string_view key);
  std::size_t erase_all_variants(std::string_view primary_key);
  void clear();
  // Visits every object with its hit count (under the shared lock).
  void for_each(const std::function<void(const CachedObjectPtr&, std::uint32_t hits)>& visit) const;
  // Only the objects carrying `tag` (indexed, no scan).
  void for_each_tagged(std::string_view tag,
                       const std::function<void(const CachedObjectPtr&, std::uint32_t hits)>& visit) const;
  // Purges what a url/prefix/tag selects: hard drops it, soft swaps in a copy
  // that went stale at `stale_at`. Returns the number of objects.
  // Objects it lets go of are moved to `graveyard` (when given) so the caller
  // can free them after answering.
  std::size_t purge(PurgeKind kind, std::string_view value, bool soft, std::int64_t stale_at,
                    std::vector<CachedObjectPtr>* graveyard = nullptr);
  // Drops objects whose purge epoch is below `epoch` (reclaiming a purge-all).
  std::size_t erase_older_than(std::uint64_t epoch);
  // The object stored under a primary key and each of its Vary variants.
  void for_each_variant(std::string_view primary_key,
                        const std::function<void(const CachedObjectPtr&, std::uint32_t hits)>& visit) const;
  // Replaces the object under the same key, keeping its queue position.
  void replace_in_place(const CachedObjectPtr& object);

  std::uint64_t bytes() const;
  std::uint64_t objects() const;
  std::uint64_t evictions() const { return evictions_.load(std::memory_order_relaxed); }

  std::shared_ptr<const std::vector<std::string>> vary_of(std::string_view primary_key) const;
  void set_vary(std::string_view primary_key, std::vector<std::string> names);

 private:
  struct Entry {
    CachedObjectPtr object;
    std::size_t charge = 0;
    std::atomic<std::uint8_t> frequency{0};  // hits since CLOCK last passed, saturates at 3
    std::atomic<std::uint32_t> hits{0};
    bool in_main = false;
  };
  using Queue = std::list<Entry>;
  struct Slot {
    Queue::iterator entry;
  };

  // Moves the window's overflow into main, each candidate only if the sketch
  // rates it above the victims it displaces; returns whether `inserted` stayed.
  bool admit_from_window(const Entry* inserted);
  Queue::iterator main_victim();
  void evict_main_victim();
  void drop(Queue& queue, Queue::iterator it, std::vector<CachedObjectPtr>* graveyard = nullptr);
  void drop_key(std::string_view key, std::vector<CachedObjectPtr>* graveyard = nullptr);
  std::vector<std::string> keys_selected(PurgeKind kind, std::string_view value) const;

  mutable std::shared_mutex mutex_;
  std::uint64_t max_bytes_;
  std::uint64_t window_target_;  // 1% of the bytes (W-TinyLFU's window)
  std::uint64_t small_bytes_ = 0;
  std::uint64_t main_bytes_ = 0;
  Queue small_;  // the window: front = newest
  Queue main_;   // CLOCK order: front = newest
  FrequencySketch sketch_;
  std::unordered_map<std::string, Slot, TransparentStringHash, std::equal_to<>> index_;
  std::atomic<std::uint64_t> evictions_{0};
  std::unordered_map<std::string, std::shared_ptr<const std::vector<std::string>>, TransparentStringHash,
                     std::equal_to<>>
      vary_;
  // primary key -> keys of its Vary variants (only for objects that vary)
  std::unordered_map<std::string, std::vector<std::string>, TransparentStringHash, std::equal_to<>> variants_;
  // tag -> keys of the objects carrying it
  std::unordered_map<std::string, std::unordered_set<std::string>, TransparentStringHash, std::equal_to<>> tags_;
};

}  // namespace edgelab
