#pragma once
// The synchronous half of the disk tier: body files plus the SQLite index.
// Used only from the disk tier's worker thread.
#include "cache/cached_object.hpp"
#include "core/sqlite_db.hpp"

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace edgelab {

class DiskIndex {
 public:
  static std::unique_ptr<DiskIndex> open(const std::string& directory, std::uint64_t max_bytes, std::string& error);
  DiskIndex(std::unique_ptr<SqliteDb> db, std::filesystem::path directory, std::uint64_t max_bytes);

  CachedObjectPtr lookup(const std::string& primary_key,
                         const std::function<void(const std::vector<std::string>&, std::string&)>& variant_key);
  void store(const CachedObject& object);
  void erase(const std::string& key);
  std::size_t erase_all_variants(const std::string& primary_key);

  std::uint64_t bytes() const { return bytes_; }
  std::uint64_t objects() const { return objects_; }
  std::uint64_t evictions() const { return evictions_; }
  std::uint64_t corrupt() const { return corrupt_; }
  std::uint64_t io_errors() const { return io_errors_; }

 private:
  bool prepare_statements(std::string& error);
  std::filesystem::path body_path(const std::string& key) const;
  void remove_entry(const std::string& key, const std::string& file, std::int64_t size);
  void evict_to_fit();

  std::unique_ptr<SqliteDb> db_;
  std::filesystem::path directory_;
  std::uint64_t max_bytes_;
  std::int64_t access_clock_ = 0;  // LRU order of entries; this index's worker thread only
  std::atomic<std::uint64_t> bytes_{0};
  std::atomic<std::uint64_t> objects_{0};
  std::atomic<std::uint64_t> evictions_{0};
  std::atomic<std::uint64_t> corrupt_{0};
  std::atomic<std::uint64_t> io_errors_{0};
  SqliteStatement select_vary_, select_object_, upsert_object_, upsert_vary_, delete_object_, touch_, oldest_,
      by_primary_, delete_vary_;
};

}  // namespace edgelab
