#pragma once
// The lab's simulated users. Requests are launched open-loop at the target
// rate (paced every few ms), each from a city drawn by population, for an
// object drawn by class share and Zipf popularity, to the PoP the anycast
// router picks. The client->PoP leg is simulated with async timers (one way
// out, one way back) around the real exchange with the PoP over a kept
// connection; the upstream legs are the lab's WanLinks. Every outcome is
// recorded and reported to the health monitor (passive checks).
#include "geo/geo_router.hpp"
#include "geo/wan_latency.hpp"
#include "http/upstream_pool.hpp"
#include "lab/request_record.hpp"
#include "lab/traffic_mix.hpp"
#include "lab/user_connections.hpp"
#include "lab/user_population.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <functional>
#include <memory>
#include <random>
#include <vector>

namespace edgelab {

struct TrafficCounters {
  std::uint64_t launched = 0;
  std::uint64_t completed = 0;
  std::uint64_t shed = 0;      // not sent: max_in_flight requests were already out
  std::uint64_t no_route = 0;  // every PoP down or full
  std::uint32_t max_pacing_lag_ms = 0;  // how late a request went out at worst (this machine falling behind)
};

class TrafficGenerator : public std::enable_shared_from_this<TrafficGenerator> {
 public:
  // Called for every request a PoP answered or failed (`error`: failed or 5xx).
  using Observer = std::function<void(std::size_t pop, bool error)>;

  // `pop_endpoints[i]` is the data port of router.pops()[i]; `router`,
  // `mix` and `users` must outlive the generator.
  TrafficGenerator(net::io_context& ioc, TrafficConfig config, const TrafficMix& mix, const UserPopulation& users,
                   GeoRouter& router, std::vector<Endpoint> pop_endpoints, WanLatencyModel client_wan,
                   Observer observer = {});
  // Launches the run; `done` is called once every request has finished.
  void start(std::function<void()> done);
  // Stops launching; requests in flight still finish.
  void stop();

  // Valid after `done`.
  const std::vector<RequestRecord>& records() const { return records_; }
  TrafficCounters counters() const { return counters_; }
  std::chrono::steady_clock::time_point started_at() const { return started_; }
  std::chrono::microseconds elapsed() const { return elapsed_; }

 private:
  struct InFlight;
  void tick();
  void launch_one(std::chrono::steady_clock::time_point now);
  void send(std::shared_ptr<InFlight> request);
  void answered(std::shared_ptr<InFlight> request, unsigned status, std::string cache_status, std::size_t bytes);
  void finish(std::shared_ptr<InFlight> request);
  void maybe_done();

  net::strand<net::io_context::executor_type> strand_;
  TrafficConfig config_;
  const TrafficMix& mix_;
  const UserPopulation& users_;
  GeoRouter& router_;
  std::vector<std::shared_ptr<UpstreamPool>> pools_;
  WanLatencyModel wan_;
  Observer observer_;
  std::mt19937_64 random_;
  std::mt19937 jitter_random_;
  net::steady_timer pacer_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::microseconds elapsed_{0};
  std::uint64_t budget_ = 0;
  std::uint64_t in_flight_ = 0;
  bool stopping_ = false;
  bool finished_ = false;
  std::function<void()> done_;
  std::vector<RequestRecord> records_;
  TrafficCounters counters_;
};

}  // namespace edgelab
