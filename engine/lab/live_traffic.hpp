#pragma once
// The lab's simulated users for a lab that stays up (the console, edgelabd lab
// --serve): unlike TrafficGenerator's fixed run, they run until stopped, keep
// no per-request records (each outcome goes to an observer, so memory stays
// flat for hours), and their rate, mix, object count, Zipf exponent and seed
// change while they run. Same model otherwise: open-loop at the target rate,
// a city by population, a class by share and an object by Zipf popularity, the
// PoP the anycast router picks, the client<->PoP leg on async timers.
#include "geo/geo_router.hpp"
#include "geo/wan_latency.hpp"
#include "http/upstream_pool.hpp"
#include "lab/served_tier.hpp"
#include "lab/traffic_mix.hpp"
#include "lab/user_connections.hpp"
#include "lab/user_population.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <vector>

namespace edgelab {

// What the console can change at run time (GET/PUT /lab/v1/traffic).
struct LiveTrafficSettings {
  bool running = true;
  double rps = 250;                              // 0..20000
  double mix[kObjectClasses] = {0.7, 0.2, 0.1};  // static, semi-dynamic, dynamic
  std::uint32_t objects = 1000;                  // per class, 1..1e6
  double zipf = 0.9;                             // 0..3
  std::uint32_t seed = 1;
  bool operator==(const LiveTrafficSettings&) const = default;
};

// One simulated request's outcome.
struct LiveRequest {
  std::int64_t time_ms = 0;  // when the answer reached the user (unix ms)
  std::size_t city = 0;      // index into UserPopulation::cities()
  int pop = -1;              // index into the router's PoPs; -1: no PoP would take it
  ServedTier tier = ServedTier::error;
  std::uint32_t latency_us = 0;
  std::uint16_t status = 0;  // 0: no answer
  std::string url;           // the request target
  std::uint32_t link_us = 0;  // the simulated one-way delay user -> PoP
  // The Cache-Status the user received. The generator reads it anyway to tell
  // the tier, so it is moved here, not copied; only sampled requests keep it.
  std::string cache_status;
};

struct LiveTrafficCounters {
  std::uint64_t launched = 0;
  std::uint64_t completed = 0;
  std::uint64_t shed = 0;      // not sent: max_in_flight were out, or this machine fell a second behind
  std::uint64_t no_route = 0;  // every PoP down or full
};

class LiveTraffic : public std::enable_shared_from_this<LiveTraffic> {
 public:
  // Runs on the traffic strand for every request answered, failed or unroutable.
  using Observer = std::function<void(const LiveRequest&)>;

  // `base` gives what the settings do not (object size, TTLs, host, in-flight
  // cap); `pop_endpoints[i]` is the data port of router.pops()[i]; `users` and
  // `router` must outlive the traffic.
  LiveTraffic(net::io_context& ioc, TrafficConfig base, const UserPopulation& users, GeoRouter& router,
              std::vector<Endpoint> pop_endpoints, WanLatencyModel client_wan, Observer observer);
  // Starts pacing (launching only while settings().running).
  void start(LiveTrafficSettings settings);
  // Thread-safe; the new settings apply from the next pacing tick.
  void apply(const LiveTrafficSettings& settings);
  LiveTrafficSettings settings() const;
  LiveTrafficCounters counters() const;
  // Stops launching for good; `done` runs once the requests in flight are done.
  void shutdown(std::function<void()> done);

 private:
  struct InFlight;
  void tick();
  void launch_one(std::chrono::steady_clock::time_point now);
  void send(std::shared_ptr<InFlight> request);
  void answered(std::shared_ptr<InFlight> request, unsigned status, std::string cache_status);
  void finish(std::shared_ptr<InFlight> request);
  void maybe_done();
  void report(const InFlight& request);

  net::strand<net::io_context::executor_type> strand_;
  TrafficConfig base_;
  const UserPopulation& users_;
  GeoRouter& router_;
  std::vector<std::shared_ptr<UpstreamPool>> pools_;
  WanLatencyModel wan_;
  Observer observer_;
  net::steady_timer pacer_;

  std::mutex apply_mutex_;
  mutable std::mutex mutex_;  // guards settings_, pending_mix_ and counters_ (read from other threads)
  LiveTrafficSettings settings_;
  std::shared_ptr<const TrafficMix> pending_mix_;  // built by apply(), taken by the next tick
  LiveTrafficCounters counters_;

  // On the strand.
  LiveTrafficSettings active_;
  std::shared_ptr<const TrafficMix> mix_;
  std::mt19937_64 random_;
  std::mt19937 jitter_random_;
  std::chrono::steady_clock::time_point epoch_;  // pacing restarts when the rate changes
  std::uint64_t launched_since_epoch_ = 0;
  std::uint64_t in_flight_ = 0;
  bool stopping_ = false;
  bool finished_ = false;
  std::function<void()> done_;
};

}  // namespace edgelab
