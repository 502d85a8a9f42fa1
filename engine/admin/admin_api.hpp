#pragma once
// The admin API on a node's admin listener: JSON over HTTP/1.1 under
// /admin/v1/, plus /metrics and /health. Every endpoint but /health needs
// "Authorization: Bearer <token>"; a refusal is a 401 with a JSON error and
// is counted.
#include "http/http_exchange.hpp"

#include <memory>

namespace edgelab {

class EdgeNode;

class AdminApi {
 public:
  static void handle(EdgeNode& node, const HttpExchangePtr& exchange);
};

}  // namespace edgelab
