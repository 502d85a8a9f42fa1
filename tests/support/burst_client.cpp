#include "support/burst_client.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <sys/resource.h>
#include <memory>

namespace edgelab::test {

void raise_fd_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

namespace {
struct Connection {
  explicit Connection(net::io_context& ioc) : stream(ioc) {}
  beast::tcp_stream stream;
  beast::flat_buffer buffer;
  Request request;
  Response response;
  bool connected = false;
  bool done = false;
  boost::system::error_code error;
};
}  // namespace

BurstResult burst_get(const Endpoint& server, const std::string& target, int count, std::chrono::milliseconds timeout,
                      const std::string& host) {
  raise_fd_limit();
  net::io_context ioc;
  std::vector<std::unique_ptr<Connection>> connections;
  tcp::endpoint ep(net::ip::make_address(server.host), server.port);
  int connected = 0;
  for (int i = 0; i < count; ++i) {
    auto c = std::make_unique<Connection>(ioc);
    c->stream.expires_after(timeout);
    c->stream.async_connect(ep, [raw = c.get(), &connected](boost::system::error_code ec) {
      raw->error = ec;
      raw->connected = !ec;
      ++connected;
    });
    connections.push_back(std::move(c));
  }
  // All connections first...
  while (connected < count && ioc.run_one_for(timeout) > 0) {
  }
  // ...then every request in one go.
  for (auto& c : connections) {
    if (!c->connected) continue;
    c->request = Request{http::verb::get, target, 11};
    c->request.set(http::field::host, host);
    c->request.keep_alive(false);
    c->stream.expires_after(timeout);
    http::async_write(c->stream, c->request, [raw = c.get()](boost::system::error_code ec, std::size_t) {
      if (ec) {
        raw->error = ec;
        raw->done = true;
        return;
      }
      http::async_read(raw->stream, raw->buffer, raw->response, [raw](boost::system::error_code rec, std::size_t) {
        raw->error = rec;
        raw->done = true;
      });
    });
  }
  ioc.run_for(timeout + std::chrono::seconds(1));
  BurstResult result;
  for (auto& c : connections) {
    if (c->done && !c->error && c->response.result_int() < 400)
      ++result.ok;
    else
      ++result.failed;
    result.statuses.push_back(c->done && !c->error ? c->response.result_int() : 0);
    result.cache_status.emplace_back(c->response["Cache-Status"]);
    result.bodies.push_back(c->response.body());
  }
  return result;
}

}  // namespace edgelab::test
