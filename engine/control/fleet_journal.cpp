#include "control/fleet_journal.hpp"

#include "core/wall_clock.hpp"

#include <algorithm>
#include <chrono>

namespace edgelab {

std::unique_ptr<FleetJournal> FleetJournal::open(const std::string& path, std::string& error) {
  auto db = SqliteDb::open(path, error);
  if (!db) return nullptr;
  if (!db->exec("CREATE TABLE IF NOT EXISTS fleet_purges(seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
                "value TEXT NOT NULL, soft INTEGER NOT NULL, at_ms INTEGER NOT NULL)",
                error))
    return nullptr;
  return std::make_unique<FleetJournal>(std::move(db));
}

std::optional<FleetPurge> FleetJournal::append(PurgeKind kind, std::string value, bool soft, std::string& error) {
  FleetPurge entry{0, kind, std::move(value), soft, unix_millis()};
  SqliteStatement insert =
      db_->prepare("INSERT INTO fleet_purges(kind, value, soft, at_ms) VALUES(?1, ?2, ?3, ?4) RETURNING seq", error);
  if (!insert) return std::nullopt;
  insert.bind(1, to_string(kind)).bind(2, entry.value).bind(3, std::int64_t{soft}).bind(4, entry.at_ms);
  if (!insert.step()) {
    error = "journal: " + db_->last_error();
    return std::nullopt;
  }
  entry.fleet_seq = static_cast<std::uint64_t>(insert.column_int(0));
  insert.reset();
  return entry;
}

std::vector<FleetPurge> FleetJournal::tail(std::size_t limit) {
  std::vector<FleetPurge> out;
  std::string error;
  SqliteStatement select =
      db_->prepare("SELECT seq, kind, value, soft, at_ms FROM fleet_purges ORDER BY seq DESC LIMIT ?1", error);
  if (!select) return out;
  select.bind(1, static_cast<std::int64_t>(limit));
  while (select.step())
    out.push_back({static_cast<std::uint64_t>(select.column_int(0)),
                   parse_purge_kind(select.column_text(1)).value_or(PurgeKind::url), std::string(select.column_text(2)),
                   select.column_int(3) != 0, select.column_int(4)});
  std::reverse(out.begin(), out.end());
  return out;
}

std::uint64_t FleetJournal::head() {
  std::string error;
  SqliteStatement select = db_->prepare("SELECT COALESCE(MAX(seq), 0) FROM fleet_purges", error);
  if (!select || !select.step()) return 0;
  return static_cast<std::uint64_t>(select.column_int(0));
}

}  // namespace edgelab
