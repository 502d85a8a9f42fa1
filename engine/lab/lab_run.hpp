#pragma once
// One headless run of the lab: simulated users against a running LabFleet,
// with the anycast router and its health monitor, faults applied on time,
// per-second metrics for every node (kept in memory and, when asked, in a
// SQLite run database), and at the end the report.
#include "lab/fault_schedule.hpp"
#include "lab/health_monitor.hpp"
#include "lab/lab_fleet.hpp"
#include "lab/lab_report.hpp"
#include "lab/metrics_history.hpp"

#include <boost/system/result.hpp>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace edgelab {

struct LabRunOptions {
  TrafficConfig traffic;
  // Checks every second, as Traffic Monitor polls: a lab of many nodes on two
  // cores answers slowly when busy, and that should read as degraded, not down.
  HealthThresholds health{std::chrono::milliseconds(1000), std::chrono::milliseconds(800),
                          std::chrono::milliseconds(300), 0.05};
  std::vector<FaultStep> faults;
  std::string run_db_path;  // empty: no run database
  std::size_t history_seconds = 3600;
  WanLatencyModel client_wan;  // the users' own leg to their PoP
  std::function<void(const std::string&)> progress;  // a line now and then (faults applied, each 10 s)
};

class LabRun {
 public:
  LabRun(LabFleet& fleet, const Topology& topology, const RegionCatalogue& catalogue, LabRunOptions options);
  ~LabRun();

  // Blocking: the whole run, then its report. Call it from a thread of your
  // own (never one of the lab's io threads). Errors: bad settings, an
  // unusable run database.
  boost::system::result<LabReport, std::string> run();

  // Ends the run early (from any thread): no more requests are sent, those
  // in flight finish, the report covers what was done.
  void stop() { stop_requested_ = true; }

  const MetricsHistory* history() const { return history_.get(); }
  // The run's id in the run database, once run() has begun it.
  std::optional<std::int64_t> run_id() const { return run_id_; }
  std::string settings_json() const;
  // What went wrong without ending the run (the run database failing, say).
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  LabFleet& fleet_;
  const Topology& topology_;
  const RegionCatalogue& catalogue_;
  LabRunOptions options_;
  std::unique_ptr<MetricsHistory> history_;
  std::optional<std::int64_t> run_id_;
  std::atomic<bool> stop_requested_{false};
  std::vector<std::string> warnings_;
};

}  // namespace edgelab
