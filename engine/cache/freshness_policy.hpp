#pragma once
// Whether a response may be stored by a shared cache, and for how long it stays
// fresh (RFC 9111 §3, §4.2; RFC 9213 CDN-Cache-Control; Surrogate-Control).
#include "http/http_types.hpp"

#include <cstdint>
#include <string_view>

namespace edgelab {

struct StorePolicy {
  bool cache_set_cookie = false;
};

struct StoreDecision {
  bool storable = false;
  std::string_view reason;    // why not, when not storable
  std::int64_t lifetime = 0;  // seconds of freshness from the response's generation
  bool heuristic = false;
  std::int64_t stale_while_revalidate = 0;
  std::int64_t stale_if_error = 0;
  bool must_revalidate = false;  // never served stale (must-revalidate, proxy-revalidate, s-maxage)
  bool no_cache = false;         // stored, but validated before every reuse
};

// `response_time` is when the response arrived (Unix seconds); used when the
// response carries no Date.
StoreDecision decide_storage(http::verb method, const RequestFields& request, unsigned status,
                             const http::fields& response, std::int64_t response_time, const StorePolicy& policy);

// RFC 9111 §4.2.3: the age the response already had when it arrived here,
// counting the upstream's Age and the round trip.
std::int64_t corrected_initial_age(const http::fields& response, std::int64_t request_time, std::int64_t response_time);

// A status a cache may store with heuristic freshness (RFC 9110 §15.1).
bool is_heuristically_cacheable(unsigned status);
// Hop-by-hop fields (RFC 9110 §7.6.1) are not forwarded, nor those named in Connection.
bool is_hop_by_hop(std::string_view name, const http::fields& message);
bool is_hop_by_hop(std::string_view name, const RequestFields& message);

}  // namespace edgelab
