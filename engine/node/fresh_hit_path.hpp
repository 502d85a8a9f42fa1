#pragma once
// The fresh_hit step of the request path (request_steps.hpp), the hot path: a
// GET or HEAD for an object that is fresh in L1 is answered straight from the
// connection, before any RequestFlow exists, building its keys in the
// connection's scratch buffers. Anything else (a miss, a stale object, a
// conditional request, a loop check that trips) returns false, and a
// RequestFlow starts at recv.
#include "http/http_exchange.hpp"

namespace edgelab {

class EdgeNode;

// `looked_up` is set when it looked the object up in L1 (and so counted the
// request for admission), answered or not.
bool serve_fresh_l1_hit(EdgeNode& node, HttpExchange& client, bool& looked_up);

}  // namespace edgelab
