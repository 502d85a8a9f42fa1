#pragma once
// L1: an in-memory tier bounded in bytes (object charge + bookkeeping).
//
// Admission and eviction follow W-TinyLFU (Einziger et al., ACM ToS 2017): new
// objects enter a window FIFO of 1% of the bytes; what leaves the window
// enters the main queue only if a count-min sketch of recent requests rates
// it above the objects it would displace, so one-hit wonders and scans never
// push out the popular set, and the main queue converges on the most
// requested objects. Main is a CLOCK with a 2-bit hit count (S3-FIFO's main
// queue). On the Zipf(0.9) trace of test_memory_tier this gets 0.58-0.59
// against S3-FIFO's 0.556 and the static optimum's 0.602 (bench_admission).
//
// Thread safety: the key space is split over shards, each with its own
// shared_mutex; lookups take it shared (the hit counter is atomic), inserts
// and erasures exclusive. There is no process-wide lock.
#include "cache/cached_object.hpp"
#include "purge/purge_types.hpp"
#include "tiers/cache_listing.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

namespace edgelab {

class MemoryTierShard;

struct MemoryTierStats {
  std::uint64_t bytes = 0;
  std::uint64_t objects = 0;
  std::uint64_t evictions = 0;
};

class MemoryTier {
 public:
  explicit MemoryTier(std::uint64_t max_bytes, std::size_t shards = 16);
  ~MemoryTier();

  // Objects are sharded by primary key, so one shard holds every Vary variant
  // of a URL and can drop them together.
  // Each lookup counts as a request for `key` in the admission sketch, unless
  // `count_access` is false (a request's second lookup).
  CachedObjectPtr lookup(std::string_view primary_key, std::string_view key, bool count_access = true);
  // Replaces any object under the same key. Objects larger than a shard's
  // share are not admitted (returns false).
  bool insert(CachedObjectPtr object);
  bool erase(std::string_view primary_key, std::string_view key);
  // Drops every variant of a primary key and its Vary names; returns how many objects.
  std::size_t erase_all_variants(std::string_view primary_key);
  void clear();
  using Visitor = std::function<void(const CachedObjectPtr&, std::uint32_t hits)>;
  // Visits every object (under each shard's shared lock); for admin listings.
  void for_each(const Visitor& visit) const;
  // Visits the objects carrying a tag, through the tag index.
  void for_each_tagged(std::string_view tag, const Visitor& visit) const;
  void for_each_variant(std::string_view primary_key, const Visitor& visit) const;
  // One page of an admin listing (see CacheQuery); the shards are visited
  // one at a time under their shared locks, the sorting happens outside them.
  ListedPage list(const CacheQuery& query) const;
  // A url purge touches one shard; prefix and tag purges visit every shard, one
  // at a time, so hits on the other shards go on. Returns objects purged.
  std::size_t purge(PurgeKind kind, std::string_view value, bool soft, std::int64_t stale_at,
                    std::vector<CachedObjectPtr>* graveyard = nullptr);
  // Reclaims what a purge-all left behind in one shard (callers go shard by
  // shard, so requests are served in between).
  std::size_t shard_count() const { return shards_.size(); }
  std::size_t erase_older_than(std::size_t shard, std::uint64_t epoch);
  void replace_in_place(const CachedObjectPtr& object);

  MemoryTierStats stats() const;
  std::uint64_t max_bytes() const { return max_bytes_; }

  // The Vary names last seen for a primary key, so a lookup knows which
  // request headers form the variant key.
  std::shared_ptr<const std::vector<std::string>> vary_of(std::string_view primary_key) const;
  void set_vary(std::string_view primary_key, std::vector<std::string> names);

 private:
  MemoryTierShard& shard_for(std::string_view key) const;

  std::uint64_t max_bytes_;
  std::vector<std::unique_ptr<MemoryTierShard>> shards_;
};

}  // namespace edgelab
