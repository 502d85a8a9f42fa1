#pragma once
// What a node sends upstream and what it strips on the way back.
#include "cache/cached_object.hpp"
#include "http/http_exchange.hpp"
#include "http/upstream_pool.hpp"

#include <string_view>

namespace edgelab {

// The token this CDN puts in CDN-Loop (RFC 8586).
inline constexpr std::string_view kCdnLoopToken = "edgelab";
// Hops after which a request is taken to be looping.
inline constexpr int kMaxCdnHops = 8;

// How many times our token already appears in the request's CDN-Loop.
int cdn_hops(const RequestFields& request);

enum class ForwardMode {
  cacheable_fetch,  // GET for storing: the client's conditionals and HEAD are not forwarded
  revalidate,       // like cacheable_fetch, plus the stored object's validators
  pass,             // the client's request as is (minus hop-by-hop fields)
};

// Builds the request to send upstream from the client's.
std::shared_ptr<Request> make_upstream_request(const Request& client, ForwardMode mode, const CachedObject* stale,
                                               std::string_view node_name, const net::ip::address& client_address);

// Takes hop-by-hop fields out of a response that is relayed, not stored.
void strip_hop_by_hop(http::response_header<>& header);

// Forwards a 103 Early Hints from upstream to the client ahead of the final
// response (as Cloudflare and Fastly do); never stored. Empty for a client
// that may not receive 1xx (HTTP/1.0, RFC 9110 15.2) or when there is none.
UpstreamPool::InterimHandler early_hints_forwarder(const HttpExchangePtr& client);

}  // namespace edgelab
