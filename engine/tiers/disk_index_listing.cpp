// DiskIndex: admin listings (metadata only; bodies stay on disk).
#include "tiers/disk_index.hpp"

#include "tiers/disk_selection.hpp"
#include "tiers/object_codec.hpp"

namespace edgelab {

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
  ListedPage page;
  const DiskSelection selection(query.kind.value_or(PurgeKind::all), query.value, 2);
  std::string error;
  SqliteStatement select = db_->prepare("SELECT key, size, meta, epoch, stale_at, hits FROM objects WHERE key > ?1 AND " +
                                            selection.where() + " ORDER BY key LIMIT ?4",
                                        error);
  // Screened-out rows do not count toward the limit, but a page stops after
  // this many rows so one request cannot walk a huge index.
  const std::size_t max_scanned = query.limit * 20 + 100;
  if (!select) return page;
  select.bind(1, query.cursor);
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
