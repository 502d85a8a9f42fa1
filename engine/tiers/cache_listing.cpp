#include "tiers/cache_listing.hpp"

#include <algorithm>

namespace edgelab {

std::optional<ListingSort> parse_listing_sort(std::string_view text) {
  if (text == "key") return ListingSort::key;
  if (text == "size") return ListingSort::size;
  if (text == "hits") return ListingSort::hits;
  if (text == "age") return ListingSort::age;
  if (text == "ttl") return ListingSort::ttl;
  return std::nullopt;
}

std::int64_t listing_sort_value(ListingSort sort, const ListedObject& listed, std::int64_t now) {
  switch (sort) {
    case ListingSort::size:
      return static_cast<std::int64_t>(listed.size);
    case ListingSort::hits:
      return static_cast<std::int64_t>(listed.hits);
    case ListingSort::age:
      return listed.object->current_age(now);
    case ListingSort::ttl:
      return listed.object->ttl(now);
    case ListingSort::key:
      break;
  }
  return 0;
}

bool listing_before(const CacheQuery& query, std::int64_t value_a, std::string_view key_a, std::int64_t value_b,
                    std::string_view key_b) {
  if (query.descending) {
    std::swap(value_a, value_b);
    std::swap(key_a, key_b);
  }
  return value_a != value_b ? value_a < value_b : key_a < key_b;
}

ListedPage offset_page(std::vector<ListedObject> found, const CacheQuery& query) {
  ListedPage page;
  if (query.count) page.total = found.size();
  if (query.offset >= found.size()) return page;
  struct Ranked {
    std::int64_t value;
    std::size_t index;
  };
  // Values computed once: age and ttl would otherwise be worked out in every comparison.
  std::vector<Ranked> ranked;
  ranked.reserve(found.size());
  for (std::size_t i = 0; i < found.size(); ++i)
    ranked.push_back({listing_sort_value(query.sort, found[i], query.now), i});
  auto before = [&](const Ranked& a, const Ranked& b) {
    return listing_before(query, a.value, found[a.index].object->key, b.value, found[b.index].object->key);
  };
  const std::size_t end = static_cast<std::size_t>(std::min<std::uint64_t>(found.size(), query.offset + query.limit));
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(end), ranked.end(), before);
  for (std::size_t i = static_cast<std::size_t>(query.offset); i < end; ++i)
    page.objects.push_back(std::move(found[ranked[i].index]));
  if (end < found.size()) page.next_cursor = std::to_string(end);
  return page;
}

std::string too_many_rows_message(std::string_view what, std::size_t max_rows) {
  return std::string(what) + ": more than " + std::to_string(max_rows) +
         " objects match in L2; narrow by prefix, tag or url";
}

}  // namespace edgelab
