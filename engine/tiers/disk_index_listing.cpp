// DiskIndex: admin listings (metadata only; bodies stay on disk).
#include "tiers/disk_index.hpp"

#include "tiers/disk_selection.hpp"
#include "tiers/object_codec.hpp"

#include <algorithm>

namespace edgelab {
namespace {

// The columns listed_from_row reads, for the rows `where` selects.
std::string listed_rows(std::string_view where) {
  std::string sql = "SELECT key, size, meta, epoch, stale_at, hits FROM objects WHERE ";
  sql += where;
  return sql;
}

}  // namespace

ListedObject DiskIndex::listed_from_row(SqliteStatement& row) {
  // Columns: key, size, meta, epoch, stale_at, hits
  ListedObject listed;
  listed.size = static_cast<std::uint64_t>(row.column_int(1));
  listed.hits = static_cast<std::uint64_t>(row.column_int(5));
  auto decoded = decode_object_metadata(row.column_text(2));
  if (!decoded) return listed;  // object stays null: shown as damaged
  const std::int64_t stale_at = row.column_int(4);
  auto object = stale_at > 0 ? stale_copy(*decoded, stale_at) : std::make_shared<CachedObject>(std::move(*decoded));
  object->purge_epoch = static_cast<std::uint64_t>(row.column_int(3));
  listed.object = std::move(object);
  return listed;
}

ListedPage DiskIndex::list(const CacheQuery& query) {
  if (query.sort != ListingSort::key) return list_sorted(query);
  ListedPage page = list_by_key(query);
  if (!query.count) return page;
  // The total covers what a full paging would show, so it reads every
  // selected row (bounded), not just this page's.
  if (!within_row_bound(query, page.error, page.internal_error)) return page;
  std::uint64_t total = 0;
  for_each_selected(query, [&](ListedObject&&) { ++total; });
  page.total = total;
  return page;
}

ListedPage DiskIndex::list_by_key(const CacheQuery& query) {
  ListedPage page;
  const DiskSelection selection(query.kind.value_or(PurgeKind::all), query.value, 2);
  std::string error;
  // Ascending is the listing the controller's verification pages through: its SQL stays as it was.
  const std::string sql = !query.descending
                              ? listed_rows("key > ?1 AND " + selection.where() + " ORDER BY key LIMIT ?4")
                              : listed_rows((query.cursor.empty() ? std::string() : "key < ?1 AND ") +
                                            selection.where() + " ORDER BY key DESC LIMIT ?4");
  SqliteStatement select = db_->prepare(sql, error);
  // Screened-out rows do not count toward the limit, but a page stops after
  // this many rows so one request cannot walk a huge index.
  const std::size_t max_scanned = query.limit * 20 + 100;
  if (!select) return page;
  if (!query.descending || !query.cursor.empty()) select.bind(1, query.cursor);
  selection.bind(select);
  select.bind(4, static_cast<std::int64_t>(max_scanned));
  std::string last;
  std::size_t scanned = 0;
  while (select.step()) {
    ++scanned;
    last = select.column_text(0);
    auto listed = listed_from_row(select);
    if (listed.object && query.screen) listed.object = query.screen(std::move(listed.object));
    if (listed.object) page.objects.push_back(std::move(listed));
    if (page.objects.size() >= query.limit) break;
  }
  if (page.objects.size() >= query.limit || scanned >= max_scanned) page.next_cursor = last;
  return page;
}

bool DiskIndex::within_row_bound(const CacheQuery& query, std::string& error, bool& internal) {
  internal = true;
  const DiskSelection selection(query.kind.value_or(PurgeKind::all), query.value, 2);
  // Counted without decoding anything, and stopping one past the bound.
  SqliteStatement count =
      db_->prepare("SELECT COUNT(*) FROM (SELECT 1 FROM objects WHERE " + selection.where() + " LIMIT ?1)", error);
  if (!count) {
    error = "L2 listing: " + error;
    return false;
  }
  count.bind(1, static_cast<std::int64_t>(query.max_rows_read) + 1);
  selection.bind(count);
  if (!count.step()) {
    error = "L2 listing: " + db_->last_error();
    return false;
  }
  internal = false;
  if (static_cast<std::size_t>(count.column_int(0)) > query.max_rows_read) {
    error = too_many_rows_message(query.sort == ListingSort::key ? "count" : "sort", query.max_rows_read);
    return false;
  }
  return true;
}

void DiskIndex::for_each_selected(const CacheQuery& query, const std::function<void(ListedObject&&)>& visit) {
  const DiskSelection selection(query.kind.value_or(PurgeKind::all), query.value, 2);
  std::string error;
  SqliteStatement select = db_->prepare(listed_rows(selection.where() + " LIMIT ?1"), error);
  if (!select) return;
  select.bind(1, static_cast<std::int64_t>(query.max_rows_read));
  selection.bind(select);
  while (select.step()) {
    auto listed = listed_from_row(select);
    if (listed.object && query.screen) listed.object = query.screen(std::move(listed.object));
    if (listed.object) visit(std::move(listed));
  }
}

ListedPage DiskIndex::list_sorted(const CacheQuery& query) {
  ListedPage page;
  if (!within_row_bound(query, page.error, page.internal_error)) return page;
  // Two passes: every selected row is ranked by (value, key) alone, and only
  // the page's rows are decoded again, so a sort over many objects holds
  // their keys, not their metadata.
  struct Ranked {
    std::int64_t value;
    std::string key;
  };
  std::vector<Ranked> ranked;
  for_each_selected(query, [&](ListedObject&& listed) {
    ranked.push_back({listing_sort_value(query.sort, listed, query.now), listed.object->key});
  });
  if (query.count) page.total = ranked.size();
  if (query.offset >= ranked.size()) return page;
  const std::size_t end = static_cast<std::size_t>(std::min<std::uint64_t>(ranked.size(), query.offset + query.limit));
  std::partial_sort(
      ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(end), ranked.end(),
      [&](const Ranked& a, const Ranked& b) { return listing_before(query, a.value, a.key, b.value, b.key); });
  if (end < ranked.size()) page.next_cursor = std::to_string(end);
  std::string error;
  SqliteStatement one = db_->prepare(listed_rows("key = ?1"), error);
  if (!one) return page;
  for (std::size_t i = static_cast<std::size_t>(query.offset); i < end; ++i) {
    one.reset();
    one.bind(1, ranked[i].key);
    if (!one.step()) continue;  // gone since the first pass
    auto listed = listed_from_row(one);
    if (listed.object && query.screen) listed.object = query.screen(std::move(listed.object));
    if (listed.object) page.objects.push_back(std::move(listed));
  }
  return page;
}

std::vector<ListedObject> DiskIndex::variants_of(const std::string& primary_key) {
  std::vector<ListedObject> out;
  std::string error;
  SqliteStatement select = db_->prepare(
      "SELECT key, size, meta, epoch, stale_at, hits FROM objects WHERE primary_key = ?1 ORDER BY key", error);
  if (!select) return out;
  select.bind(1, primary_key);
  while (select.step()) {
    auto listed = listed_from_row(select);
    if (listed.object) out.push_back(std::move(listed));
  }
  return out;
}

}  // namespace edgelab
