#include "core/node_config.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <sstream>

namespace edgelab {

bool valid_node_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!letter(name.front())) return false;
  for (char c : name)
    if (!letter(c) && !(c >= '0' && c <= '9') && c != '.' && c != '_' && c != '-') return false;
  return true;
}
namespace json = boost::json;

namespace {

// Walks one JSON object, remembering which keys were consumed so that any key
// left over is reported as unknown.
class ObjectReader {
 public:
  ObjectReader(const json::object& obj, std::string path) : obj_(obj), path_(std::move(path)) {}

  const json::value* find(std::string_view key) {
    seen_.emplace_back(key);
    auto it = obj_.find(key);
    return it == obj_.end() ? nullptr : &it->value();
  }
  std::string key_path(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }
  std::optional<ConfigError> unknown_key() const {
    for (const auto& kv : obj_) {
      bool known = false;
      for (const auto& s : seen_) known = known || s == kv.key();
      if (!known) return ConfigError{key_path(kv.key()) + ": unknown key"};
    }
    return std::nullopt;
  }

 private:
  const json::object& obj_;
  std::string path_;
  std::vector<std::string> seen_;
};

using MaybeError = std::optional<ConfigError>;

MaybeError read_string(ObjectReader& r, std::string_view key, std::string& out, bool required) {
  const json::value* v = r.find(key);
  if (!v) return required ? MaybeError{ConfigError{r.key_path(key) + ": required key is missing"}} : std::nullopt;
  if (!v->is_string()) return ConfigError{r.key_path(key) + ": expected a string"};
  out = std::string(v->as_string());
  return std::nullopt;
}

MaybeError read_uint(ObjectReader& r, std::string_view key, std::uint64_t& out) {
  const json::value* v = r.find(key);
  if (!v) return std::nullopt;
  if (v->is_uint64())
    out = v->as_uint64();
  else if (v->is_int64() && v->as_int64() >= 0)
    out = static_cast<std::uint64_t>(v->as_int64());
  else
    return ConfigError{r.key_path(key) + ": expected an unsigned integer"};
  return std::nullopt;
}

template <class T>
MaybeError read_uint_as(ObjectReader& r, std::string_view key, T& out) {
  std::uint64_t v = static_cast<std::uint64_t>(out);
  if (auto e = read_uint(r, key, v)) return e;
  out = static_cast<T>(v);
  return std::nullopt;
}

MaybeError read_millis(ObjectReader& r, std::string_view key, std::chrono::milliseconds& out) {
  std::uint64_t v = static_cast<std::uint64_t>(out.count());
  if (auto e = read_uint(r, key, v)) return e;
  out = std::chrono::milliseconds(v);
  return std::nullopt;
}

MaybeError read_bool(ObjectReader& r, std::string_view key, bool& out) {
  const json::value* v = r.find(key);
  if (!v) return std::nullopt;
  if (!v->is_bool()) return ConfigError{r.key_path(key) + ": expected true or false"};
  out = v->as_bool();
  return std::nullopt;
}

MaybeError read_endpoint(ObjectReader& r, std::string_view key, Endpoint& out, bool required) {
  std::string text;
  if (auto e = read_string(r, key, text, required)) return e;
  if (text.empty() && !required) return std::nullopt;
  auto ep = parse_endpoint(text);
  if (!ep) return ConfigError{r.key_path(key) + ": expected \"host:port\", got \"" + text + "\""};
  out = *ep;
  return std::nullopt;
}

const json::object* read_object(ObjectReader& r, std::string_view key, MaybeError& err) {
  const json::value* v = r.find(key);
  if (!v) return nullptr;
  if (!v->is_object()) {
    err = ConfigError{r.key_path(key) + ": expected an object"};
    return nullptr;
  }
  return &v->as_object();
}

MaybeError read_cache(const json::object& obj, CacheConfig& c) {
  ObjectReader r(obj, "cache");
  MaybeError e;
  if ((e = read_uint(r, "max_object_bytes", c.max_object_bytes))) return e;
  if ((e = read_bool(r, "cache_set_cookie", c.cache_set_cookie))) return e;
  if ((e = read_bool(r, "coalescing", c.coalescing))) return e;
  if ((e = read_bool(r, "forward_early_hints", c.forward_early_hints))) return e;
  if ((e = read_millis(r, "coalesce_wait_ms", c.coalesce_wait))) return e;
  if ((e = read_uint_as(r, "max_waiters", c.max_waiters))) return e;
  std::uint64_t hfm = static_cast<std::uint64_t>(c.hit_for_miss.count());
  if ((e = read_uint(r, "hit_for_miss_s", hfm))) return e;
  c.hit_for_miss = std::chrono::seconds(hfm);
  if (const json::value* v = r.find("ignore_query_params")) {
    if (!v->is_array()) return ConfigError{"cache.ignore_query_params: expected an array of strings"};
    for (const auto& item : v->as_array()) {
      if (!item.is_string()) return ConfigError{"cache.ignore_query_params: expected an array of strings"};
      c.ignore_query_params.emplace_back(item.as_string());
    }
  }
  return r.unknown_key();
}

MaybeError read_limits(const json::object& obj, LimitsConfig& l) {
  ObjectReader r(obj, "limits");
  MaybeError e;
  if ((e = read_uint_as(r, "header_bytes", l.header_bytes))) return e;
  if ((e = read_uint(r, "request_body_bytes", l.request_body_bytes))) return e;
  if ((e = read_millis(r, "header_timeout_ms", l.header_timeout))) return e;
  if ((e = read_millis(r, "idle_timeout_ms", l.idle_timeout))) return e;
  if ((e = read_millis(r, "send_timeout_ms", l.send_timeout))) return e;
  if ((e = read_uint_as(r, "max_connections", l.max_connections))) return e;
  if ((e = read_millis(r, "upstream_connect_timeout_ms", l.upstream_connect_timeout))) return e;
  if ((e = read_millis(r, "upstream_read_timeout_ms", l.upstream_read_timeout))) return e;
  if ((e = read_uint_as(r, "upstream_max_idle", l.upstream_max_idle))) return e;
  if ((e = read_millis(r, "upstream_idle_timeout_ms", l.upstream_idle_timeout))) return e;
  if ((e = read_uint_as(r, "max_headers", l.max_headers))) return e;
  if ((e = read_uint_as(r, "uri_bytes", l.uri_bytes))) return e;
  if ((e = read_uint_as(r, "upstream_max_headers", l.upstream_max_headers))) return e;
  if (l.max_headers == 0) return ConfigError{"limits.max_headers: must be at least 1"};
  if (l.upstream_max_headers == 0) return ConfigError{"limits.upstream_max_headers: must be at least 1"};
  if (l.uri_bytes < 1) return ConfigError{"limits.uri_bytes: must be at least 1"};
  if (l.header_bytes < 1024) return ConfigError{"limits.header_bytes: must be at least 1024"};
  if (l.max_connections == 0) return ConfigError{"limits.max_connections: must be at least 1"};
  return r.unknown_key();
}

MaybeError read_location(const json::object& obj, std::pair<double, double>& out) {
  ObjectReader r(obj, "location");
  double values[2] = {0, 0};
  const char* names[2] = {"lat", "lon"};
  const double limits[2] = {90, 180};
  for (int i = 0; i < 2; ++i) {
    const json::value* v = r.find(names[i]);
    if (!v || !v->is_number()) return ConfigError{r.key_path(names[i]) + ": expected a number"};
    values[i] = v->to_number<double>();
    if (values[i] < -limits[i] || values[i] > limits[i]) return ConfigError{r.key_path(names[i]) + ": out of range"};
  }
  out = {values[0], values[1]};
  return r.unknown_key();
}

MaybeError read_purge(const json::object& obj, NodeConfig& cfg) {
  ObjectReader r(obj, "purge");
  if (const json::value* v = r.find("allow")) {
    if (!v->is_array()) return ConfigError{"purge.allow: expected an array of addresses or CIDR blocks"};
    cfg.purge_allow.clear();
    for (const auto& item : v->as_array()) {
      auto range = item.is_string() ? parse_address_range(item.as_string()) : std::nullopt;
      if (!range)
        return ConfigError{"purge.allow: expected addresses or CIDR blocks such as \"10.0.0.0/8\", got " +
                           json::serialize(item)};
      cfg.purge_allow.push_back(*range);
    }
  }
  return r.unknown_key();
}

}  // namespace

bool AddressRange::contains(const boost::asio::ip::address& address) const {
  auto a = address;
  if (a.is_v6() && a.to_v6().is_v4_mapped())
    a = boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, a.to_v6());
  if (a.is_v4() != base.is_v4()) return false;
  auto bytes_of = [](const boost::asio::ip::address& x) {
    std::array<unsigned char, 16> out{};
    if (x.is_v4()) {
      auto b = x.to_v4().to_bytes();
      std::copy(b.begin(), b.end(), out.begin());
    } else {
      out = x.to_v6().to_bytes();
    }
    return out;
  };
  const auto have = bytes_of(a);
  const auto want = bytes_of(base);
  for (unsigned bit = 0; bit < prefix_bits; ++bit) {
    const unsigned byte = bit / 8, mask = 0x80u >> (bit % 8);
    if ((have[byte] & mask) != (want[byte] & mask)) return false;
  }
  return true;
}

std::optional<AddressRange> parse_address_range(std::string_view text) {
  auto slash = text.find('/');
  boost::system::error_code ec;
  auto base = boost::asio::ip::make_address(std::string(text.substr(0, slash)), ec);
  if (ec) return std::nullopt;
  const unsigned max_bits = base.is_v4() ? 32 : 128;
  unsigned bits = max_bits;
  if (slash != std::string_view::npos) {
    auto digits = text.substr(slash + 1);
    auto [ptr, err] = std::from_chars(digits.data(), digits.data() + digits.size(), bits);
    if (err != std::errc{} || ptr != digits.data() + digits.size() || digits.empty() || bits > max_bits)
      return std::nullopt;
  }
  return AddressRange{base, bits};
}

std::optional<Endpoint> parse_endpoint(std::string_view text) {
  auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  std::string_view host = text.substr(0, colon);
  std::string_view port_text = text.substr(colon + 1);
  unsigned port = 0;
  auto [ptr, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc{} || ptr != port_text.data() + port_text.size() || port > 65535) return std::nullopt;
  if (host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host.empty()) return std::nullopt;
  return Endpoint{std::string(host), static_cast<std::uint16_t>(port)};
}

std::optional<Endpoint> parse_http_url(std::string_view text) {
  constexpr std::string_view scheme = "http://";
  if (text.substr(0, scheme.size()) != scheme) return std::nullopt;
  text.remove_prefix(scheme.size());
  if (!text.empty() && text.back() == '/') text.remove_suffix(1);
  if (text.find('/') != std::string_view::npos) return std::nullopt;
  auto ep = parse_endpoint(text);
  if (!ep && !text.empty() && text.find(':') == std::string_view::npos) return Endpoint{std::string(text), 80};
  return ep;
}

boost::system::result<NodeConfig, ConfigError> parse_node_config(std::string_view json_text) {
  boost::system::error_code ec;
  json::value root = json::parse(json_text, ec);
  if (ec) return ConfigError{"invalid JSON: " + ec.message()};
  if (!root.is_object()) return ConfigError{"the config must be a JSON object"};

  NodeConfig cfg;
  ObjectReader r(root.as_object(), "");
  MaybeError e;
  if ((e = read_string(r, "name", cfg.name, true))) return *e;
  // The name goes into Cache-Status, Via and CDN-Loop on every response: a
  // Structured Field token, nothing a header could be split or spoofed with.
  if (!valid_node_name(cfg.name))
    return ConfigError{"name: must be 1..64 letters, digits, '.', '_' or '-', starting with a letter"};
  if ((e = read_endpoint(r, "listen", cfg.listen, true))) return *e;
  std::string upstream;
  if ((e = read_string(r, "upstream", upstream, true))) return *e;
  auto up = parse_http_url(upstream);
  if (!up) return ConfigError{"upstream: expected \"http://host:port\", got \"" + upstream + "\""};
  cfg.upstream = *up;
  if ((e = read_uint_as(r, "threads", cfg.threads))) return *e;
  if ((e = read_string(r, "region", cfg.region, false))) return *e;
  if ((e = read_string(r, "script_file", cfg.script_file, false))) return *e;
  if (const json::object* location = read_object(r, "location", e)) {
    std::pair<double, double> at;
    if ((e = read_location(*location, at))) return *e;
    cfg.location = at;
  }
  if (e) return *e;
  if (const json::object* purge = read_object(r, "purge", e)) {
    if ((e = read_purge(*purge, cfg))) return *e;
  }
  if (e) return *e;

  if (const json::object* l1 = read_object(r, "l1", e)) {
    ObjectReader lr(*l1, "l1");
    if ((e = read_uint(lr, "max_bytes", cfg.l1_max_bytes))) return *e;
    if ((e = lr.unknown_key())) return *e;
  }
  if (e) return *e;
  if (const json::object* l2 = read_object(r, "l2", e)) {
    ObjectReader lr(*l2, "l2");
    DiskTierConfig d;
    if ((e = read_string(lr, "path", d.path, true))) return *e;
    if ((e = read_uint(lr, "max_bytes", d.max_bytes))) return *e;
    if ((e = lr.unknown_key())) return *e;
    if (d.path.empty()) return ConfigError{"l2.path: must not be empty"};
    cfg.l2 = d;
  }
  if (e) return *e;
  if (const json::object* admin = read_object(r, "admin", e)) {
    ObjectReader ar(*admin, "admin");
    AdminConfig a;
    if ((e = read_endpoint(ar, "listen", a.listen, true))) return *e;
    if ((e = read_string(ar, "token_file", a.token_file, false))) return *e;
    if (const json::object* tls = read_object(ar, "tls", e)) {
      ObjectReader tr(*tls, "admin.tls");
      TlsFiles files;
      if ((e = read_string(tr, "cert_file", files.cert_file, true))) return *e;
      if ((e = read_string(tr, "key_file", files.key_file, true))) return *e;
      if ((e = tr.unknown_key())) return *e;
      a.tls = files;
    }
    if (e) return *e;
    if ((e = ar.unknown_key())) return *e;
    cfg.admin = a;
  }
  if (e) return *e;
  if (const json::object* cache = read_object(r, "cache", e)) {
    if ((e = read_cache(*cache, cfg.cache))) return *e;
  }
  if (e) return *e;
  if (const json::object* limits = read_object(r, "limits", e)) {
    if ((e = read_limits(*limits, cfg.limits))) return *e;
  }
  if (e) return *e;
  if ((e = r.unknown_key())) return *e;
  return cfg;
}

boost::system::result<NodeConfig, ConfigError> load_node_config(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return ConfigError{"cannot read config file \"" + path + "\""};
  std::ostringstream text;
  text << in.rdbuf();
  auto result = parse_node_config(text.str());
  if (!result) return ConfigError{path + ": " + result.error().message};
  return result;
}

}  // namespace edgelab
