// MemoryTier: admin listings. Every object the filters select is visited
// (the tier is bounded in bytes, so this is bounded too), screened, then
// ordered and paged.
#include "tiers/memory_tier.hpp"

#include <algorithm>

namespace edgelab {

ListedPage MemoryTier::list(const CacheQuery& q) const {
  const bool by_key = q.sort == ListingSort::key;
  // Keyset paging: only keys past the cursor, in the listing's direction.
  auto past_cursor = [&](const std::string& key) {
    if (!by_key) return true;
    if (!q.descending) return key > q.cursor;
    return q.cursor.empty() || key < q.cursor;
  };
  std::vector<ListedObject> found;
  std::uint64_t total = 0;
  auto visit = [&](const CachedObjectPtr& o, std::uint32_t hits) {
    // Without a count nothing before the cursor needs screening (the old, cheaper path).
    const bool wanted = past_cursor(o->key);
    if (!wanted && !q.count) return;
    if (q.kind && *q.kind != PurgeKind::tag && !purge_selects(*q.kind, q.value, *o)) return;
    auto screened = q.screen ? q.screen(o) : o;
    if (!screened) return;
    ++total;
    if (wanted) found.push_back({std::move(screened), o->charge(), hits});
  };
  if (q.kind == PurgeKind::tag)
    for_each_tagged(q.value, visit);
  else if (q.kind == PurgeKind::url)
    for_each_variant(q.value, visit);
  else
    for_each(visit);

  if (!by_key) return offset_page(std::move(found), q);
  auto in_order = [&](const ListedObject& a, const ListedObject& b) {
    return q.descending ? a.object->key > b.object->key : a.object->key < b.object->key;
  };
  ListedPage page;
  if (q.count) page.total = total;
  if (found.size() > q.limit) {
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(q.limit), found.end(), in_order);
    found.resize(q.limit);
    page.next_cursor = found.back().object->key;
  } else {
    std::sort(found.begin(), found.end(), in_order);
  }
  page.objects = std::move(found);
  return page;
}

}  // namespace edgelab
