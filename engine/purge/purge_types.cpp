#include "purge/purge_types.hpp"

#include "cache/cache_key.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>

namespace edgelab {
namespace json = boost::json;
namespace {

// Splits "scheme://host/path" or "host/path" into host and target.
std::optional<std::pair<std::string_view, std::string_view>> split_url(std::string_view url) {
  if (auto scheme = url.find("://"); scheme != std::string_view::npos)
    url.remove_prefix(scheme + 3);
  else if (url.substr(0, 2) == "//")
    url.remove_prefix(2);
  auto slash = url.find('/');
  std::string_view host = url.substr(0, slash);
  std::string_view target = slash == std::string_view::npos ? std::string_view("/") : url.substr(slash);
  if (host.empty() || host.find_first_of(" \t\r\n?#") != std::string_view::npos) return std::nullopt;
  return std::pair{host, target};
}

constexpr std::size_t kMaxValueBytes = 8 * 1024;

}  // namespace

std::string_view to_string(PurgeKind kind) {
  switch (kind) {
    case PurgeKind::url:
      return "url";
    case PurgeKind::prefix:
      return "prefix";
    case PurgeKind::tag:
      return "tag";
    case PurgeKind::all:
      return "all";
  }
  return "url";
}

std::optional<PurgeKind> parse_purge_kind(std::string_view text) {
  for (auto k : {PurgeKind::url, PurgeKind::prefix, PurgeKind::tag, PurgeKind::all})
    if (to_string(k) == text) return k;
  return std::nullopt;
}

bool purge_selects(PurgeKind kind, std::string_view value, const CachedObject& object) {
  switch (kind) {
    case PurgeKind::url:
      return object.primary_key == value;
    case PurgeKind::prefix:
      return std::string_view(object.primary_key).substr(0, value.size()) == value;
    case PurgeKind::tag:
      return std::find(object.tags.begin(), object.tags.end(), value) != object.tags.end();
    case PurgeKind::all:
      return true;
  }
  return false;
}

std::optional<std::string> url_to_primary_key(std::string_view url, const CacheKeyBuilder& keys) {
  auto parts = split_url(url);
  if (!parts) return std::nullopt;
  return keys.primary_key(parts->first, parts->second);
}

std::optional<std::string> url_to_key_prefix(std::string_view url) {
  auto parts = split_url(url);
  if (!parts) return std::nullopt;
  std::string out;
  std::string_view host = parts->first;
  if (host.size() > 3 && host.substr(host.size() - 3) == ":80") host.remove_suffix(3);
  for (char c : host) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  out.append(parts->second);  // "http://host" alone is "host/": everything under it
  return out;
}

std::optional<PurgeRequest> parse_purge_body(std::string_view body, const CacheKeyBuilder& keys, std::string& error) {
  boost::system::error_code ec;
  json::value root = json::parse(body, ec);
  if (ec) {
    error = "invalid JSON: " + ec.message();
    return std::nullopt;
  }
  if (!root.is_object()) {
    error = "the body must be a JSON object";
    return std::nullopt;
  }
  PurgeRequest req;
  bool have_kind = false;
  bool have_soft = false;
  for (const auto& [name, v] : root.as_object()) {
    if (name == "kind") {
      auto kind = v.is_string() ? parse_purge_kind(v.as_string()) : std::nullopt;
      if (!kind) {
        error = "kind: expected \"url\", \"prefix\", \"tag\" or \"all\"";
        return std::nullopt;
      }
      req.kind = *kind;
      have_kind = true;
    } else if (name == "value") {
      if (!v.is_string()) {
        error = "value: expected a string";
        return std::nullopt;
      }
      req.value = v.as_string();
    } else if (name == "soft") {
      if (!v.is_bool()) {
        error = "soft: expected true or false";
        return std::nullopt;
      }
      req.soft = v.as_bool();
      have_soft = true;
    } else if (name == "fleet_seq") {
      if (!(v.is_uint64() || (v.is_int64() && v.as_int64() > 0)) || v.to_number<std::uint64_t>() == 0) {
        error = "fleet_seq: expected a positive integer";
        return std::nullopt;
      }
      req.fleet_seq = v.to_number<std::uint64_t>();
    } else if (name == "source") {
      if (!v.is_string()) {
        error = "source: expected a string";
        return std::nullopt;
      }
      req.source = std::string(v.as_string()).substr(0, 64);
    } else {
      error = "unknown key \"" + std::string(name) + "\"";
      return std::nullopt;
    }
  }
  if (!have_kind) {
    error = "kind: required";
    return std::nullopt;
  }
  if (req.value.size() > kMaxValueBytes) {
    error = "value: longer than 8 KiB";
    return std::nullopt;
  }
  switch (req.kind) {
    case PurgeKind::url: {
      auto key = url_to_primary_key(req.value, keys);
      if (!key) {
        error = "value: expected a URL with a host, such as \"http://www.example.com/path\"";
        return std::nullopt;
      }
      req.value = std::move(*key);
      break;
    }
    case PurgeKind::prefix: {
      auto prefix = url_to_key_prefix(req.value);
      if (!prefix) {
        error = "value: expected a URL prefix with a host, such as \"http://www.example.com/images/\"";
        return std::nullopt;
      }
      req.value = std::move(*prefix);
      break;
    }
    case PurgeKind::tag:
      if (req.value.empty() || req.value.find_first_of(" \t\r\n,") != std::string::npos) {
        error = "value: a tag is one non-empty word without spaces or commas";
        return std::nullopt;
      }
      break;
    case PurgeKind::all:
      if (!req.value.empty()) {
        error = "value: must be empty for kind \"all\"";
        return std::nullopt;
      }
      // Dropping everything at once sends the whole working set to the origin;
      // hard has to be asked for.
      if (!have_soft) req.soft = true;
      break;
  }
  if (req.source.empty()) req.source = "admin";
  return req;
}

}  // namespace edgelab
