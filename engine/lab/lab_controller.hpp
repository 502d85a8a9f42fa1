#pragma once
// A lab that stays up and is driven from outside: simulated users that run
// until stopped and change at run time, health monitors over every node (the
// PoPs' monitor also steers the anycast router), per-second lab metrics, a
// sampled stream of the users' requests, and the lab's events (faults, health
// changes, traffic changes). Everything here is bounded (rings), so a lab up
// for hours costs what it cost after the first hour. The lab API (LabApi)
// serves it over HTTP; LabService puts the two together.
#include "admin/event_bus.hpp"
#include "core/io_pool.hpp"
#include "core/job_thread.hpp"
#include "lab/health_monitor.hpp"
#include "lab/lab_fleet.hpp"
#include "lab/lab_metrics.hpp"
#include "lab/live_traffic.hpp"
#include "lab/what_if_query.hpp"

#include <boost/json/object.hpp>

#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace edgelab {

// A whole number as a JSON integer ("rps":250, not 2.5E2); anything else as a double.
boost::json::value json_number(double v);

struct LabControllerOptions {
  TrafficConfig traffic;         // what the settings do not cover (object size, TTLs, users' population)
  LiveTrafficSettings settings;  // the users at start-up
  HealthThresholds health{std::chrono::milliseconds(1000), std::chrono::milliseconds(800),
                          std::chrono::milliseconds(300), 0.05};
  std::size_t metrics_seconds = 3600;
  std::size_t samples_per_second = 100;
  WanLatencyModel client_wan;
};

class LabController {
 public:
  static constexpr std::size_t kEventCapacity = 1000;
  static constexpr std::size_t kSampleCapacity = 1000;

  // `fleet`, `topology` and `catalogue` must outlive the controller.
  static std::unique_ptr<LabController> start(LabFleet& fleet, const Topology& topology,
                                              const RegionCatalogue& catalogue, LabControllerOptions options,
                                              std::string& error);
  // Stops the users (waiting for those in flight), the monitors and the timers.
  ~LabController();
  LabController(const LabController&) = delete;
  LabController& operator=(const LabController&) = delete;

  LabFleet& fleet() { return fleet_; }
  const Topology& topology() const { return topology_; }

  // GET /lab/v1/topology
  boost::json::object topology_json() const;
  // Unique to this start of the lab ("<started unix ms>-<16 hex digits>"), so
  // a console can tell a restarted lab from the one it was watching.
  const std::string& instance() const { return instance_; }
  // GET/PUT /lab/v1/traffic; a change is published as a traffic event.
  LiveTrafficSettings traffic() const { return traffic_->settings(); }
  void set_traffic(const LiveTrafficSettings& settings);
  LiveTrafficCounters traffic_counters() const { return traffic_->counters(); }
  // GET /lab/v1/health
  boost::json::object health_json() const;
  // GET /lab/v1/metrics
  boost::json::object metrics_json(std::int64_t after_s) const;
  OffloadFigures offload_last(std::size_t seconds) const { return metrics_.offload_last(seconds); }
  OffloadFigures offload_total() const { return metrics_.offload_total(); }
  // GET /lab/v1/whatif: the path's nodes are asked through their admin APIs,
  // asynchronously; `done` gets the answer as the API shows it, on the lab's pool.
  void what_if(const WhatIfQuery& query, std::function<void(boost::json::object)> done) const;
  const RegionCatalogue& catalogue() const { return *catalogue_; }

  // Which nodes a kill took down (a second kill, or a revive of a live node, is refused).
  bool killed(const std::string& node) const;
  void set_killed(const std::string& node, bool killed);
  // Faults run here (blocking node starts and stops stay off the io threads).
  JobThread& fault_worker() { return faults_; }
  // Events ("fault", "health", "traffic") and sampled requests, for long-polls.
  EventBus& events() { return *events_; }
  EventBus& samples() { return *samples_; }
  // Publishes an event; returns it as the API shows it.
  boost::json::object publish(const std::string& kind, const std::string& node, const std::string& message,
                              boost::json::object extra = {});

  LabController(LabFleet& fleet, const Topology& topology, LabControllerOptions options);

 private:
  struct HealthRow {
    std::string node;
    std::string role;
    PopHealth state = PopHealth::healthy;
    std::string reason;
    std::int64_t since_ms = 0;
  };
  void observe(const LiveRequest& request);  // on the traffic strand
  void tick();                               // every 200 ms on the controller's strand
  void health_changed(std::size_t row, PopHealth from, PopHealth to, const std::string& why);

  LabFleet& fleet_;
  const Topology& topology_;
  const RegionCatalogue* catalogue_ = nullptr;
  LabControllerOptions options_;
  std::string instance_;
  std::optional<UserPopulation> users_;
  std::unique_ptr<GeoRouter> router_;         // the PoPs, as users reach them
  std::unique_ptr<GeoRouter> shield_states_;  // the shields' health (nobody is routed by it)
  std::vector<std::string> pop_names_;
  std::vector<std::string> pop_shields_;   // the shield each PoP forwards to, or empty
  std::vector<const LabNode*> pop_nodes_;  // in the router's order
  LabMetrics metrics_;
  std::shared_ptr<EventBus> events_ = std::make_shared<EventBus>(kEventCapacity);
  std::shared_ptr<EventBus> samples_ = std::make_shared<EventBus>(kSampleCapacity);

  mutable std::mutex killed_mutex_;
  std::set<std::string> killed_;
  mutable std::mutex health_mutex_;
  std::vector<HealthRow> health_;  // in fleet node order

  std::mutex samples_mutex_;  // the traffic strand adds, the tick publishes
  std::vector<std::pair<std::string, boost::json::object>> pending_samples_;
  double sample_credit_ = 0;  // samples allowed now (see observe)
  std::int64_t sample_credit_ms_ = 0;
  std::int64_t sample_second_ = 0;
  std::size_t samples_this_second_ = 0;

  JobThread faults_{32};
  IoPool pool_{1};  // users, health checks and the tick
  std::shared_ptr<LiveTraffic> traffic_;
  std::shared_ptr<HealthMonitor> pop_monitor_;
  std::shared_ptr<HealthMonitor> shield_monitor_;
  std::unique_ptr<net::steady_timer> ticker_;
  std::atomic<bool> stopping_{false};
};

}  // namespace edgelab
