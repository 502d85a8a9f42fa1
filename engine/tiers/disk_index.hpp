#pragma once
// The synchronous half of the disk tier: body files plus the SQLite index.
// Used only from the disk tier's worker thread.
#include "cache/cached_object.hpp"
#include "core/sqlite_db.hpp"
#include "purge/purge_types.hpp"
#include "tiers/cache_listing.hpp"

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <tuple>

namespace edgelab {

struct PurgeProgress {
  std::uint64_t applied_seq = 0;  // every purge up to here is applied to the rows
  std::size_t rows = 0;           // changed by this call
  bool more = false;              // call again: something may still be pending
};

class DiskIndex {
 public:
  static std::unique_ptr<DiskIndex> open(const std::string& directory, std::uint64_t max_bytes, std::string& error);
  DiskIndex(std::unique_ptr<SqliteDb> db, std::filesystem::path directory, std::uint64_t max_bytes);

  CachedObjectPtr lookup(const std::string& primary_key,
                         const std::function<void(const std::vector<std::string>&, std::string&)>& variant_key);
  // Objects in one transaction (the disk tier's write batches).
  void store_batch(std::span<const CachedObject* const> objects);
  void erase(const std::string& key);
  std::size_t erase_all_variants(const std::string& primary_key);

  // Records a purge and the node's purge state in one transaction committed
  // with a full sync, and counts what it selects here (record.l2). The rows
  // themselves are changed later by apply_pending(). False on error.
  bool record_purge(PurgeRecord& record, const PurgeState& state, std::string& error);
  void note_l1_count(std::uint64_t seq, std::uint64_t l1);
  // Carries out the oldest recorded purge not yet applied, up to `batch`
  // rows per call, in its own transaction.
  PurgeProgress apply_pending(std::size_t batch);
  bool load_purge_state(PurgeState& state, std::vector<PurgeRecord>& recent, std::size_t recent_limit,
                        std::string& error);
  // Removes up to `batch` objects stamped below `epoch`; returns how many.
  std::size_t erase_older_than(std::uint64_t epoch, std::size_t batch);

  ListedPage list(const CacheQuery& query);
  // Every stored variant of a primary key (metadata only).
  std::vector<ListedObject> variants_of(const std::string& primary_key);

  std::uint64_t max_bytes() const { return max_bytes_; }
  std::uint64_t bytes() const { return bytes_; }
  std::uint64_t objects() const { return objects_; }
  std::uint64_t evictions() const { return evictions_; }
  std::uint64_t corrupt() const { return corrupt_; }
  std::uint64_t io_errors() const { return io_errors_; }

 private:
  using Victims = std::vector<std::tuple<std::string, std::string, std::int64_t>>;  // key, file, size

  bool prepare_statements(std::string& error);
  std::filesystem::path body_path(const std::string& key) const;
  void remove_entry(const std::string& key, const std::string& file, std::int64_t size);
  void remove_row(const std::string& key);
  void forget(const Victims& victims);
  std::int64_t count_selected(PurgeKind kind, const std::string& value, std::string& error);
  void evict_to_fit();
  void checkpoint();
  ListedObject listed_from_row(SqliteStatement& row);
  ListedPage list_by_key(const CacheQuery& query);
  ListedPage list_sorted(const CacheQuery& query);
  // False (with `error`) when the query selects more rows than it may read.
  bool within_row_bound(const CacheQuery& query, std::string& error, bool& internal);
  // Each selected row that passes the query's screen, up to max_rows_read rows.
  void for_each_selected(const CacheQuery& query, const std::function<void(ListedObject&&)>& visit);

  std::unique_ptr<SqliteDb> db_;
  std::filesystem::path directory_;
  // Writes the body file; its path, or nullopt (counted) on failure.
  std::optional<std::string> write_body(const CachedObject& object);

  std::uint64_t max_bytes_;
  static constexpr int kCheckpointEvery = 256;  // stores or purge batches
  std::size_t writes_since_checkpoint_ = 0;
  std::int64_t access_clock_ = 0;  // LRU order of entries; this index's worker thread only
  std::atomic<std::uint64_t> bytes_{0};
  std::atomic<std::uint64_t> objects_{0};
  std::atomic<std::uint64_t> evictions_{0};
  std::atomic<std::uint64_t> corrupt_{0};
  std::atomic<std::uint64_t> io_errors_{0};
  SqliteStatement select_vary_, select_object_, upsert_object_, upsert_vary_, delete_object_, touch_, oldest_,
      by_primary_, delete_vary_, delete_tags_, insert_tag_;
};

}  // namespace edgelab
