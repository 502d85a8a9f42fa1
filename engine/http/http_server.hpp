#pragma once
// An HTTP/1.1 server: accepts connections, reads requests with Beast's parser
// under size and time limits, and hands each request to a RequestHandler.
// Every connection is a ServerSession on its own strand.
#include "core/node_config.hpp"
#include "http/http_exchange.hpp"
#include "http/protocol_error.hpp"
#include "http/server_limits.hpp"

#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <atomic>
#include <list>
#include <memory>
#include <mutex>

namespace edgelab {

class ServerConnection;
template <class Stream>
class BasicServerSession;

struct ServerCounters {
  std::atomic<std::uint64_t> connections_accepted{0};
  std::atomic<std::uint64_t> connections_rejected{0};
  std::atomic<std::uint64_t> bad_requests{0};
  std::atomic<std::uint64_t> request_timeouts{0};
  std::atomic<std::int64_t> connections_open{0};
  std::atomic<std::uint64_t> tls_handshake_failures{0};
  KindCounters<BadRequestKind> bad_request_kinds;  // bad_requests split by why
};

class HttpServer : public std::enable_shared_from_this<HttpServer> {
 public:
  HttpServer(net::io_context& ioc, ServerLimits limits, RequestHandler handler);
  ~HttpServer();

  // Serve TLS on every connection (set before listen()).
  void use_tls(std::shared_ptr<net::ssl::context> tls) { tls_ = std::move(tls); }
  // Binds and starts accepting; port 0 picks a free port.
  boost::system::error_code listen(const Endpoint& endpoint);
  std::uint16_t port() const { return port_; }
  // Stops accepting. Idle connections close now; busy ones after their
  // current response. `on_drained` runs once no connection is left.
  void shutdown(std::function<void()> on_drained = {});

  const ServerCounters& counters() const { return counters_; }
  // Told of every refused request (set before listen()).
  using BadRequestObserver = std::function<void(BadRequestKind kind, const net::ip::address& client)>;
  void set_bad_request_observer(BadRequestObserver observer) { bad_request_observer_ = std::move(observer); }
  const ServerLimits& limits() const { return limits_; }

 private:
  template <class Stream>
  friend class BasicServerSession;
  void do_accept();
  void on_accept(boost::system::error_code ec, tcp::socket socket);
  void session_closed(std::list<std::weak_ptr<ServerConnection>>::iterator slot);

  net::io_context& ioc_;
  ServerLimits limits_;
  RequestHandler handler_;
  std::shared_ptr<net::ssl::context> tls_;
  tcp::acceptor acceptor_;
  net::steady_timer accept_retry_;
  std::uint16_t port_ = 0;
  ServerCounters counters_;
  BadRequestObserver bad_request_observer_;
  std::atomic<bool> stopping_{false};

  std::mutex mutex_;  // guards sessions_ and on_drained_
  std::list<std::weak_ptr<ServerConnection>> sessions_;
  std::function<void()> on_drained_;
};

}  // namespace edgelab
