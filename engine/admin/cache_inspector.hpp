#pragma once
// GET /admin/v1/cache (a paged listing per tier) and /admin/v1/cache/object
// (one URL: its variants, the tiers holding each, headers, age, TTL, tags).
// Both show objects as lookups would see them: purge-all floors applied.
#include "admin/admin_http.hpp"
#include "http/http_exchange.hpp"

namespace edgelab {

class EdgeNode;

class CacheInspector {
 public:
  static void list(EdgeNode& node, const QueryParams& params, const HttpExchangePtr& exchange);
  static void object(EdgeNode& node, const QueryParams& params, const HttpExchangePtr& exchange);
};

}  // namespace edgelab
