#pragma once
// Keep-alive connections to one upstream (a parent node or the origin), with
// connect and read timeouts. A request on a pooled connection that the peer
// had already closed is retried once on a fresh connection, for idempotent
// methods only.
//
// A connection is pooled only at a provable message boundary: the response
// was framed exactly, nothing is buffered and nothing is readable. While idle
// it is watched (as nginx's keepalive module does): any byte or a close from
// the peer drops it at once, and it is checked once more when taken.
//
// The pool is bounded twice: at most `max_idle` idle connections, and none
// idle for longer than `idle_timeout` (closed by the pool then, not merely
// skipped when taken). The most recently used connection is taken first, so
// the connections a burst opened and steady traffic no longer needs are the
// ones that grow old: the pool settles at the peak concurrency of the last
// `idle_timeout`, as HAProxy's idle purge does.
#include "core/node_config.hpp"
#include "http/protocol_error.hpp"
#include "http/upstream_exchange.hpp"

#include <boost/asio/steady_timer.hpp>

#include <atomic>
#include <mutex>
#include <vector>

namespace edgelab {

struct UpstreamLimits {
  std::chrono::milliseconds connect_timeout{3'000};
  std::chrono::milliseconds read_timeout{30'000};
  std::size_t max_idle = 256;
  std::chrono::milliseconds idle_timeout{30'000};  // an idle connection is closed after this
  std::size_t header_bytes = 64 * 1024;
  std::size_t max_headers = 100;
};

struct UpstreamCounters {
  std::atomic<std::uint64_t> connects{0};
  std::atomic<std::uint64_t> reuses{0};
  std::atomic<std::uint64_t> retries{0};
  std::atomic<std::uint64_t> failures{0};
  std::atomic<std::uint64_t> idle_closed{0};        // pooled connections the peer closed while idle
  std::atomic<std::uint64_t> idle_expired{0};       // pooled connections closed after idle_timeout
  std::atomic<std::uint64_t> interim_responses{0};  // 1xx consumed before a final response
  KindCounters<UpstreamFramingError> framing;
};

class UpstreamPool : public std::enable_shared_from_this<UpstreamPool> {
 public:
  using SendHandler = std::function<void(boost::system::error_code, UpstreamExchangePtr)>;
  // A 103 Early Hints arrived before the final response: forward it, then
  // call `resume` (from any thread) so the final response is read.
  using InterimHandler = std::function<void(const http::response_header<>& hints, std::function<void()> resume)>;
  using FramingObserver = std::function<void(UpstreamFramingError kind, const Endpoint& upstream)>;

  UpstreamPool(net::io_context& ioc, Endpoint upstream, UpstreamLimits limits);
  ~UpstreamPool();

  // Writes the request and reads the final response header (interim 1xx
  // responses are consumed; 103s go to `interim` when given).
  void send(std::shared_ptr<const Request> request, SendHandler done, InterimHandler interim = {});
  // Takes back a connection whose exchange ended with a complete, keep-alive
  // message; it is pooled only if nothing is left unread on it.
  void release(std::unique_ptr<UpstreamConnection> connection);
  // Closes the idle connections and pools none from then on (node shutdown).
  void close_idle();
  std::size_t idle_count() const;
  // Pooled connections holding bytes the node read but did not consume: the
  // invariant is that this is always 0 (the fuzz target checks it).
  std::size_t idle_with_buffered_bytes() const;

  // Counts a framing error and tells the observer (set before traffic starts).
  void note_framing(UpstreamFramingError kind);
  void set_framing_observer(FramingObserver observer) { observer_ = std::move(observer); }

  const Endpoint& upstream() const { return upstream_; }
  const UpstreamCounters& counters() const { return counters_; }
  UpstreamCounters& counters() { return counters_; }
  const UpstreamLimits& limits() const { return limits_; }
  net::io_context& io_context() { return ioc_; }

  std::unique_ptr<UpstreamConnection> take_idle();

 private:
  struct IdleConnection {
    std::unique_ptr<UpstreamConnection> connection;
    std::uint64_t id = 0;
  };
  void drop_idle(std::uint64_t id);
  // Closes the connections idle for idle_timeout; re-arms for the next one.
  void expire_idle();
  void arm_expiry_locked();  // under mutex_

  net::io_context& ioc_;
  Endpoint upstream_;
  UpstreamLimits limits_;
  UpstreamCounters counters_;
  FramingObserver observer_;
  mutable std::mutex mutex_;
  std::vector<IdleConnection> idle_;
  std::uint64_t next_idle_id_ = 0;
  net::steady_timer expiry_;  // due when the oldest idle connection expires; used under mutex_
  bool expiry_armed_ = false;
  bool closed_ = false;  // close_idle() ran: the node is shutting down, pool nothing more
};

}  // namespace edgelab
