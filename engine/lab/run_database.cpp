#include "lab/run_database.hpp"

namespace edgelab {
namespace {

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS runs(id INTEGER PRIMARY KEY, topology TEXT NOT NULL, started_ms INTEGER NOT NULL, "
    "settings TEXT NOT NULL, report TEXT NOT NULL DEFAULT '');"
    "CREATE TABLE IF NOT EXISTS node_seconds(run INTEGER NOT NULL REFERENCES runs(id), node TEXT NOT NULL, "
    "second INTEGER NOT NULL, requests INTEGER NOT NULL, l1_hits INTEGER NOT NULL, l2_hits INTEGER NOT NULL, "
    "misses INTEGER NOT NULL, upstream_fetches INTEGER NOT NULL, origin_fetches INTEGER NOT NULL, "
    "errors INTEGER NOT NULL, bytes_out INTEGER NOT NULL, p50_us INTEGER NOT NULL, p99_us INTEGER NOT NULL, "
    "PRIMARY KEY(run, node, second)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS events(run INTEGER NOT NULL REFERENCES runs(id), seq INTEGER NOT NULL, "
    "at_ms INTEGER NOT NULL, what TEXT NOT NULL, target TEXT NOT NULL, detail TEXT NOT NULL, "
    "PRIMARY KEY(run, seq)) WITHOUT ROWID;";

std::int64_t to_i64(std::uint64_t v) { return static_cast<std::int64_t>(v); }
std::uint64_t to_u64(std::int64_t v) { return v < 0 ? 0 : static_cast<std::uint64_t>(v); }

// Rolls back unless committed.
class Transaction {
 public:
  Transaction(SqliteDb& db, std::string& error) : db_(db), open_(db.exec("BEGIN IMMEDIATE", error)) {}
  ~Transaction() {
    std::string ignored;
    if (open_) db_.exec("ROLLBACK", ignored);
  }
  explicit operator bool() const { return open_; }
  bool commit(std::string& error) {
    open_ = false;
    return db_.exec("COMMIT", error);
  }

 private:
  SqliteDb& db_;
  bool open_;
};

// Runs a bound insert and readies it for the next row.
bool insert_row(SqliteDb& db, SqliteStatement& insert, std::string& error) {
  insert.step();
  const bool ok = insert.ok();
  if (!ok) error = "run database: " + db.last_error();
  insert.reset();
  return ok;
}

}  // namespace

std::unique_ptr<RunDatabase> RunDatabase::open(const std::string& path, std::string& error) {
  auto db = SqliteDb::open(path, error);
  if (!db) return nullptr;
  if (!db->exec(kSchema, error)) {
    error = "not a lab run database (" + error + ")";
    return nullptr;
  }
  return std::make_unique<RunDatabase>(std::move(db));
}

std::optional<std::int64_t> RunDatabase::begin_run(const std::string& topology, std::int64_t started_ms,
                                                   const std::string& settings_json, std::string& error) {
  SqliteStatement insert =
      db_->prepare("INSERT INTO runs(topology, started_ms, settings) VALUES(?1, ?2, ?3) RETURNING id", error);
  if (!insert) return std::nullopt;
  insert.bind(1, topology).bind(2, started_ms).bind(3, settings_json);
  if (!insert.step()) {
    error = "run database: " + db_->last_error();
    return std::nullopt;
  }
  return insert.column_int(0);
}

bool RunDatabase::append_seconds(std::int64_t run, const std::vector<std::pair<std::string, NodeSecond>>& rows,
                                 std::string& error) {
  Transaction tx(*db_, error);
  if (!tx) return false;
  SqliteStatement insert = db_->prepare(
      "INSERT OR REPLACE INTO node_seconds VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", error);
  if (!insert) return false;
  for (const auto& [node, s] : rows) {
    insert.bind(1, run).bind(2, node).bind(3, std::int64_t{s.second}).bind(4, to_i64(s.requests));
    insert.bind(5, to_i64(s.l1_hits)).bind(6, to_i64(s.l2_hits)).bind(7, to_i64(s.misses));
    insert.bind(8, to_i64(s.upstream_fetches)).bind(9, to_i64(s.origin_fetches)).bind(10, to_i64(s.errors));
    insert.bind(11, to_i64(s.bytes_out)).bind(12, std::int64_t{s.p50_us}).bind(13, std::int64_t{s.p99_us});
    if (!insert_row(*db_, insert, error)) return false;
  }
  return tx.commit(error);
}

bool RunDatabase::finish_run(std::int64_t run, const std::string& report_json, const std::vector<LabEvent>& events,
                             std::string& error) {
  Transaction tx(*db_, error);
  if (!tx) return false;
  SqliteStatement update = db_->prepare("UPDATE runs SET report = ?2 WHERE id = ?1", error);
  if (!update) return false;
  update.bind(1, run).bind(2, report_json);
  update.step();
  if (!update.ok() || db_->changes() != 1) {
    error = "run database: no run " + std::to_string(run);
    return false;
  }
  SqliteStatement insert = db_->prepare("INSERT OR REPLACE INTO events VALUES(?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (!insert) return false;
  std::int64_t seq = 0;
  for (const auto& e : events) {
    insert.bind(1, run).bind(2, ++seq).bind(3, e.at_ms).bind(4, e.what).bind(5, e.target).bind(6, e.detail);
    if (!insert_row(*db_, insert, error)) return false;
  }
  return tx.commit(error);
}

std::vector<StoredRun> RunDatabase::runs(std::string& error) {
  std::vector<StoredRun> out;
  SqliteStatement select = db_->prepare("SELECT id, topology, started_ms, settings, report FROM runs ORDER BY id", error);
  if (!select) return out;
  while (select.step())
    out.push_back({select.column_int(0), std::string(select.column_text(1)), select.column_int(2),
                   std::string(select.column_text(3)), std::string(select.column_text(4))});
  if (!select.ok()) error = "run database: " + db_->last_error();
  return out;
}

std::optional<StoredRun> RunDatabase::load(std::int64_t run, std::string& error) {
  SqliteStatement head =
      db_->prepare("SELECT id, topology, started_ms, settings, report FROM runs WHERE id = ?1", error);
  if (!head) return std::nullopt;
  head.bind(1, run);
  if (!head.step()) {
    error = head.ok() ? "no run " + std::to_string(run) : "run database: " + db_->last_error();
    return std::nullopt;
  }
  StoredRun r{head.column_int(0), std::string(head.column_text(1)), head.column_int(2),
              std::string(head.column_text(3)), std::string(head.column_text(4))};
  SqliteStatement seconds = db_->prepare(
      "SELECT node, second, requests, l1_hits, l2_hits, misses, upstream_fetches, origin_fetches, errors, "
      "bytes_out, p50_us, p99_us FROM node_seconds WHERE run = ?1 ORDER BY node, second",
      error);
  if (!seconds) return std::nullopt;
  seconds.bind(1, run);
  while (seconds.step()) {
    NodeSecond s;
    s.second = static_cast<std::uint32_t>(seconds.column_int(1));
    s.requests = to_u64(seconds.column_int(2));
    s.l1_hits = to_u64(seconds.column_int(3));
    s.l2_hits = to_u64(seconds.column_int(4));
    s.misses = to_u64(seconds.column_int(5));
    s.upstream_fetches = to_u64(seconds.column_int(6));
    s.origin_fetches = to_u64(seconds.column_int(7));
    s.errors = to_u64(seconds.column_int(8));
    s.bytes_out = to_u64(seconds.column_int(9));
    s.p50_us = static_cast<std::uint32_t>(seconds.column_int(10));
    s.p99_us = static_cast<std::uint32_t>(seconds.column_int(11));
    r.seconds[std::string(seconds.column_text(0))].push_back(s);
  }
  SqliteStatement events =
      db_->prepare("SELECT at_ms, what, target, detail FROM events WHERE run = ?1 ORDER BY seq", error);
  if (!events) return std::nullopt;
  events.bind(1, run);
  while (events.step())
    r.events.push_back({events.column_int(0), std::string(events.column_text(1)), std::string(events.column_text(2)),
                        std::string(events.column_text(3))});
  if (!seconds.ok() || !events.ok()) {
    error = "run database: " + db_->last_error();
    return std::nullopt;
  }
  return r;
}

}  // namespace edgelab
