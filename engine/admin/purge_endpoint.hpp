#pragma once
// POST /admin/v1/purge, GET /admin/v1/purges (the node's purge log) and
// GET /admin/v1/events (long-poll), plus the PURGE method on the data port.
#include "admin/admin_http.hpp"
#include "http/http_exchange.hpp"
#include "purge/purge_types.hpp"

#include <boost/json/object.hpp>

namespace edgelab {

class EdgeNode;

class PurgeEndpoint {
 public:
  static void purge(EdgeNode& node, const HttpExchangePtr& exchange);
  static void log(EdgeNode& node, const QueryParams& params, const HttpExchangePtr& exchange);
  static void events(EdgeNode& node, const QueryParams& params, const HttpExchangePtr& exchange);
  // `PURGE /path` with a Host header on the data port: one URL, hard, unless
  // the request carries "Soft-Purge: 1". Source addresses are checked first.
  static void purge_method(EdgeNode& node, const HttpExchangePtr& exchange);
};

boost::json::object purge_record_json(const PurgeRecord& record);

}  // namespace edgelab
