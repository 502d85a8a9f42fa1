#pragma once
// The controller's record of every fleet purge, in order (SQLite). A node
// that missed purges (it was down) is brought up to date by replaying the
// entries after the last fleet sequence it reports.
#include "core/sqlite_db.hpp"
#include "purge/purge_types.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace edgelab {

struct FleetPurge {
  std::uint64_t fleet_seq = 0;
  PurgeKind kind = PurgeKind::url;
  std::string value;  // as the operator gave it (a URL, a prefix, a tag)
  bool soft = false;
  std::int64_t at_ms = 0;
};

class FleetJournal {
 public:
  // ":memory:" keeps it in memory (one controller process, tests).
  static std::unique_ptr<FleetJournal> open(const std::string& path, std::string& error);
  explicit FleetJournal(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}

  std::optional<FleetPurge> append(PurgeKind kind, std::string value, bool soft, std::string& error);
  // The newest `limit` entries, oldest first.
  std::vector<FleetPurge> tail(std::size_t limit);
  std::uint64_t head();

 private:
  std::unique_ptr<SqliteDb> db_;
};

}  // namespace edgelab
