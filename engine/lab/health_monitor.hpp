#pragma once
// Health of the lab's PoPs, after Traffic Monitor: an active check of each
// node's /health every interval, plus passive error counting from the traffic.
// A refused or failed check marks a PoP down at once; a timed-out one
// degrades it, and a second in a row marks it down (a busy machine is not a
// dead node); a slow check or too many errors degrades it; a good check
// brings it back. States go to the GeoRouter, so a killed PoP's traffic moves to the
// next nearest within one interval (a BGP withdrawal, simulated).
#include "control/admin_client.hpp"
#include "geo/geo_router.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace edgelab {

struct HealthThresholds {
  std::chrono::milliseconds interval{1000};
  std::chrono::milliseconds timeout{500};          // a check slower than this failed
  std::chrono::milliseconds degraded_latency{200};  // a check slower than this degrades
  double degraded_error_rate = 0.05;               // passive errors per request in the last interval
};

class HealthMonitor : public std::enable_shared_from_this<HealthMonitor> {
 public:
  using ChangeHandler = std::function<void(std::size_t pop, PopHealth from, PopHealth to, const std::string& why)>;

  // `admin[i]` is the admin endpoint of router.pops()[i].
  HealthMonitor(net::any_io_executor ex, GeoRouter& router, std::vector<AdminEndpoint> admin,
                HealthThresholds thresholds, ChangeHandler on_change = {});
  void start();
  // Blocking until a check being judged is done (then no more changes reach
  // the router); not for the monitor's own executor threads.
  void stop();
  // Passive: the outcome of one request served (or not) by `pop`.
  void record(std::size_t pop, bool error);

 private:
  struct PopCounters {
    std::uint64_t requests = 0;
    std::uint64_t errors = 0;
    int timeouts_in_a_row = 0;
  };
  void check_all();
  void judge(std::size_t pop, const AdminReply& reply);
  void set(std::size_t pop, PopHealth health, const std::string& why);

  net::strand<net::any_io_executor> strand_;
  GeoRouter& router_;
  std::vector<AdminEndpoint> admin_;
  HealthThresholds thresholds_;
  ChangeHandler on_change_;
  net::steady_timer timer_;
  std::vector<PopCounters> counters_;  // on the strand
  std::atomic<bool> stopped_{false};
};

}  // namespace edgelab
