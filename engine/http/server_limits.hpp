#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>

namespace edgelab {

struct ServerLimits {
  std::size_t header_bytes = 16 * 1024;
  std::size_t max_headers = 100;     // request header fields; more is a 431
  std::size_t uri_bytes = 8 * 1024;  // request target; longer is a 414
  std::uint64_t body_bytes = 1ull << 20;
  std::chrono::milliseconds header_timeout{10'000};  // first byte to complete request
  std::chrono::milliseconds idle_timeout{60'000};    // between requests on keep-alive
  std::chrono::milliseconds send_timeout{30'000};
  std::size_t max_connections = 10'000;
};

}  // namespace edgelab
