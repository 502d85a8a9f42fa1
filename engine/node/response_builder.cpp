#include "node/response_builder.hpp"

#include "cache/http_date.hpp"

#include <boost/beast/core/string.hpp>

#include <array>

namespace edgelab {
namespace {

bool etag_matches(std::string_view list, std::string_view etag) {
  auto strip_weak = [](std::string_view t) { return t.substr(0, 2) == "W/" ? t.substr(2) : t; };
  etag = strip_weak(etag);
  while (!list.empty()) {
    auto comma = list.find(',');
    std::string_view token = list.substr(0, comma);
    list.remove_prefix(comma == std::string_view::npos ? list.size() : comma + 1);
    while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
    while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
    if (token == "*" || strip_weak(token) == etag) return true;
  }
  return false;
}

std::string cache_status_of(const CachedObject* object, const CacheStatusNote& note, std::string_view node_name) {
  std::string status = object ? object->upstream_cache_status : std::string();
  if (!status.empty()) status += ", ";
  append_cache_status(status, node_name, note);
  return status;
}

}  // namespace

void append_dynamic_headers(std::string& s, const CachedObject& object, const CacheStatusNote& note,
                            const DeliveryContext& context) {
  // Date is the stored response's own, in its header block.
  s += "Age: ";
  s += std::to_string(object.current_age(context.now));
  s += "\r\nCache-Status: ";
  if (!object.upstream_cache_status.empty()) {
    s += object.upstream_cache_status;
    s += ", ";
  }
  append_cache_status(s, context.node_name, note);
  s += "\r\n";
  if (context.to_child_node && !object.surrogate_control.empty()) {
    s += "Surrogate-Control: ";
    s += object.surrogate_control;
    s += "\r\n";
  }
  if (!context.keep_alive) s += "Connection: close\r\n";
  s += "\r\n";
}

Response make_not_modified(const CachedObject& object, const CacheStatusNote& note, const DeliveryContext& context) {
  Response res{http::status::not_modified, 11};
  for (const auto& [name, value] : object.headers) {
    for (std::string_view keep : {"ETag", "Cache-Control", "Expires", "Vary", "Content-Location", "Last-Modified"})
      if (beast::iequals(name, keep)) res.insert(name, value);
  }
  // The Date the 200 from cache would carry (RFC 9110 15.4.5).
  for (const auto& [name, value] : object.headers)
    if (beast::iequals(name, "Date")) res.set(http::field::date, value);
  if (res.find(http::field::date) == res.end()) res.set(http::field::date, current_http_date(context.now));
  res.set(http::field::age, std::to_string(object.current_age(context.now)));
  res.set("Cache-Status", cache_status_of(&object, note, context.node_name));
  res.keep_alive(context.keep_alive);
  return res;
}

Response make_error_response(http::status status, std::string_view message, const DeliveryContext& context) {
  Response res{status, 11};
  res.set(http::field::content_type, "text/plain; charset=utf-8");
  res.set(http::field::date, current_http_date(context.now));
  res.set("Cache-Status", cache_status_of(nullptr, {.fwd = "uri-miss", .detail = "error"}, context.node_name));
  res.body() = std::string(message) + "\n";
  res.keep_alive(context.keep_alive);
  res.prepare_payload();
  return res;
}

std::uint64_t write_cached_object(HttpExchange& client, const CachedObjectPtr& object, const CacheStatusNote& note,
                                  const DeliveryContext& context, bool head_only, const std::string* header_block) {
  std::string& tail = client.scratch(HttpExchange::Scratch::head_tail);
  tail.clear();
  append_dynamic_headers(tail, *object, note, context);
  std::array<net::const_buffer, 3> buffers{net::buffer(header_block ? *header_block : object->header_block),
                                           net::buffer(tail), net::const_buffer{}};
  std::size_t count = 2;
  std::uint64_t body_bytes = 0;
  if (!head_only && object->body && !object->body->empty()) {
    buffers[2] = net::buffer(*object->body);
    count = 3;
    body_bytes = object->body->size();
  }
  client.respond_buffers(std::span<const net::const_buffer>(buffers.data(), count), context.keep_alive, object);
  return body_bytes;
}

bool client_validators_match(const RequestFields& request, const CachedObject& object) {
  if (auto inm = request.find(http::field::if_none_match); inm != request.end())
    return !object.etag.empty() && etag_matches(inm->value(), object.etag);
  if (auto ims = request.find(http::field::if_modified_since); ims != request.end()) {
    auto since = parse_http_date(ims->value());
    auto modified = parse_http_date(object.last_modified);
    return since && modified && *modified <= *since;
  }
  return false;
}

}  // namespace edgelab
