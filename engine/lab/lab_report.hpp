#pragma once
// What a lab run showed, from the users' side: per tier (L1 hit, L2 hit,
// shield hit, origin) the count and p50/p99 latency; the origin's load and
// offload; per PoP requests and hit ratio; the run's events. As JSON (the
// --report file, the run database) and as a table with a text bar chart.
// Latencies include the simulated WAN delays; real processing adds on top.
#include "lab/lab_event.hpp"
#include "lab/request_record.hpp"
#include "lab/traffic_generator.hpp"

#include <boost/json/object.hpp>

#include <array>
#include <map>
#include <string>
#include <vector>

namespace edgelab {

struct LatencyFigures {
  std::uint64_t count = 0;
  std::uint32_t p50_us = 0;
  std::uint32_t p99_us = 0;
  double mean_us = 0;
};

struct PopFigures {
  std::string name;
  std::string city;
  std::uint64_t requests = 0;
  std::uint64_t edge_hits = 0;  // L1 or L2 at this PoP
  std::uint64_t errors = 0;
  std::uint64_t spilled_in = 0;  // requests whose nearest PoP was another one
  LatencyFigures latency;
  double hit_ratio() const { return requests ? static_cast<double>(edge_hits) / static_cast<double>(requests) : 0; }
};

// What the report is made from.
struct LabRunResult {
  std::string topology;
  std::int64_t started_ms = 0;  // Unix milliseconds
  TrafficConfig traffic;
  std::vector<RequestRecord> records;
  TrafficCounters counters;
  std::chrono::microseconds elapsed{0};
  std::vector<PopFigures> pops;  // name and city of router.pops()[i]; figures filled in by summarize()
  std::vector<std::string> user_continents;  // continent of UserPopulation::cities()[i]
  std::map<std::string, std::uint64_t> origin_paths;  // origin requests per path during the run
  std::uint64_t origin_conditional = 0;
  std::uint64_t origin_facing_nodes = 0;  // shields, plus PoPs without a shield
  std::vector<LabEvent> events;
  std::vector<std::uint64_t> origin_per_second;  // [i]: origin requests in the run's second i + 1
};

// One second of a run: users' requests sent then, origin requests then.
struct ReportSecond {
  std::uint32_t second = 0;  // 1 is the run's first second
  std::uint64_t requests = 0;
  std::uint64_t origin_requests = 0;
  double offload() const {
    return requests ? 1.0 - static_cast<double>(origin_requests) / static_cast<double>(requests) : 0;
  }
};

struct LabReport {
  std::string topology;
  std::int64_t started_ms = 0;
  double duration_s = 0;
  double target_rps = 0;
  double achieved_rps = 0;
  std::uint64_t requests = 0;  // answered or failed (not shed)
  std::uint64_t shed = 0;
  std::uint64_t no_route = 0;
  std::uint32_t max_pacing_lag_ms = 0;
  LatencyFigures tiers[kServedTiers];
  LatencyFigures all;
  std::uint64_t class_requests[kObjectClasses] = {};
  std::map<std::string, std::uint64_t> error_kinds;  // "HTTP 504", "no answer", "no PoP" -> count
  // Per user continent, each tier's latency (the shape for near and distant users).
  std::map<std::string, std::array<LatencyFigures, kServedTiers>> by_continent;
  std::uint64_t origin_requests = 0;
  std::uint64_t origin_revalidations = 0;    // conditional requests (304s), not full fetches
  std::uint64_t origin_cacheable_requests = 0;  // for static and semi-dynamic objects
  std::uint64_t distinct_cacheable = 0;      // distinct static and semi-dynamic objects asked for
  std::uint64_t origin_facing_nodes = 0;
  std::vector<PopFigures> pops;
  std::vector<LabEvent> events;
  // Per second, so a cold start is not read as the steady state.
  std::vector<ReportSecond> seconds;

  double origin_offload() const {
    return requests ? 1.0 - static_cast<double>(origin_requests) / static_cast<double>(requests) : 0;
  }
  // Over the run's last 10 s with requests (the whole run when shorter): the
  // warm figure, where origin_offload() averages in the cold start.
  double origin_offload_10s() const;
  // Tiering and coalescing at work: each cacheable object fetched at most once per origin-facing node.
  std::uint64_t origin_fetch_bound() const { return distinct_cacheable * origin_facing_nodes; }

  boost::json::object to_json() const;
  std::string table() const;
  std::string seconds_table() const;
};

LabReport summarize(const LabRunResult& run);

}  // namespace edgelab
