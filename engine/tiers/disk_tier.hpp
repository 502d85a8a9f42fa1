#pragma once
// L2: bodies in files, metadata in a SQLite index (WAL), bounded in bytes.
//
// Promises: an object stored here survives a restart on the same directory;
// a body whose SHA-256 does not match the index (corrupted, truncated,
// missing) is never returned: it counts as a miss and is removed.
//
// Threads: every file and SQLite call runs on the tier's own worker thread;
// completions are posted to the executor the caller names, so io_context
// threads never block on the disk. Lookups go before queued stores, and
// stores are batched and dropped (counted) when too many wait
// (disk_work_queue.hpp).
#include "cache/cached_object.hpp"
#include "core/node_config.hpp"
#include "http/http_types.hpp"
#include "purge/purge_types.hpp"
#include "tiers/cache_listing.hpp"
#include "tiers/disk_index.hpp"
#include "tiers/disk_work_queue.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/post.hpp>

#include <atomic>
#include <functional>
#include <memory>
#include <string>

namespace edgelab {


struct DiskTierStats {
  std::uint64_t bytes = 0;
  std::uint64_t objects = 0;
  std::uint64_t evictions = 0;
  std::uint64_t corrupt = 0;
  std::uint64_t io_errors = 0;
  std::uint64_t writes_dropped = 0;  // stores refused because the write queue was full
};

class DiskTier {
 public:
  using VariantKeyFn = std::function<void(const std::vector<std::string>& vary_names, std::string& key_out)>;
  using LookupHandler = std::function<void(CachedObjectPtr)>;

  // Opens or creates the directory and index. Runs on the calling thread
  // (start-up); returns nullptr and fills `error` on failure.
  static std::unique_ptr<DiskTier> open(const DiskTierConfig& config, std::string& error);
  explicit DiskTier(std::unique_ptr<DiskIndex> index);
  ~DiskTier();
  DiskTier(const DiskTier&) = delete;
  DiskTier& operator=(const DiskTier&) = delete;

  // Finds the variant for a primary key; `variant_key` turns the stored Vary
  // names into the variant key (it runs on the worker thread).
  void async_lookup(std::string primary_key, VariantKeyFn variant_key, net::any_io_executor ex, LookupHandler done);
  // Queued behind lookups; dropped (and counted) when the write queue is full.
  void async_store(CachedObjectPtr object);
  void async_erase(std::string key);
  // Every variant of a primary key, and its Vary names.
  void async_erase_all_variants(std::string primary_key);
  // Blocks until every job and store queued so far is done (tests and shutdown only).
  void flush();

  using PurgeHandler = std::function<void(bool ok, PurgeRecord record, std::string error)>;
  // Records a purge durably and counts what it selects; see DiskIndex::record_purge.
  void async_purge(PurgeRecord record, PurgeState state, net::any_io_executor ex, PurgeHandler done);
  // Start-up only (blocks): the persisted purge position and the latest log entries.
  bool load_purge_state(PurgeState& state, std::vector<PurgeRecord>& recent, std::size_t recent_limit,
                        std::string& error);
  // The L1 count of a recorded purge, for its log entry.
  void async_note_l1_count(std::uint64_t seq, std::uint64_t l1);
  // Applies one batch of the oldest purge still pending on the rows.
  void async_apply_pending(std::size_t batch, net::any_io_executor ex, std::function<void(PurgeProgress)> done);
  // Removes one batch of objects stamped below `epoch`; `done(removed)`.
  void async_reclaim(std::uint64_t epoch, std::size_t batch, net::any_io_executor ex,
                     std::function<void(std::size_t)> done);
  void async_list(CacheQuery query, net::any_io_executor ex, std::function<void(ListedPage)> done);
  void async_variants(std::string primary_key, net::any_io_executor ex,
                      std::function<void(std::vector<ListedObject>)> done);

  DiskTierStats stats() const;
  // The configured limit in bytes (fixed at open, so any thread may ask).
  std::uint64_t max_bytes() const { return index_->max_bytes(); }

 private:
  // Runs `work` on the worker (after queued stores when `ordered`) and hands
  // its result to `done` on `ex`.
  template <class Work, class Done>
  void run_then(Work work, net::any_io_executor ex, Done done, bool ordered = false) {
    auto job = [work = std::move(work), ex = std::move(ex), done = std::move(done)]() mutable {
      net::post(ex, [done = std::move(done), result = work()]() mutable { done(std::move(result)); });
    };
    ordered ? queue_->post_ordered(std::move(job)) : queue_->post(std::move(job));
  }

  std::unique_ptr<DiskIndex> index_;      // touched only on the queue's thread
  std::unique_ptr<DiskWorkQueue> queue_;  // destroyed first: drains into index_
};

}  // namespace edgelab
