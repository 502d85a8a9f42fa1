#include "http/http_server.hpp"

#include "http/server_session.hpp"

#include <boost/asio/strand.hpp>

namespace edgelab {

HttpServer::HttpServer(net::io_context& ioc, ServerLimits limits, RequestHandler handler)
    : ioc_(ioc),
      limits_(limits),
      handler_(std::move(handler)),
      acceptor_(net::make_strand(ioc)),
      accept_retry_(acceptor_.get_executor()) {}

HttpServer::~HttpServer() = default;

boost::system::error_code HttpServer::listen(const Endpoint& endpoint) {
  boost::system::error_code ec;
  auto address = net::ip::make_address(endpoint.host == "localhost" ? "127.0.0.1" : endpoint.host, ec);
  if (ec) return ec;
  tcp::endpoint ep{address, endpoint.port};
  acceptor_.open(ep.protocol(), ec);
  if (ec) return ec;
  acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  acceptor_.bind(ep, ec);
  if (ec) return ec;
  acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return ec;
  port_ = acceptor_.local_endpoint().port();
  do_accept();
  return {};
}

void HttpServer::do_accept() {
  acceptor_.async_accept(net::make_strand(ioc_),
                         [self = shared_from_this()](boost::system::error_code ec, tcp::socket socket) {
                           self->on_accept(ec, std::move(socket));
                         });
}

void HttpServer::on_accept(boost::system::error_code ec, tcp::socket socket) {
  if (stopping_) return;
  if (ec) {
    if (ec == net::error::operation_aborted) return;
    // EMFILE and friends fail at once and again: retry after a pause, not in a tight loop.
    accept_retry_.expires_after(std::chrono::milliseconds(50));
    return accept_retry_.async_wait([self = shared_from_this()](boost::system::error_code wec) {
      if (!wec && !self->stopping_) self->do_accept();
    });
  }
  if (static_cast<std::size_t>(counters_.connections_open.load()) >= limits_.max_connections) {
    ++counters_.connections_rejected;
    boost::system::error_code ignored;
    socket.close(ignored);
    return do_accept();
  }
  ++counters_.connections_accepted;
  ++counters_.connections_open;
  std::shared_ptr<ServerConnection> session;
  if (tls_)
    session = std::make_shared<TlsServerSession>(std::move(socket), shared_from_this(), tls_.get());
  else
    session = std::make_shared<ServerSession>(std::move(socket), shared_from_this());
  std::list<std::weak_ptr<ServerConnection>>::iterator slot;
  {
    std::lock_guard lock(mutex_);
    slot = sessions_.insert(sessions_.end(), session);
  }
  session->start(slot);
  do_accept();
}

void HttpServer::session_closed(std::list<std::weak_ptr<ServerConnection>>::iterator slot) {
  std::function<void()> drained;
  {
    std::lock_guard lock(mutex_);
    sessions_.erase(slot);
    if (sessions_.empty() && stopping_ && on_drained_) drained = std::exchange(on_drained_, {});
  }
  --counters_.connections_open;
  if (drained) drained();
}

void HttpServer::shutdown(std::function<void()> on_drained) {
  stopping_ = true;
  net::post(acceptor_.get_executor(), [self = shared_from_this()] {
    boost::system::error_code ec;
    self->acceptor_.close(ec);
    self->accept_retry_.cancel();
  });
  std::vector<std::shared_ptr<ServerConnection>> live;
  std::function<void()> drained_now;
  {
    std::lock_guard lock(mutex_);
    for (auto& weak : sessions_)
      if (auto s = weak.lock()) live.push_back(std::move(s));
    if (sessions_.empty())
      drained_now = std::move(on_drained);
    else
      on_drained_ = std::move(on_drained);
  }
  for (auto& s : live) s->shutdown();
  if (drained_now) drained_now();
}

}  // namespace edgelab
