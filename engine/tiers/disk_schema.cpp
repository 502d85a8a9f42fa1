#include "tiers/disk_schema.hpp"

#include "tiers/object_codec.hpp"

#include <string_view>
#include <vector>

namespace edgelab {
namespace {

constexpr int kSchemaVersion = 2;

constexpr std::string_view kTables = R"sql(
CREATE TABLE IF NOT EXISTS objects(
  key TEXT PRIMARY KEY,
  primary_key TEXT NOT NULL,
  file TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 BLOB NOT NULL,
  meta TEXT NOT NULL,
  last_access INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS objects_by_access ON objects(last_access);
CREATE INDEX IF NOT EXISTS objects_by_primary ON objects(primary_key);
CREATE TABLE IF NOT EXISTS vary(primary_key TEXT PRIMARY KEY, names TEXT NOT NULL);
)sql";

// Version 2: purge epochs, soft-purge marks, hit counts, the tag index, the
// purge log and the node's purge sequence.
constexpr std::string_view kVersion2 = R"sql(
ALTER TABLE objects ADD COLUMN epoch INTEGER NOT NULL DEFAULT 0;
ALTER TABLE objects ADD COLUMN stale_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE objects ADD COLUMN hits INTEGER NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS objects_by_epoch ON objects(epoch);
CREATE TABLE IF NOT EXISTS tags(tag TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY(tag, key)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tags_by_key ON tags(key);
CREATE TABLE IF NOT EXISTS purge_state(
  id INTEGER PRIMARY KEY CHECK(id = 1),
  seq INTEGER NOT NULL,
  fleet_seq INTEGER NOT NULL,
  hard_floor INTEGER NOT NULL,
  soft_floor INTEGER NOT NULL,
  soft_floor_at INTEGER NOT NULL,
  l2_applied INTEGER NOT NULL);
INSERT OR IGNORE INTO purge_state VALUES(1, 0, 0, 0, 0, 0, 0);
CREATE TABLE IF NOT EXISTS purges(
  seq INTEGER PRIMARY KEY,
  fleet_seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  soft INTEGER NOT NULL,
  at_ms INTEGER NOT NULL,
  l1 INTEGER NOT NULL,
  l2 INTEGER NOT NULL,
  source TEXT NOT NULL);
)sql";

bool backfill_tags(SqliteDb& db, std::string& error) {
  SqliteStatement rows = db.prepare("SELECT meta FROM objects", error);
  SqliteStatement insert = db.prepare("INSERT OR IGNORE INTO tags(tag, key) VALUES(?1, ?2)", error);
  if (!rows || !insert) return false;
  while (rows.step()) {
    auto decoded = decode_object_metadata(rows.column_text(0));
    if (!decoded) continue;  // damaged rows are dropped on their next lookup
    for (const auto& tag : decoded->tags) {
      insert.reset();
      insert.bind(1, tag).bind(2, decoded->key);
      insert.step();
    }
  }
  return rows.ok();
}

}  // namespace

bool ensure_disk_schema(SqliteDb& db, std::string& error) {
  if (!db.exec(kTables, error)) return false;
  SqliteStatement version = db.prepare("PRAGMA user_version", error);
  if (!version || !version.step()) return false;
  const auto current = version.column_int(0);
  version.reset();
  if (current >= kSchemaVersion) return true;
  if (!db.exec("BEGIN", error)) return false;
  if (!db.exec(kVersion2, error) || !backfill_tags(db, error) ||
      !db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion), error)) {
    std::string ignored;
    db.exec("ROLLBACK", ignored);
    error = "migrating the L2 index: " + error;
    return false;
  }
  return db.exec("COMMIT", error);
}

}  // namespace edgelab
