#include "lab/lab_run.hpp"

#include "core/wall_clock.hpp"
#include "lab/metrics_sampler.hpp"
#include "lab/run_database.hpp"
#include "lab/traffic_generator.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <future>

namespace edgelab {
namespace json = boost::json;
namespace {

using RunResult = boost::system::result<LabReport, std::string>;
RunResult fail(std::string message) { return RunResult(boost::system::in_place_error, std::move(message)); }

}  // namespace

LabRun::LabRun(LabFleet& fleet, const Topology& topology, const RegionCatalogue& catalogue, LabRunOptions options)
    : fleet_(fleet), topology_(topology), catalogue_(catalogue), options_(std::move(options)) {}

LabRun::~LabRun() = default;

std::string LabRun::settings_json() const {
  const TrafficConfig& t = options_.traffic;
  json::object population;
  for (const auto& [region, weight] : t.population) population[region] = weight;
  json::array faults;
  for (const auto& f : options_.faults)
    faults.push_back({{"at_ms", f.at.count()}, {"action", f.action}, {"target", f.target}, {"value_ms", f.value_ms}});
  return json::serialize(json::object{
      {"traffic",
       {{"rps", t.rps},
        {"duration_s", t.duration_s},
        {"max_requests", t.max_requests},
        {"objects", t.objects},
        {"zipf", t.zipf_exponent},
        {"mix", {{"static", t.share[0]}, {"semi_dynamic", t.share[1]}, {"dynamic", t.share[2]}}},
        {"object_bytes", t.object_bytes},
        {"static_ttl_s", t.static_ttl_s},
        {"semi_ttl_s", t.semi_ttl_s},
        {"semi_swr_s", t.semi_swr_s},
        {"population", std::move(population)},
        {"seed", t.seed},
        {"max_in_flight", t.max_in_flight}}},
      {"health_interval_ms", options_.health.interval.count()},
      {"faults", std::move(faults)},
      {"nodes", fleet_.nodes().size()}});
}

boost::system::result<LabReport, std::string> LabRun::run() {
  if (auto problem = validate(options_.traffic); !problem.empty()) return fail(problem);
  for (const auto& f : options_.faults)
  {
    if (auto problem = check_fault(fleet_, f); !problem.empty()) return fail(problem);
    if (f.at.count() > options_.traffic.duration_s * 1000)
      return fail("fault " + f.action + " at " + std::to_string(f.at.count()) + " ms comes after the run's end");
  }
  auto users = UserPopulation::build(catalogue_, options_.traffic.population);
  if (!users) return fail(users.error());
  const TrafficMix mix(options_.traffic);

  // The anycast router sees the PoPs; shields are behind them.
  std::vector<PopSite> sites;
  std::vector<Endpoint> data;
  std::vector<AdminEndpoint> admin;
  LabRunResult result;
  std::vector<SampledNode> sampled;
  for (std::size_t i = 0; i < fleet_.nodes().size(); ++i) {
    const LabNode& n = fleet_.nodes()[i];
    sampled.push_back({n.name, [this, i] { return fleet_.node_of(i); }, n.upstream_name == "origin"});
    if (n.upstream_name == "origin") ++result.origin_facing_nodes;
    if (n.role != LabNode::Role::pop) continue;
    sites.push_back({n.name, n.region->at, n.capacity_rps});
    data.push_back({"127.0.0.1", n.node->port()});
    admin.push_back({"127.0.0.1", std::to_string(n.node->admin_port()), n.node->admin_token()});
    result.pops.push_back({n.name, n.region->city});
  }
  if (sites.empty()) return fail(std::string("the topology has no PoP to send users to"));
  GeoRouter router(std::move(sites));

  std::unique_ptr<RunDatabase> database;
  const std::int64_t started_ms = unix_millis();
  if (!options_.run_db_path.empty()) {
    std::string error;
    database = RunDatabase::open(options_.run_db_path, error);
    if (!database) return fail("run database " + options_.run_db_path + ": " + error);
    run_id_ = database->begin_run(topology_.name, started_ms, settings_json(), error);
    if (!run_id_) return fail(error);
  }
  std::vector<std::string> history_nodes;
  for (const auto& s : sampled) history_nodes.push_back(s.name);
  history_nodes.push_back("origin");
  history_ = std::make_unique<MetricsHistory>(history_nodes, options_.history_seconds);
  std::string database_error;
  MetricsSampler sampler(
      sampled, &fleet_.origin(), *history_,
      [&](const std::vector<std::pair<std::size_t, NodeSecond>>& second) {
        if (!database || !database_error.empty()) return;
        std::vector<std::pair<std::string, NodeSecond>> rows;
        for (const auto& [node, row] : second) rows.emplace_back(history_nodes[node], row);
        if (!database->append_seconds(*run_id_, rows, database_error) && options_.progress)
          options_.progress("run database: " + database_error + " (the run goes on; its seconds are not kept)");
      });

  const auto origin_before = fleet_.origin().requests_by_path();
  const auto conditional_before = fleet_.origin().conditional_requests();
  IoPool clients(1);
  auto monitor = std::make_shared<HealthMonitor>(
      clients.context().get_executor(), router, admin, options_.health,
      [this, &result](std::size_t pop, PopHealth from, PopHealth to, const std::string& why) {
        fleet_.record_event("health", result.pops[pop].name,
                            std::string(to_string(from)) + " -> " + std::string(to_string(to)) + ": " + why);
      });
  auto generator = std::make_shared<TrafficGenerator>(
      clients.context(), options_.traffic, mix, *users, router, data, options_.client_wan,
      [monitor](std::size_t pop, bool error) { monitor->record(pop, error); });

  std::promise<void> finished;
  auto done = finished.get_future();
  sampler.start();
  monitor->start();
  const auto started = std::chrono::steady_clock::now();
  generator->start([&finished] { finished.set_value(); });

  auto faults = options_.faults;
  std::stable_sort(faults.begin(), faults.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
  auto next_progress = started + std::chrono::seconds(10);
  std::size_t next_fault = 0;
  // The run ends when its requests have; a generous cap stops a stuck run anyway.
  const auto deadline = started + std::chrono::milliseconds(static_cast<std::int64_t>(options_.traffic.duration_s * 1000)) +
                        std::chrono::seconds(60);
  bool stopped_early = false;
  for (;;) {
    // Wakes at least every 200 ms to see a stop request.
    auto wake = std::min({next_progress, deadline, std::chrono::steady_clock::now() + std::chrono::milliseconds(200)});
    if (next_fault < faults.size()) wake = std::min(wake, started + faults[next_fault].at);
    if (done.wait_until(wake) == std::future_status::ready) break;
    const auto now = std::chrono::steady_clock::now();
    while (next_fault < faults.size() && now >= started + faults[next_fault].at) {
      std::string error;
      const FaultStep& f = faults[next_fault++];
      const bool applied = apply_fault(fleet_, f, error);
      if (!applied) fleet_.record_event("fault_failed", f.target.empty() ? "origin" : f.target, f.action + ": " + error);
      if (options_.progress)
        options_.progress("fault " + f.action + (f.target.empty() ? "" : " " + f.target) +
                          (applied ? "" : " failed: " + error));
    }
    if (now >= next_progress) {
      if (options_.progress) {
        const auto c = generator->counters();
        options_.progress(std::to_string(std::chrono::duration_cast<std::chrono::seconds>(now - started).count()) +
                          " s: " + std::to_string(c.launched) + " requests sent");
      }
      next_progress += std::chrono::seconds(10);
    }
    if ((now >= deadline || stop_requested_) && !stopped_early) {
      stopped_early = true;
      generator->stop();
    }
  }
  monitor->stop();
  sampler.stop();
  clients.stop();

  result.topology = topology_.name;
  result.started_ms = started_ms;
  result.traffic = options_.traffic;
  result.records = generator->records();
  result.counters = generator->counters();
  result.elapsed = generator->elapsed();
  for (const auto& c : users->cities()) result.user_continents.push_back(c.continent);
  const auto origin_after = fleet_.origin().requests_by_path();
  for (const auto& [path, n] : origin_after) {
    auto before = origin_before.find(path);
    const std::uint64_t delta = n - (before == origin_before.end() ? 0 : before->second);
    if (delta) result.origin_paths[path] = delta;
  }
  result.origin_conditional = fleet_.origin().conditional_requests() - conditional_before;
  for (auto& e : fleet_.events())
    if (e.at_ms >= started_ms) result.events.push_back(std::move(e));
  for (const auto& s : history_->series(history_->index_of("origin"))) {
    if (s.second == 0) continue;
    if (result.origin_per_second.size() < s.second) result.origin_per_second.resize(s.second);
    result.origin_per_second[s.second - 1] += s.requests;
  }
  LabReport report = summarize(result);
  // A run database that failed along the way costs the stored copy, never the report.
  if (database) {
    std::string error;
    if (!database_error.empty())
      warnings_.push_back("run database " + options_.run_db_path + ": " + database_error +
                          " (some seconds were not stored)");
    if (!database->finish_run(*run_id_, json::serialize(report.to_json()), report.events, error))
      warnings_.push_back("run database " + options_.run_db_path + ": the report was not stored: " + error);
  }
  return report;
}

}  // namespace edgelab
