#include "cache/cache_directives.hpp"

#include <cctype>
#include <charconv>
#include <string>

namespace edgelab {

std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

namespace {

std::string_view trim(std::string_view s) { return trim_ows(s); }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

// delta-seconds; values past 2^31 are capped there (RFC 9111 §1.2.2).
std::optional<std::int64_t> parse_delta(std::string_view v) {
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  if (v.empty()) return std::nullopt;
  for (char c : v)
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  constexpr std::int64_t cap = 2147483648LL;
  if (v.size() > 10) return cap;
  std::int64_t out = 0;
  std::from_chars(v.data(), v.data() + v.size(), out);
  return std::min(out, cap);
}

void set_delta(std::optional<std::int64_t>& slot, std::string_view value) {
  auto parsed = parse_delta(value);
  if (!parsed) parsed = 0;                   // malformed: stale
  if (slot && *slot != *parsed) parsed = 0;  // conflicting duplicates: stale
  slot = parsed;
}

}  // namespace

CacheDirectives parse_cache_directives(std::string_view value) {
  CacheDirectives d;
  while (!value.empty()) {
    // Split on commas outside quoted strings.
    std::size_t end = 0;
    bool quoted = false;
    for (; end < value.size(); ++end) {
      if (value[end] == '"')
        quoted = !quoted;
      else if (value[end] == ',' && !quoted)
        break;
    }
    std::string_view item = trim(value.substr(0, end));
    value.remove_prefix(end < value.size() ? end + 1 : end);
    if (item.empty()) continue;
    d.any = true;
    std::string_view name = item, arg;
    if (auto eq = item.find('='); eq != std::string_view::npos) {
      name = trim(item.substr(0, eq));
      arg = trim(item.substr(eq + 1));
    }
    if (iequals(name, "max-age"))
      set_delta(d.max_age, arg);
    else if (iequals(name, "s-maxage"))
      set_delta(d.s_maxage, arg);
    else if (iequals(name, "stale-while-revalidate"))
      set_delta(d.stale_while_revalidate, arg);
    else if (iequals(name, "stale-if-error"))
      set_delta(d.stale_if_error, arg);
    else if (iequals(name, "no-store"))
      d.no_store = true;
    // The qualified forms (no-cache="field", private="field") are treated as
    // unqualified, which RFC 9111 §5.2.2.4/§5.2.2.7 allows.
    else if (iequals(name, "no-cache"))
      d.no_cache = true;
    else if (iequals(name, "private"))
      d.is_private = true;
    else if (iequals(name, "public"))
      d.is_public = true;
    else if (iequals(name, "must-revalidate"))
      d.must_revalidate = true;
    else if (iequals(name, "proxy-revalidate"))
      d.proxy_revalidate = true;
    else if (iequals(name, "immutable"))
      d.immutable = true;
    else if (iequals(name, "must-understand"))
      d.must_understand = true;
    else if (iequals(name, "only-if-cached"))
      d.only_if_cached = true;
  }
  return d;
}

}  // namespace edgelab
