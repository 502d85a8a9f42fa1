#pragma once
// Keep-alive connections to one upstream (a parent node or the origin), with
// connect and read timeouts. A request on a pooled connection that the peer
// had already closed is retried once on a fresh connection, for idempotent
// methods only.
#include "core/node_config.hpp"
#include "http/upstream_exchange.hpp"

#include <atomic>
#include <mutex>
#include <vector>

namespace edgelab {

struct UpstreamLimits {
  std::chrono::milliseconds connect_timeout{3'000};
  std::chrono::milliseconds read_timeout{30'000};
  std::size_t max_idle = 256;
  std::chrono::milliseconds idle_lifetime{30'000};
  std::size_t header_bytes = 64 * 1024;
};

struct UpstreamCounters {
  std::atomic<std::uint64_t> connects{0};
  std::atomic<std::uint64_t> reuses{0};
  std::atomic<std::uint64_t> retries{0};
  std::atomic<std::uint64_t> failures{0};
};

class UpstreamPool : public std::enable_shared_from_this<UpstreamPool> {
 public:
  using SendHandler = std::function<void(boost::system::error_code, UpstreamExchangePtr)>;

  UpstreamPool(net::io_context& ioc, Endpoint upstream, UpstreamLimits limits);

  // Writes the request and reads the response header.
  void send(std::shared_ptr<const Request> request, SendHandler done);
  void release(std::unique_ptr<UpstreamConnection> connection);
  void close_idle();

  const Endpoint& upstream() const { return upstream_; }
  const UpstreamCounters& counters() const { return counters_; }
  const UpstreamLimits& limits() const { return limits_; }

 private:
  class Attempt;
  std::unique_ptr<UpstreamConnection> take_idle();

  net::io_context& ioc_;
  Endpoint upstream_;
  UpstreamLimits limits_;
  UpstreamCounters counters_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<UpstreamConnection>> idle_;
};

}  // namespace edgelab
