// DiskIndex: purges, the persisted purge position, and reclaiming purge-all.
#include "tiers/disk_index.hpp"

#include "tiers/disk_selection.hpp"

#include <algorithm>
#include <optional>

namespace edgelab {
namespace {

class Transaction {
 public:
  explicit Transaction(SqliteDb& db) : db_(db) {
    std::string error;
    open_ = db_.exec("BEGIN IMMEDIATE", error);
  }
  ~Transaction() {
    std::string ignored;
    if (open_) db_.exec("ROLLBACK", ignored);
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  bool begun() const { return open_; }
  bool commit(std::string& error) {
    open_ = false;
    return db_.exec("COMMIT", error);
  }

 private:
  SqliteDb& db_;
  bool open_ = false;
};

}  // namespace

void DiskIndex::forget(const Victims& victims) {
  for (const auto& [key, file, size] : victims) {
    std::error_code ec;
    std::filesystem::remove(file, ec);
    bytes_ -= std::min<std::uint64_t>(bytes_.load(), static_cast<std::uint64_t>(size));
    if (objects_) --objects_;
  }
}

std::int64_t DiskIndex::count_selected(PurgeKind kind, const std::string& value, std::string& error) {
  if (kind == PurgeKind::all) return static_cast<std::int64_t>(objects_.load());
  const DiskSelection selection(kind, value, 1);
  SqliteStatement count = db_->prepare("SELECT COUNT(*) FROM objects WHERE " + selection.where(), error);
  if (!count) return -1;
  selection.bind(count);
  if (!count.step()) {
    error = db_->last_error();
    return -1;
  }
  return count.column_int(0);
}

bool DiskIndex::record_purge(PurgeRecord& record, const PurgeState& state, std::string& error) {
  // Synchronous FULL for this commit only: an acknowledged purge must survive
  // a power cut, not just a crash.
  db_->exec("PRAGMA synchronous=FULL", error);
  Transaction tx(*db_);
  if (!tx.begun()) {
    error = "cannot begin a transaction: " + db_->last_error();
    return false;
  }
  error.clear();
  // Counted now, carried out by apply_pending(): deleting thousands of rows
  // scattered over the index rewrites most of its pages, which would hold
  // the acknowledgement for a second. The record alone makes the purge
  // durable: lookups screen against purges not yet applied.
  const auto selected = count_selected(record.kind, record.value, error);
  if (selected < 0) return false;
  record.l2 = static_cast<std::uint64_t>(selected);
  SqliteStatement save_state = db_->prepare(
      "UPDATE purge_state SET seq=?1, fleet_seq=?2, hard_floor=?3, soft_floor=?4, soft_floor_at=?5 WHERE id=1", error);
  SqliteStatement log = db_->prepare(
      "INSERT OR REPLACE INTO purges(seq, fleet_seq, kind, value, soft, at_ms, l1, l2, source) "
      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
      error);
  if (!save_state || !log) return false;
  auto i64 = [](std::uint64_t v) { return static_cast<std::int64_t>(v); };
  save_state.bind(1, i64(state.seq))
      .bind(2, i64(state.fleet_seq))
      .bind(3, i64(state.hard_floor))
      .bind(4, i64(state.soft_floor))
      .bind(5, state.soft_floor_at);
  save_state.step();
  log.bind(1, i64(record.seq))
      .bind(2, i64(record.fleet_seq))
      .bind(3, to_string(record.kind))
      .bind(4, record.value)
      .bind(5, std::int64_t{record.soft})
      .bind(6, record.at_ms)
      .bind(7, i64(record.l1))
      .bind(8, i64(record.l2))
      .bind(9, record.source);
  log.step();
  if (!save_state.ok() || !log.ok()) {
    error = "recording the purge: " + db_->last_error();
    return false;
  }
  // The log keeps the last 10,000 purges (never one still waiting to be applied).
  if (record.seq % 256 == 0)
    db_->exec("DELETE FROM purges WHERE seq <= MIN(" + std::to_string(static_cast<std::int64_t>(record.seq) - 10'000) +
                  ", (SELECT l2_applied FROM purge_state WHERE id=1))",
              error);
  const bool committed = tx.commit(error);
  std::string ignored;
  db_->exec("PRAGMA synchronous=NORMAL", ignored);
  if (!committed) ++io_errors_;
  return committed;
}

void DiskIndex::note_l1_count(std::uint64_t seq, std::uint64_t l1) {
  std::string error;
  SqliteStatement update = db_->prepare("UPDATE purges SET l1 = ?2 WHERE seq = ?1", error);
  if (!update) return;
  update.bind(1, static_cast<std::int64_t>(seq)).bind(2, static_cast<std::int64_t>(l1));
  update.step();
}

PurgeProgress DiskIndex::apply_pending(std::size_t batch) {
  PurgeProgress progress;
  std::string error;
  SqliteStatement next = db_->prepare(
      "SELECT p.seq, p.kind, p.value, p.soft, p.at_ms, s.l2_applied FROM purges p, purge_state s "
      "WHERE s.id = 1 AND p.seq > s.l2_applied ORDER BY p.seq LIMIT 1",
      error);
  if (!next) return progress;
  if (!next.step()) {
    if (writes_since_checkpoint_ > 0) checkpoint();  // idle: a good moment
    SqliteStatement applied = db_->prepare("SELECT l2_applied FROM purge_state WHERE id=1", error);
    if (applied && applied.step()) progress.applied_seq = static_cast<std::uint64_t>(applied.column_int(0));
    return progress;
  }
  const auto seq = next.column_int(0);
  const PurgeKind kind = parse_purge_kind(next.column_text(1)).value_or(PurgeKind::url);
  const std::string value(next.column_text(2));
  const bool soft = next.column_int(3) != 0;
  const std::int64_t stale_at = next.column_int(4) / 1000;
  progress.applied_seq = static_cast<std::uint64_t>(next.column_int(5));
  next.reset();

  // Objects stored after the purge (epoch >= its sequence) are not its business.
  const DiskSelection selection(kind, value, 1);
  const std::string selected = selection.where() + " AND epoch < ?3";
  const auto limit = " LIMIT " + std::to_string(batch);
  Transaction tx(*db_);
  if (!tx.begun()) return progress;
  std::size_t touched = 0;
  Victims victims;
  if (kind == PurgeKind::all) {
    // Floors already did it; a hard one is reclaimed by erase_older_than().
  } else if (soft) {
    SqliteStatement update = db_->prepare("UPDATE objects SET stale_at = ?4 WHERE rowid IN (SELECT rowid FROM objects "
                                          "WHERE " + selected + " AND stale_at = 0" + limit + ")",
                                          error);
    if (!update) return progress;
    selection.bind(update);
    update.bind(3, seq).bind(4, stale_at);
    update.step();
    touched = static_cast<std::size_t>(db_->changes());
  } else {
    SqliteStatement select = db_->prepare("SELECT key, file, size FROM objects WHERE " + selected + limit, error);
    if (!select) return progress;
    selection.bind(select);
    select.bind(3, seq);
    while (select.step()) victims.emplace_back(select.column_text(0), select.column_text(1), select.column_int(2));
    select.reset();
    for (const auto& victim : victims) remove_row(std::get<0>(victim));
    if (kind == PurgeKind::url) {
      delete_vary_.reset();
      delete_vary_.bind(1, value);
      delete_vary_.step();
    }
    touched = victims.size();
  }
  const bool done = touched < batch;
  if (done) {
    SqliteStatement mark = db_->prepare("UPDATE purge_state SET l2_applied = ?1 WHERE id = 1", error);
    mark.bind(1, seq);
    mark.step();
  }
  if (!tx.commit(error)) {
    ++io_errors_;
    return progress;
  }
  forget(victims);
  ++writes_since_checkpoint_;
  if (done) progress.applied_seq = static_cast<std::uint64_t>(seq);
  progress.more = true;  // the caller asks again until nothing is pending
  progress.rows = touched;
  return progress;
}

bool DiskIndex::load_purge_state(PurgeState& state, std::vector<PurgeRecord>& recent, std::size_t recent_limit,
                                 std::string& error) {
  SqliteStatement read = db_->prepare(
      "SELECT seq, fleet_seq, hard_floor, soft_floor, soft_floor_at, l2_applied FROM purge_state WHERE id=1", error);
  if (!read) return false;
  if (read.step()) {
    state.seq = static_cast<std::uint64_t>(read.column_int(0));
    state.fleet_seq = static_cast<std::uint64_t>(read.column_int(1));
    state.hard_floor = static_cast<std::uint64_t>(read.column_int(2));
    state.soft_floor = static_cast<std::uint64_t>(read.column_int(3));
    state.soft_floor_at = read.column_int(4);
    state.l2_applied = static_cast<std::uint64_t>(read.column_int(5));
  }
  SqliteStatement log = db_->prepare(
      "SELECT seq, fleet_seq, kind, value, soft, at_ms, l1, l2, source FROM purges ORDER BY seq DESC LIMIT ?1", error);
  if (!log) return false;
  log.bind(1, static_cast<std::int64_t>(recent_limit));
  while (log.step()) {
    PurgeRecord r;
    r.seq = static_cast<std::uint64_t>(log.column_int(0));
    r.fleet_seq = static_cast<std::uint64_t>(log.column_int(1));
    r.kind = parse_purge_kind(log.column_text(2)).value_or(PurgeKind::url);
    r.value = log.column_text(3);
    r.soft = log.column_int(4) != 0;
    r.at_ms = log.column_int(5);
    r.l1 = static_cast<std::uint64_t>(log.column_int(6));
    r.l2 = static_cast<std::uint64_t>(log.column_int(7));
    r.source = log.column_text(8);
    recent.push_back(std::move(r));
  }
  std::reverse(recent.begin(), recent.end());
  return log.ok();
}

std::size_t DiskIndex::erase_older_than(std::uint64_t epoch, std::size_t batch) {
  std::string error;
  SqliteStatement select = db_->prepare("SELECT key, file, size FROM objects WHERE epoch < ?1 LIMIT ?2", error);
  if (!select) return 0;
  select.bind(1, static_cast<std::int64_t>(epoch)).bind(2, static_cast<std::int64_t>(batch));
  Victims victims;
  while (select.step()) victims.emplace_back(select.column_text(0), select.column_text(1), select.column_int(2));
  select.reset();
  for (const auto& [key, file, size] : victims) remove_entry(key, file, size);
  return victims.size();
}

}  // namespace edgelab
