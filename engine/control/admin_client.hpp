#pragma once
// Requests to a node's admin API, asynchronously: resolve, connect, write,
// read, each request bounded by one deadline and its answer body capped.
// An AdminChannel keeps its connection open between requests (the purge and
// its verification, or a controller's rounds); AdminClient::request is one
// request on a connection of its own. Used by the purge fan-out and ctl.
#include "http/http_types.hpp"

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
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
  // Set for https: the peer is verified against it (and its name checked).
  std::shared_ptr<net::ssl::context> tls;
  // "http://127.0.0.1:9001" or "https://edge-1.example:9443" (an optional
  // trailing '/'); nullopt when malformed. https needs `tls`.
  static std::optional<AdminEndpoint> from_url(std::string_view url, std::string token,
                                               std::shared_ptr<net::ssl::context> tls = nullptr);
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
  void handshake();
  void send();
  void finish(boost::system::error_code ec);
  beast::tcp_stream& lowest();
  template <class Fn>
  void with_stream(Fn&& fn) {
    if (tls_stream_)
      fn(*tls_stream_);
    else
      fn(*stream_);
  }

  net::any_io_executor ex_;
  AdminEndpoint endpoint_;
  bool keep_alive_;
  std::optional<beast::tcp_stream> stream_;  // plain http; open between requests when kept alive
  std::optional<beast::ssl_stream<beast::tcp_stream>> tls_stream_;  // https
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
