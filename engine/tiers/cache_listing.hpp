#pragma once
// What an admin listing asks a tier for, and what comes back.
#include "cache/cached_object.hpp"
#include "purge/purge_types.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace edgelab {

// sort=key pages by keyset (the cursor is the last key shown), which the
// controller's purge verification relies on; the other orders page by offset.
enum class ListingSort { key, size, hits, age, ttl };
std::optional<ListingSort> parse_listing_sort(std::string_view text);

struct CacheQuery {
  // url / prefix / tag narrow the listing the way a purge would select;
  // nullopt (or all) lists everything.
  std::optional<PurgeKind> kind;
  std::string value;
  std::string cursor;  // sort=key: keys strictly after this one (before it, descending)
  std::size_t limit = 100;
  ListingSort sort = ListingSort::key;
  bool descending = false;   // the exact reverse of the ascending order, ties included
  std::uint64_t offset = 0;  // other sorts: objects skipped in that order
  bool count = false;        // also count every object the filters and the screen let through
  std::int64_t now = 0;      // Unix seconds age and ttl are taken at
  // L2 reads at most this many rows for a sorted page or a count, so one
  // request cannot hold the disk thread over a huge index.
  std::size_t max_rows_read = 200'000;
  // Applied to each candidate before it counts toward `limit`: returns the
  // object as the node would see it (purge floors applied), or null to skip.
  // Runs on the tier's thread, so it must only use what it captured.
  std::function<CachedObjectPtr(CachedObjectPtr)> screen;
};

struct ListedObject {
  CachedObjectPtr object;  // metadata; the body may be absent (L2)
  std::uint64_t size = 0;  // bytes the tier charges for it
  std::uint64_t hits = 0;
};

struct ListedPage {
  std::vector<ListedObject> objects;  // in the query's order
  std::string next_cursor;            // empty when there is nothing after
  std::optional<std::uint64_t> total;  // with CacheQuery::count
  std::string error;                   // no page: the query asked too much of the tier (a 400)...
  bool internal_error = false;         // ...or the tier failed (a 500)
};

// The value an object sorts by (not for sort=key).
std::int64_t listing_sort_value(ListingSort sort, const ListedObject& listed, std::int64_t now);
// The query's total order: by value, then by key.
bool listing_before(const CacheQuery& query, std::int64_t value_a, std::string_view key_a, std::int64_t value_b,
                    std::string_view key_b);
// The page an offset-sorted listing shows of `found` (every object that passed
// the screen): sorts only as far as needed, then skips and takes.
ListedPage offset_page(std::vector<ListedObject> found, const CacheQuery& query);
// The 400 when more rows would have to be read than the query allows;
// `what` is the parameter that asked for it (sort or count).
std::string too_many_rows_message(std::string_view what, std::size_t max_rows);

}  // namespace edgelab
