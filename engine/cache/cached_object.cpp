#include "cache/cached_object.hpp"

#include "cache/cache_key.hpp"
#include "cache/http_date.hpp"

#include <boost/beast/core/string.hpp>

#include <algorithm>

namespace edgelab {
namespace {

bool is_managed_here(std::string_view name) {
  // Fields this node sets itself on delivery, or keeps out of clients' view.
  // Date is not one: a stored response keeps the Date it came with (RFC 9110
  // 6.6.1), and Age says how old it is.
  return beast::iequals(name, "Age") || beast::iequals(name, "Cache-Status") ||
         beast::iequals(name, "Surrogate-Control") || beast::iequals(name, "Content-Length");
}

std::string joined_values(const http::fields& f, std::string_view name, char separator) {
  std::string out;
  for (auto [it, end] = f.equal_range(name); it != end; ++it) {
    if (!out.empty()) out += separator;
    out.append(it->value().data(), it->value().size());
  }
  return out;
}

void apply_decision(CachedObject& o, const StoreDecision& d) {
  o.lifetime = d.lifetime;
  o.stale_while_revalidate = d.stale_while_revalidate;
  o.stale_if_error = d.stale_if_error;
  o.must_revalidate = d.must_revalidate;
  o.no_cache = d.no_cache;
}

bool has_date(const CachedObject& o) {
  return std::any_of(o.headers.begin(), o.headers.end(), [](const auto& h) { return beast::iequals(h.first, "Date"); });
}

}  // namespace

std::size_t CachedObject::charge() const {
  std::size_t n = sizeof(CachedObject) + key.size() + primary_key.size() + header_block.size() +
                  upstream_cache_status.size() + surrogate_control.size() + etag.size() + last_modified.size();
  for (const auto& [k, v] : headers) n += k.size() + v.size() + 2 * sizeof(std::string);
  for (const auto& t : tags) n += t.size() + sizeof(std::string);
  if (body) n += body->size();
  return n;
}

std::shared_ptr<CachedObject> stale_copy(const CachedObject& object, std::int64_t stale_at) {
  auto copy = std::make_shared<CachedObject>(object);
  copy->lifetime = std::min(copy->lifetime, copy->current_age(stale_at));
  return copy;
}

std::vector<std::string> parse_tags(const http::fields& response) {
  std::vector<std::string> tags;
  auto split = [&tags](std::string_view list, auto is_separator) {
    std::size_t start = 0;
    for (std::size_t i = 0; i <= list.size(); ++i) {
      if (i == list.size() || is_separator(list[i])) {
        if (i > start) tags.emplace_back(list.substr(start, i - start));
        start = i + 1;
      }
    }
  };
  for (auto [it, end] = response.equal_range("Surrogate-Key"); it != end; ++it)
    split(it->value(), [](char c) { return c == ' ' || c == '\t'; });
  for (auto [it, end] = response.equal_range("Cache-Tag"); it != end; ++it)
    split(it->value(), [](char c) { return c == ',' || c == ' '; });
  std::sort(tags.begin(), tags.end());
  tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
  return tags;
}

void serialize_header_block(CachedObject& o, std::optional<std::uint64_t> content_length) {
  // A response without a Date is given the time it was received (RFC 9110
  // 6.6.1), once: objects stored before Date was kept get it here on load.
  if (!has_date(o)) o.headers.emplace_back("Date", format_http_date(o.response_time));
  std::string& b = o.header_block;
  b.clear();
  b += "HTTP/1.1 ";
  b += std::to_string(o.status);
  b += ' ';
  b += std::string_view(http::obsolete_reason(static_cast<http::status>(o.status)));
  b += "\r\n";
  for (const auto& [name, value] : o.headers) {
    b += name;
    b += ": ";
    b += value;
    b += "\r\n";
  }
  b += "Content-Length: ";
  b += std::to_string(content_length ? *content_length : o.body ? o.body->size() : 0);
  b += "\r\n";
}

std::shared_ptr<CachedObject> make_cached_object(std::string key, std::string primary_key,
                                                 std::vector<std::string> vary_names,
                                                 const http::response_header<>& response,
                                                 std::shared_ptr<const std::string> body, const StoreDecision& decision,
                                                 std::int64_t request_time, std::int64_t response_time,
                                                 std::optional<std::uint64_t> announced_length) {
  auto o = std::make_shared<CachedObject>();
  o->key = std::move(key);
  o->primary_key = std::move(primary_key);
  o->vary_names = std::move(vary_names);
  o->status = static_cast<unsigned>(response.result_int());
  for (const auto& f : response) {
    std::string_view name = f.name_string();
    if (is_managed_here(name) || is_hop_by_hop(name, response)) continue;
    // One Date, and a valid one: else serialize_header_block records when it arrived.
    if (beast::iequals(name, "Date") && (has_date(*o) || !parse_http_date(f.value()))) continue;
    o->headers.emplace_back(std::string(name), std::string(f.value()));
  }
  o->body = body ? std::move(body) : std::make_shared<const std::string>();
  o->upstream_cache_status = joined_values(response, "Cache-Status", ',');
  o->surrogate_control = joined_values(response, "Surrogate-Control", ',');
  o->etag = std::string(response[http::field::etag]);
  o->last_modified = std::string(response[http::field::last_modified]);
  o->tags = parse_tags(response);
  o->response_time = response_time;
  o->initial_age = corrected_initial_age(response, request_time, response_time);
  apply_decision(*o, decision);
  serialize_header_block(*o, announced_length);
  return o;
}

std::shared_ptr<CachedObject> object_from_upstream(const RequestFields& request, const std::string& primary_key,
                                                   const http::response_header<>& response,
                                                   std::shared_ptr<const std::string> body, const StorePolicy& policy,
                                                   std::int64_t request_time, std::int64_t response_time,
                                                   std::optional<std::uint64_t> announced_length) {
  const StoreDecision decision = decide_storage(http::verb::get, request, static_cast<unsigned>(response.result_int()),
                                                response, response_time, policy);
  std::vector<std::string> vary;
  parse_vary(response, vary);
  std::string key = primary_key;
  if (!vary.empty()) variant_key(primary_key, vary, request, key);
  return make_cached_object(std::move(key), primary_key, std::move(vary), response, std::move(body), decision,
                            request_time, response_time, announced_length);
}

std::shared_ptr<CachedObject> refresh_cached_object(const CachedObject& stored, const http::fields& not_modified,
                                                    const RequestFields& request, const StorePolicy& policy,
                                                    std::int64_t request_time, std::int64_t response_time) {
  auto o = std::make_shared<CachedObject>(stored);
  // Fields in the 304 replace the stored ones of the same name (RFC 9111 §3.2).
  for (const auto& f : not_modified) {
    std::string_view name = f.name_string();
    if (is_managed_here(name) || is_hop_by_hop(name, not_modified) || beast::iequals(name, "Content-Type") ||
        beast::iequals(name, "Content-Encoding"))
      continue;
    std::erase_if(o->headers, [name](const auto& h) { return beast::iequals(h.first, name); });
  }
  for (const auto& f : not_modified) {
    std::string_view name = f.name_string();
    if (is_managed_here(name) || is_hop_by_hop(name, not_modified) || beast::iequals(name, "Content-Type") ||
        beast::iequals(name, "Content-Encoding"))
      continue;
    o->headers.emplace_back(std::string(name), std::string(f.value()));
  }
  if (auto etag = not_modified.find(http::field::etag); etag != not_modified.end())
    o->etag = std::string(etag->value());
  if (auto lm = not_modified.find(http::field::last_modified); lm != not_modified.end())
    o->last_modified = std::string(lm->value());
  if (not_modified.find("Cache-Status") != not_modified.end())
    o->upstream_cache_status = joined_values(not_modified, "Cache-Status", ',');
  http::fields merged;
  for (const auto& [name, value] : o->headers) merged.insert(name, value);
  for (std::string_view timing : {"Age", "Surrogate-Control"})
    for (auto [it, end] = not_modified.equal_range(timing); it != end; ++it) merged.insert(timing, it->value());
  if (not_modified.find("Surrogate-Control") == not_modified.end() && !o->surrogate_control.empty())
    merged.insert("Surrogate-Control", o->surrogate_control);
  StoreDecision decision = decide_storage(http::verb::get, request, o->status, merged, response_time, policy);
  if (!decision.storable) decision.lifetime = 0;
  o->response_time = response_time;
  o->initial_age = corrected_initial_age(not_modified, request_time, response_time);
  apply_decision(*o, decision);
  serialize_header_block(*o);
  return o;
}

}  // namespace edgelab
