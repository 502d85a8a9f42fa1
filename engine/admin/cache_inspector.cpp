#include "admin/cache_inspector.hpp"

#include "node/edge_node.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace edgelab {
namespace json = boost::json;
namespace {

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

json::object entry_json(const ListedObject& listed, std::string_view tier, std::int64_t now) {
  const CachedObject& o = *listed.object;
  return json::object{{"key", o.key},
                      {"url", o.primary_key},
                      {"tier", tier},
                      {"status", o.status},
                      {"size", listed.size},
                      {"age", o.current_age(now)},
                      {"ttl", o.ttl(now)},
                      {"stale", !o.is_fresh(now)},
                      {"tags", json::array(o.tags.begin(), o.tags.end())},
                      {"hits", listed.hits},
                      {"epoch", o.purge_epoch}};
}

json::object page_json(const ListedPage& page, std::string_view tier, std::int64_t now) {
  json::array entries;
  for (const auto& listed : page.objects) entries.push_back(entry_json(listed, tier, now));
  json::object out{{"entries", std::move(entries)}};
  out["next_cursor"] = page.next_cursor.empty() ? json::value(nullptr) : json::value(page.next_cursor);
  if (page.total) out["total"] = *page.total;
  return out;
}

// Which objects a listing keeps by freshness, judged after the purges.
enum class Freshness { any, fresh, stale };

// How lookups see an object now, for listings: purges applied (for L2 also
// those recorded but not yet carried out on its rows), and the caller's
// filters (fresh or stale only, stamped before a purge sequence). L2 runs it
// on the disk thread: the ledger is shared, the rest captured.
std::function<CachedObjectPtr(CachedObjectPtr)> make_screen(std::shared_ptr<const PurgeLedger> ledger, bool l2,
                                                            Freshness keep, std::uint64_t before_seq,
                                                            std::int64_t now) {
  const std::optional<std::uint64_t> since = l2 ? std::optional(ledger->l2_applied()) : std::nullopt;
  return [ledger, since, keep, before_seq, now](CachedObjectPtr o) -> CachedObjectPtr {
    if (before_seq && o->purge_epoch >= before_seq) return nullptr;
    const PurgeScreen screen = ledger->judge(*o, since);
    const std::uint64_t epoch = o->purge_epoch;
    o = apply_screen(std::move(o), screen, epoch);
    if (!o || (keep == Freshness::fresh && !o->is_fresh(now)) || (keep == Freshness::stale && o->is_fresh(now)))
      return nullptr;
    return o;
  };
}

// A page the tier could not make: the query asked too much of it (400) or it failed (500).
Response page_error(const ListedPage& page, bool keep_alive) {
  return json_error(page.internal_error ? http::status::internal_server_error : http::status::bad_request, page.error,
                    keep_alive);
}

}  // namespace

void CacheInspector::list(EdgeNode& node, const QueryParams& params, const HttpExchangePtr& exchange) {
  const bool keep = exchange->keep_alive();
  auto bad = [&](std::string_view message) {
    exchange->respond(json_error(http::status::bad_request, message, keep));
  };
  if (auto name = params.unknown({"tier", "url", "prefix", "tag", "limit", "cursor", "fresh", "stale", "before_seq",
                                  "sort", "order", "count"}))
    return bad("unknown parameter \"" + *name + "\"");
  std::string error;
  const auto limit = params.get_uint("limit", 100, 1, 1000, error);
  const auto fresh = params.get_bool("fresh", false, error);
  const auto stale = params.get_bool("stale", false, error);
  const auto count = params.get_bool("count", false, error);
  const auto before = params.get_uint("before_seq", 0, 0, UINT64_MAX, error);
  if (!limit || !fresh || !stale || !count || !before) return bad(error);
  if (*fresh && *stale) return bad("fresh and stale exclude each other");
  const auto tier = params.get("tier").value_or("");
  if (!tier.empty() && tier != "L1" && tier != "L2") return bad("tier: expected L1 or L2");
  if (tier == "L2" && !node.l2()) return bad("tier: this node has no L2");

  CacheQuery query;
  query.limit = *limit;
  query.count = *count;
  const std::string sort = params.get("sort").value_or("key");
  const auto by = parse_listing_sort(sort);
  if (!by) return bad("sort: expected key, size, hits, age or ttl, got \"" + sort + "\"");
  query.sort = *by;
  const std::string order = params.get("order").value_or("asc");
  if (order != "asc" && order != "desc") return bad("order: expected asc or desc, got \"" + order + "\"");
  query.descending = order == "desc";
  query.cursor = params.get("cursor").value_or("");
  if (query.sort != ListingSort::key && !query.cursor.empty()) {
    // Offsets, not keys: the next_cursor of the previous page in this order.
    const auto offset = params.get_uint("cursor", 0, 0, UINT64_MAX, error);
    if (!offset)
      return bad("cursor: expected the decimal offset a sort=" + sort + " page gave as next_cursor, got \"" +
                 query.cursor + "\"");
    query.offset = *offset;
  }
  int filters = 0;
  if (auto url = params.get("url")) {
    auto key = url_to_primary_key(*url, node.keys());
    if (!key) return bad("url: expected a URL with a host, such as \"http://www.example.com/path\"");
    query.kind = PurgeKind::url;
    query.value = *key;
    ++filters;
  }
  if (auto prefix = params.get("prefix")) {
    auto value = url_to_key_prefix(*prefix);
    if (!value) return bad("prefix: expected a URL prefix with a host, such as \"http://www.example.com/img/\"");
    query.kind = PurgeKind::prefix;
    query.value = *value;
    ++filters;
  }
  if (auto tag = params.get("tag")) {
    query.kind = PurgeKind::tag;
    query.value = *tag;
    ++filters;
  }
  if (filters > 1) return bad("url, prefix and tag exclude each other");
  const std::int64_t now = unix_now();
  query.now = now;
  const Freshness freshness = *fresh ? Freshness::fresh : *stale ? Freshness::stale : Freshness::any;
  query.screen = make_screen(node.purges_ptr(), false, freshness, *before, now);

  json::object tiers;
  if (tier.empty() || tier == "L1") tiers["L1"] = page_json(node.l1().list(query), "L1", now);
  if (!node.l2() || tier == "L1")
    return exchange->respond(json_response(http::status::ok, json::object{{"tiers", std::move(tiers)}}, keep));
  query.screen = make_screen(node.purges_ptr(), true, freshness, *before, now);
  node.l2()->async_list(query, exchange->executor(),
                        [exchange, keep, now, tiers = std::move(tiers)](ListedPage page) mutable {
                          if (!page.error.empty()) return exchange->respond(page_error(page, keep));
                          tiers["L2"] = page_json(page, "L2", now);
                          exchange->respond(
                              json_response(http::status::ok, json::object{{"tiers", std::move(tiers)}}, keep));
                        });
}

void CacheInspector::object(EdgeNode& node, const QueryParams& params, const HttpExchangePtr& exchange) {
  const bool keep = exchange->keep_alive();
  auto text = params.get("url");
  if (!text) text = params.get("key");
  if (!text) return exchange->respond(json_error(http::status::bad_request, "url (or key): required", keep));
  auto primary = url_to_primary_key(*text, node.keys());
  if (!primary) return exchange->respond(json_error(http::status::bad_request, "url: expected a URL with a host", keep));
  const std::int64_t now = unix_now();
  auto screen = make_screen(node.purges_ptr(), false, Freshness::any, 0, now);
  auto l2_screen = make_screen(node.purges_ptr(), true, Freshness::any, 0, now);

  // key -> its JSON, merged over the tiers
  auto variants = std::make_shared<std::map<std::string, json::object>>();
  auto add = [variants, now](const ListedObject& listed, std::string_view tier) {
    const CachedObject& o = *listed.object;
    auto [it, fresh_entry] = variants->try_emplace(o.key);
    json::object& v = it->second;
    if (fresh_entry) {
      json::array headers;
      for (const auto& [name, value] : o.headers) headers.push_back(json::array{json::string(name), json::string(value)});
      v = json::object{{"key", o.key},
                       {"status", o.status},
                       {"headers", std::move(headers)},
                       {"age", o.current_age(now)},
                       {"ttl", o.ttl(now)},
                       {"stale", !o.is_fresh(now)},
                       {"tags", json::array(o.tags.begin(), o.tags.end())},
                       {"vary", json::array(o.vary_names.begin(), o.vary_names.end())},
                       {"tiers", json::array{}},
                       {"hits", json::object{}},
                       {"size", listed.size}};
    }
    v["tiers"].as_array().push_back(json::string(tier));
    v["hits"].as_object()[tier] = listed.hits;
  };
  node.l1().for_each_variant(*primary, [&](const CachedObjectPtr& o, std::uint32_t hits) {
    if (auto seen = screen(o)) add({seen, o->charge(), hits}, "L1");
  });
  auto respond = [exchange, keep, variants, key = *primary] {
    if (variants->empty())
      return exchange->respond(json_error(http::status::not_found, "not cached: " + key, keep));
    json::array list;
    for (auto& [k, v] : *variants) list.push_back(std::move(v));
    exchange->respond(
        json_response(http::status::ok, json::object{{"url", key}, {"variants", std::move(list)}}, keep));
  };
  if (!node.l2()) return respond();
  node.l2()->async_variants(*primary, exchange->executor(),
                            [l2_screen, add, respond](std::vector<ListedObject> stored) {
                              for (auto& listed : stored)
                                if ((listed.object = l2_screen(listed.object))) add(listed, "L2");
                              respond();
                            });
}

}  // namespace edgelab
