#pragma once
// Responses a node generates itself, and the per-request tail of a cached
// response's header, kept apart from the request state machine.
#include "cache/cached_object.hpp"
#include "http/http_exchange.hpp"
#include "node/cache_status.hpp"

#include <string>
#include <string_view>

namespace edgelab {

struct DeliveryContext {
  std::string_view node_name;
  std::int64_t now = 0;
  bool keep_alive = true;
  bool to_child_node = false;  // the client is another EdgeLab node: Surrogate-Control goes along
};

// Date, Age, Cache-Status (upstream members then ours), Surrogate-Control for
// child nodes, Connection: close when needed, and the blank line.
void append_dynamic_headers(std::string& out, const CachedObject& object, const CacheStatusNote& note,
                            const DeliveryContext& context);
Response make_not_modified(const CachedObject& object, const CacheStatusNote& note, const DeliveryContext& context);
Response make_error_response(http::status status, std::string_view message, const DeliveryContext& context);

// Writes a stored object: its pre-serialized header, the per-request tail
// (formatted into the connection's scratch buffer) and the body, in one gather
// write. Returns the body bytes sent.
// `header_block`, when given, replaces the object's own (an edge script's edits).
std::uint64_t write_cached_object(HttpExchange& client, const CachedObjectPtr& object, const CacheStatusNote& note,
                                  const DeliveryContext& context, bool head_only,
                                  const std::string* header_block = nullptr);

// RFC 9110 §13.1: If-None-Match (weak comparison), else If-Modified-Since.
bool client_validators_match(const RequestFields& request, const CachedObject& object);

}  // namespace edgelab
