#include "cache/freshness_policy.hpp"

#include "cache/cache_directives.hpp"
#include "cache/http_date.hpp"
#include "http/structured_field.hpp"

#include <boost/beast/core/string.hpp>

#include <algorithm>
#include <charconv>

namespace edgelab {
namespace {

template <class Fields>
std::string_view field_value(const Fields& f, std::string_view name) {
  auto it = f.find(name);
  return it == f.end() ? std::string_view{} : std::string_view(it->value());
}

// Directives of every field line with this name, joined as one list.
template <class Fields>
CacheDirectives directives_of(const Fields& f, std::string_view name) {
  std::string joined;
  for (auto [it, end] = f.equal_range(name); it != end; ++it) {
    if (!joined.empty()) joined += ',';
    joined.append(it->value().data(), it->value().size());
  }
  return parse_cache_directives(joined);
}

// CDN-Cache-Control (RFC 9213) as a Structured Field dictionary: nullopt when
// absent or not valid (then it is ignored as a whole), else its directives. A
// delta-seconds directive must be a non-negative Integer, or the field is invalid.
template <class Fields>
std::optional<CacheDirectives> cdn_cache_directives(const Fields& f) {
  std::string joined;
  for (auto [it, end] = f.equal_range("CDN-Cache-Control"); it != end; ++it) {
    if (!joined.empty()) joined += ", ";
    joined.append(it->value().data(), it->value().size());
  }
  if (joined.empty()) return std::nullopt;
  const auto dictionary = parse_structured_dictionary(joined);
  if (!dictionary) return std::nullopt;
  CacheDirectives cc;
  for (const auto& [key, item] : *dictionary) {
    cc.any = true;
    const bool flag = item.type != StructuredItem::Type::boolean || item.boolean;
    std::optional<std::int64_t>* seconds = key == "max-age"                  ? &cc.max_age
                                           : key == "s-maxage"               ? &cc.s_maxage
                                           : key == "stale-while-revalidate" ? &cc.stale_while_revalidate
                                           : key == "stale-if-error"         ? &cc.stale_if_error
                                                                             : nullptr;
    if (seconds) {
      if (item.type != StructuredItem::Type::integer || item.integer < 0) return std::nullopt;
      *seconds = item.integer;
    } else if (key == "no-store") {
      cc.no_store = flag;
    } else if (key == "no-cache") {
      cc.no_cache = flag;
    } else if (key == "private") {
      cc.is_private = flag;
    } else if (key == "public") {
      cc.is_public = flag;
    } else if (key == "must-revalidate") {
      cc.must_revalidate = flag;
    } else if (key == "proxy-revalidate") {
      cc.proxy_revalidate = flag;
    } else if (key == "immutable") {
      cc.immutable = flag;
    }
  }
  return cc;
}

}  // namespace

bool is_heuristically_cacheable(unsigned status) {
  switch (status) {
    case 200:
    case 203:
    case 204:
    case 300:
    case 301:
    case 308:
    case 404:
    case 405:
    case 410:
    case 414:
    case 501:
      return true;
    default:
      return false;
  }
}

// The final statuses whose caching rules this cache implements: RFC 9110's,
// but 206 (only whole objects are stored) and 304 (it refreshes, it is not stored).
static bool is_understood_final(unsigned status) {
  switch (status) {
    case 200: case 201: case 202: case 203: case 204: case 205:
    case 300: case 301: case 302: case 303: case 305: case 307: case 308:
    case 400: case 401: case 402: case 403: case 404: case 405: case 406: case 407: case 408: case 409:
    case 410: case 411: case 412: case 413: case 414: case 415: case 416: case 417: case 421: case 422:
    case 426:
    case 500: case 501: case 502: case 503: case 504: case 505:
      return true;
    default:
      return false;
  }
}

template <class Fields>
bool hop_by_hop_in(std::string_view name, const Fields& message) {
  static constexpr std::string_view kHopByHop[] = {
      "connection", "keep-alive",         "proxy-connection",   "te", "trailer", "transfer-encoding",
      "upgrade",    "proxy-authenticate", "proxy-authorization"};
  for (auto h : kHopByHop)
    if (beast::iequals(name, h)) return true;
  for (auto [it, end] = message.equal_range(http::field::connection); it != end; ++it) {
    std::string_view list = it->value();
    while (!list.empty()) {
      auto comma = list.find(',');
      std::string_view token = list.substr(0, comma);
      while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
      while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
      if (beast::iequals(token, name)) return true;
      if (comma == std::string_view::npos) break;
      list.remove_prefix(comma + 1);
    }
  }
  return false;
}

bool is_hop_by_hop(std::string_view name, const http::fields& message) { return hop_by_hop_in(name, message); }
bool is_hop_by_hop(std::string_view name, const RequestFields& message) { return hop_by_hop_in(name, message); }

std::int64_t corrected_initial_age(const http::fields& response, std::int64_t request_time,
                                   std::int64_t response_time) {
  std::int64_t age_value = 0;
  std::string_view age = field_value(response, "Age");
  if (auto comma = age.find(','); comma != std::string_view::npos) age = age.substr(0, comma);  // first member
  while (!age.empty() && age.front() == ' ') age.remove_prefix(1);
  while (!age.empty() && age.back() == ' ') age.remove_suffix(1);
  std::int64_t parsed = 0;
  auto [ptr, ec] = std::from_chars(age.data(), age.data() + age.size(), parsed);
  if (!age.empty() && ec == std::errc{} && ptr == age.data() + age.size() && parsed >= 0)
    age_value = parsed;  // an invalid Age is ignored (RFC 9111 §5.1)

  std::int64_t date = response_time;
  if (auto d = parse_http_date(field_value(response, "Date"))) date = *d;
  std::int64_t apparent_age = std::max<std::int64_t>(0, response_time - date);
  std::int64_t response_delay = std::max<std::int64_t>(0, response_time - request_time);
  std::int64_t corrected_age_value = age_value + response_delay;
  return std::max(apparent_age, corrected_age_value);
}

StoreDecision decide_storage(http::verb method, const RequestFields& request, unsigned status,
                             const http::fields& response, std::int64_t response_time, const StorePolicy& policy) {
  StoreDecision d;
  auto refuse = [&d](std::string_view why) {
    d.storable = false;
    d.reason = why;
    return d;
  };
  if (method != http::verb::get) return refuse("method");
  // RFC 9111 3: any final status may be stored with explicit freshness, one
  // this cache does not understand only without must-understand (below).
  if (status < 200 || status > 599 || status == 206 || status == 304) return refuse("status");
  const bool understood = is_understood_final(status);

  // A valid CDN-Cache-Control targets CDNs and replaces Cache-Control and
  // Expires for them entirely, shorter or longer (RFC 9213 2.1); an invalid one is ignored.
  const std::optional<CacheDirectives> targeted = cdn_cache_directives(response);
  CacheDirectives cc = targeted ? *targeted : directives_of(response, "Cache-Control");
  CacheDirectives surrogate = directives_of(response, "Surrogate-Control");
  CacheDirectives req_cc = directives_of(request, "Cache-Control");

  // must-understand (RFC 9111 5.2.2.3): only a status the cache understands, and then no-store is ignored.
  if (cc.must_understand && !understood) return refuse("must-understand");
  if ((cc.no_store && !cc.must_understand) || surrogate.no_store) return refuse("no-store");
  if (req_cc.no_store) return refuse("request no-store");
  if (cc.is_private) return refuse("private");
  if (request.find(http::field::authorization) != request.end() && !cc.is_public && !cc.must_revalidate && !cc.s_maxage)
    return refuse("authorization");
  if (!policy.cache_set_cookie && response.find(http::field::set_cookie) != response.end()) return refuse("set-cookie");
  for (auto [it, end] = response.equal_range(http::field::vary); it != end; ++it)
    if (std::string_view(it->value()).find('*') != std::string_view::npos) return refuse("vary-star");

  std::int64_t date = response_time;
  if (auto parsed = parse_http_date(field_value(response, "Date"))) date = *parsed;

  bool explicit_freshness = true;
  if (surrogate.max_age)
    d.lifetime = *surrogate.max_age;
  else if (cc.s_maxage)
    d.lifetime = *cc.s_maxage;
  else if (cc.max_age)
    d.lifetime = *cc.max_age;
  else if (auto expires = response.find(http::field::expires); !targeted && expires != response.end()) {
    auto when = parse_http_date(expires->value());
    d.lifetime = when ? std::max<std::int64_t>(0, *when - date) : 0;  // invalid Expires: already expired
  } else {
    explicit_freshness = false;
  }

  bool has_validator =
      response.find(http::field::etag) != response.end() || response.find(http::field::last_modified) != response.end();
  if (!explicit_freshness) {
    // Heuristics only for the heuristically cacheable list, or where public allows them (RFC 9111 4.2.2);
    // a status this cache does not understand needs explicit freshness.
    if ((!is_heuristically_cacheable(status) && !cc.is_public) || !understood)
      return refuse("no freshness information");
    // Heuristic freshness: 10% of the time since Last-Modified, at most a day.
    if (auto lm = parse_http_date(field_value(response, "Last-Modified")); lm && *lm < date) {
      d.lifetime = std::min<std::int64_t>((date - *lm) / 10, 86400);
      d.heuristic = true;
    }
  }

  d.no_cache = cc.no_cache;
  d.must_revalidate = cc.must_revalidate || cc.proxy_revalidate || cc.s_maxage.has_value();
  if (!d.must_revalidate) {
    d.stale_while_revalidate = cc.stale_while_revalidate.value_or(0);
    d.stale_if_error = cc.stale_if_error.value_or(0);
  }
  // An object that can never be reused without a validator is not worth keeping.
  bool reusable = (d.lifetime > 0 && !d.no_cache) || has_validator;
  if (!reusable) return refuse(d.no_cache ? "no-cache without validator" : "zero freshness without validator");
  d.storable = true;
  return d;
}

}  // namespace edgelab
