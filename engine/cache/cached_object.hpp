#pragma once
// An immutable stored response. Its status line and end-to-end headers are
// serialized once, at store time, so a hit writes them with the body in one
// gather write; only Age and Cache-Status are formatted per request.
#include "cache/freshness_policy.hpp"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace edgelab {

struct CachedObject {
  std::string key;          // the variant key (primary key + Vary values)
  std::string primary_key;  // host + path + normalized query
  unsigned status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // end-to-end, as delivered
  std::string header_block;  // status line + headers + Content-Length, without the final CRLF
  std::shared_ptr<const std::string> body;
  std::string upstream_cache_status;  // the Cache-Status members of the tiers above
  std::string surrogate_control;      // passed to child nodes only, stripped for clients
  std::string etag;
  std::string last_modified;
  std::vector<std::string> vary_names;
  std::vector<std::string> tags;   // Surrogate-Key and Cache-Tag values
  std::int64_t response_time = 0;  // Unix seconds, when the response (or its 304) arrived
  std::int64_t initial_age = 0;    // corrected initial age at response_time
  std::int64_t lifetime = 0;
  std::int64_t stale_while_revalidate = 0;
  std::int64_t stale_if_error = 0;
  bool must_revalidate = false;
  bool no_cache = false;
  // The node's purge sequence when the fetch that produced this object began:
  // a purge with a higher sequence happened after it and may select it.
  std::uint64_t purge_epoch = 0;

  std::int64_t current_age(std::int64_t now) const {
    return initial_age + std::max<std::int64_t>(0, now - response_time);
  }
  bool is_fresh(std::int64_t now) const { return !no_cache && current_age(now) < lifetime; }
  std::int64_t ttl(std::int64_t now) const { return lifetime - current_age(now); }
  // May be served stale while one refresh runs (RFC 5861).
  bool within_stale_while_revalidate(std::int64_t now) const {
    return !must_revalidate && !no_cache && current_age(now) < lifetime + stale_while_revalidate;
  }
  bool within_stale_if_error(std::int64_t now) const {
    return !must_revalidate && current_age(now) < lifetime + stale_if_error;
  }
  bool has_validator() const { return !etag.empty() || !last_modified.empty(); }
  // Bytes this object costs a tier: body, serialized headers and bookkeeping.
  std::size_t charge() const;
};

using CachedObjectPtr = std::shared_ptr<const CachedObject>;

// Builds the stored form of an upstream response. Hop-by-hop fields, Age,
// Cache-Status and Surrogate-Control are taken out of the delivered headers.
// `announced_length` stands in for the body's size while it is still arriving.
std::shared_ptr<CachedObject> make_cached_object(std::string key, std::string primary_key,
                                                 std::vector<std::string> vary_names,
                                                 const http::response_header<>& response,
                                                 std::shared_ptr<const std::string> body, const StoreDecision& decision,
                                                 std::int64_t request_time, std::int64_t response_time,
                                                 std::optional<std::uint64_t> announced_length = std::nullopt);

// The stored form of an upstream response to `request`: storage decision,
// Vary names and variant key included.
std::shared_ptr<CachedObject> object_from_upstream(const RequestFields& request, const std::string& primary_key,
                                                   const http::response_header<>& response,
                                                   std::shared_ptr<const std::string> body, const StorePolicy& policy,
                                                   std::int64_t request_time, std::int64_t response_time,
                                                   std::optional<std::uint64_t> announced_length = std::nullopt);

// A 304 from upstream refreshes the stored headers and the clock (RFC 9111 §4.3.4).
// Freshness is evaluated again on the merged headers.
std::shared_ptr<CachedObject> refresh_cached_object(const CachedObject& stored, const http::fields& not_modified,
                                                    const RequestFields& request, const StorePolicy& policy,
                                                    std::int64_t request_time, std::int64_t response_time);

// Rebuilds header_block from status and headers.
void serialize_header_block(CachedObject& object, std::optional<std::uint64_t> content_length = std::nullopt);

// A soft purge: a copy that went stale at Unix second `stale_at` (its
// lifetime ends there), so stale-while-revalidate and stale-if-error count
// from the purge and a validator still allows a 304 refresh.
std::shared_ptr<CachedObject> stale_copy(const CachedObject& object, std::int64_t stale_at);

// Tags named by Surrogate-Key (space separated) and Cache-Tag (comma separated).
std::vector<std::string> parse_tags(const http::fields& response);

}  // namespace edgelab
