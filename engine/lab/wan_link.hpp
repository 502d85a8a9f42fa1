#pragma once
// A simulated WAN link on loopback: it accepts on a port of its own and relays
// every byte to its target, each direction delayed by the link's one-way
// delay (async timers, a delay line per direction; never a sleep). The TCP
// handshake crosses the link too, so a new connection costs a round trip, as
// on a real WAN. Faults: a changed delay applies to bytes read from then on;
// a cut link refuses new connections and drops open ones.
//
// A pair never outlives its use: a close (FIN) from either side is passed on
// after the delay, and once one side has closed the pair is closed whole when
// the other side closes too, or kHalfCloseTimeout after the last byte moved,
// whichever comes first; a reset or an error on either side closes both at
// once; and a pair with no byte moving either way for the idle timeout is
// closed (the endpoints' own keep-alive timeouts normally close it first).
#include "core/node_config.hpp"
#include "http/http_types.hpp"

#include <atomic>
#include <chrono>
#include <list>
#include <memory>
#include <mutex>

namespace edgelab {

class WanLink : public std::enable_shared_from_this<WanLink> {
 public:
  static constexpr std::size_t kChunk = 16 * 1024;
  static constexpr std::size_t kMaxInFlight = 4 << 20;  // per direction, then reading pauses
  static constexpr std::chrono::milliseconds kIdleTimeout{60'000};
  static constexpr std::chrono::milliseconds kHalfCloseTimeout{5'000};

  WanLink(net::io_context& ioc, Endpoint target, std::chrono::microseconds one_way,
          std::chrono::milliseconds idle_timeout = kIdleTimeout);
  boost::system::error_code listen();  // on 127.0.0.1, a free port
  std::uint16_t port() const { return port_; }
  const Endpoint& target() const { return target_; }

  std::chrono::microseconds delay() const { return std::chrono::microseconds(delay_us_.load()); }
  void set_delay(std::chrono::microseconds one_way) { delay_us_ = one_way.count(); }
  void set_cut(bool cut);
  bool cut() const { return cut_; }
  void close();
  // Relayed pairs open now (both sockets held); the link's own listener is not counted.
  std::size_t open_pairs() const { return open_pairs_; }
  std::chrono::milliseconds idle_timeout() const { return idle_timeout_; }

 private:
  class Session;
  void accept();

  net::io_context& ioc_;
  Endpoint target_;
  tcp::acceptor acceptor_;
  std::uint16_t port_ = 0;
  std::atomic<std::int64_t> delay_us_;
  std::atomic<bool> cut_{false};
  std::chrono::milliseconds idle_timeout_;
  std::atomic<std::size_t> open_pairs_{0};
  std::mutex mutex_;
  std::list<std::weak_ptr<Session>> sessions_;
};

}  // namespace edgelab
