#pragma once
// Cache-Control (RFC 9111 §5.2) and the same grammar in CDN-Cache-Control
// (RFC 9213) and Surrogate-Control.
#include <cstdint>
#include <optional>
#include <string_view>

namespace edgelab {

struct CacheDirectives {
  // Delta-seconds values. A malformed or conflicting value is recorded as 0
  // (RFC 9111 §4.2.1: treat the response as stale rather than guess).
  std::optional<std::int64_t> max_age;
  std::optional<std::int64_t> s_maxage;
  std::optional<std::int64_t> stale_while_revalidate;
  std::optional<std::int64_t> stale_if_error;
  bool no_store = false;
  bool no_cache = false;
  bool is_private = false;
  bool is_public = false;
  bool must_revalidate = false;
  bool proxy_revalidate = false;
  bool immutable = false;
  bool only_if_cached = false;
  bool must_understand = false;
  bool any = false;  // at least one directive was present
};

CacheDirectives parse_cache_directives(std::string_view value);

// A field value without the optional whitespace (SP, HTAB) around it (RFC 9110 5.6.3).
std::string_view trim_ows(std::string_view s);

}  // namespace edgelab
