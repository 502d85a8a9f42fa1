#pragma once
// One request to a node's admin API, asynchronously: resolve, connect, write,
// read, each bounded by one deadline; the answer body is capped. Used by the
// purge fan-out and `edgelabd ctl`.
#include "http/http_types.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace edgelab {

struct AdminEndpoint {
  std::string host;
  std::string port;
  std::string token;
  // "http://127.0.0.1:9001" (an optional trailing '/'); nullopt when malformed.
  static std::optional<AdminEndpoint> from_url(std::string_view url, std::string token);
};

struct AdminReply {
  boost::system::error_code error;  // transport failure (then status is 0)
  unsigned status = 0;
  std::string body;
  std::chrono::microseconds took{0};
  bool ok() const { return !error && status / 100 == 2; }
  std::string describe() const;  // "connection refused", "HTTP 500: ...", for reports
};

class AdminClient {
 public:
  static constexpr std::size_t kMaxBody = 16 << 20;
  using Handler = std::function<void(AdminReply)>;

  static void request(net::any_io_executor ex, const AdminEndpoint& endpoint, http::verb method, std::string target,
                      std::string body, std::chrono::milliseconds timeout, Handler done);
};

}  // namespace edgelab
