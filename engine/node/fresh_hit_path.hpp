#pragma once
// The hot path: a GET or HEAD for an object that is fresh in L1 is answered
// straight from the connection, without a RequestFlow, building its keys in
// the connection's scratch buffers. Anything else (a miss, a stale object, a
// conditional request, a loop check that trips) returns false and takes the
// full RequestFlow.
#include "http/http_exchange.hpp"

namespace edgelab {

class EdgeNode;

bool serve_fresh_l1_hit(EdgeNode& node, HttpExchange& client);

}  // namespace edgelab
