#pragma once
// A node's configuration, loaded from one JSON file. Loading is strict: an
// unknown key or a value of the wrong type is an error that names the key, so
// a typo never silently falls back to a default.
#include <boost/asio/ip/address.hpp>
#include <boost/system/result.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace edgelab {

struct Endpoint {
  std::string host;
  std::uint16_t port = 0;
  std::string to_string() const { return host + ":" + std::to_string(port); }
};

// An address or a CIDR block ("10.0.0.0/8", "::1").
struct AddressRange {
  boost::asio::ip::address base;
  unsigned prefix_bits = 0;
  bool contains(const boost::asio::ip::address& address) const;
};
std::optional<AddressRange> parse_address_range(std::string_view text);

struct DiskTierConfig {
  std::string path;
  std::uint64_t max_bytes = 1ull << 30;
};

struct TlsFiles {
  std::string cert_file;  // PEM certificate chain
  std::string key_file;   // PEM private key
};

struct AdminConfig {
  Endpoint listen;
  std::string token_file;
  std::optional<TlsFiles> tls;  // HTTPS on the admin listener
};

struct CacheConfig {
  std::uint64_t max_object_bytes = 8ull << 20;
  std::vector<std::string> ignore_query_params;
  bool cache_set_cookie = false;
  bool coalescing = true;
  // Forward an origin's 103 Early Hints to HTTP/1.1 clients on a miss or pass.
  // Off for fleets whose clients take a 103 for the final answer (Python's
  // http.client does); browsers use hints only over h2/h3 anyway.
  bool forward_early_hints = true;
  std::chrono::milliseconds coalesce_wait{10'000};
  std::size_t max_waiters = 4096;
  std::chrono::seconds hit_for_miss{120};
};

struct LimitsConfig {
  std::size_t header_bytes = 16 * 1024;
  std::uint64_t request_body_bytes = 1ull << 20;
  std::chrono::milliseconds header_timeout{10'000};
  std::chrono::milliseconds idle_timeout{60'000};
  std::chrono::milliseconds send_timeout{30'000};
  std::size_t max_connections = 10'000;
  std::chrono::milliseconds upstream_connect_timeout{3'000};
  std::chrono::milliseconds upstream_read_timeout{30'000};
  std::size_t upstream_max_idle = 256;
  std::chrono::milliseconds upstream_idle_timeout{30'000};  // a pooled upstream connection idle this long is closed
  std::size_t max_headers = 100;           // request header fields (431 past it)
  std::size_t uri_bytes = 8 * 1024;        // request target (414 past it)
  std::size_t upstream_max_headers = 100;  // response header fields from upstream (502 past it)
};

struct NodeConfig {
  std::string name;
  std::string region;                                 // informational: shown by /admin/v1/status
  std::optional<std::pair<double, double>> location;  // latitude, longitude
  // Sources allowed to use the PURGE method on the data port.
  std::vector<AddressRange> purge_allow{*parse_address_range("127.0.0.0/8"), *parse_address_range("::1")};
  Endpoint listen;
  Endpoint upstream;  // a parent node or the origin, always plain http for now
  std::uint64_t l1_max_bytes = 64ull << 20;
  std::optional<DiskTierConfig> l2;
  std::optional<AdminConfig> admin;
  CacheConfig cache;
  LimitsConfig limits;
  unsigned threads = 0;  // 0: the hardware's concurrency
  // Where the live edge script is kept across restarts; empty: beside L2
  // ("<l2.path>.script.json"), or nowhere when there is no L2.
  std::string script_file;
  // Lab nodes only (not a config key): the simulated user's city arrives in
  // X-EdgeLab-User-City and becomes req.geo.city for edge scripts.
  bool trust_user_city_header = false;
};

struct ConfigError {
  std::string message;  // names the offending key, e.g. "l1.max_bytes: expected an unsigned integer"
};

// Parses a config from JSON text; never throws.
boost::system::result<NodeConfig, ConfigError> parse_node_config(std::string_view json_text);
// 1..64 letters, digits, '.', '_', '-', starting with a letter: a node name is
// written into Cache-Status (as a Structured Field token), Via and CDN-Loop.
bool valid_node_name(std::string_view name);
// Reads and parses a file; a missing or unreadable file is a ConfigError too.
boost::system::result<NodeConfig, ConfigError> load_node_config(const std::string& path);

// "127.0.0.1:8080" -> Endpoint; nullopt when malformed.
std::optional<Endpoint> parse_endpoint(std::string_view text);
// "http://127.0.0.1:8080" (an optional trailing '/') -> Endpoint.
std::optional<Endpoint> parse_http_url(std::string_view text);

}  // namespace edgelab
