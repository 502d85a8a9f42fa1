#pragma once
// Requests to a node's admin API, asynchronously: resolve, connect, write,
// read, each request bounded by one deadline and its answer body capped.
// An AdminChannel keeps its connection open between requests (the purge and
// its verification, or a controller's rounds); AdminClient::request is one
// request on a connection of its own. Used by the purge fan-out and ctl.
#include "http/http_types.hpp"

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <chrono>
#include <functional>
#include <memory>
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

using AdminHandler = std::function<void(AdminReply)>;

// One request at a time; call from the executor's strand.
class AdminChannel : public std::enable_shared_from_this<AdminChannel> {
 public:
  static constexpr std::size_t kMaxBody = 16 << 20;
  AdminChannel(net::any_io_executor ex, AdminEndpoint endpoint, bool keep_alive = true);

  void request(http::verb method, std::string target, std::string body, std::chrono::milliseconds timeout,
               AdminHandler done);

 private:
  void connect();
  void send();
  void finish(boost::system::error_code ec);

  net::any_io_executor ex_;
  AdminEndpoint endpoint_;
  bool keep_alive_;
  std::optional<beast::tcp_stream> stream_;  // open between requests when kept alive
  bool reused_ = false;                       // this request went out on a kept connection
  http::request<http::string_body> request_;
  std::optional<http::response_parser<http::string_body>> parser_;
  beast::flat_buffer buffer_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point deadline_;
  AdminHandler done_;
};

class AdminClient {
 public:
  // One request on a connection of its own.
  static void request(net::any_io_executor ex, const AdminEndpoint& endpoint, http::verb method, std::string target,
                      std::string body, std::chrono::milliseconds timeout, AdminHandler done);
};

}  // namespace edgelab
