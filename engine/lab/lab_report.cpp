#include "lab/lab_report.hpp"

#include "core/text_table.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <set>

namespace edgelab {
namespace json = boost::json;
namespace {

constexpr std::string_view kTierLabels[kServedTiers] = {"L1 hit", "L2 hit", "shield hit", "origin", "error"};

LatencyFigures figures_of(std::vector<std::uint32_t>& latencies) {
  LatencyFigures f;
  f.count = latencies.size();
  if (latencies.empty()) return f;
  std::sort(latencies.begin(), latencies.end());
  auto at = [&](double q) { return latencies[static_cast<std::size_t>(q * static_cast<double>(latencies.size() - 1))]; };
  f.p50_us = at(0.50);
  f.p99_us = at(0.99);
  double total = 0;
  for (auto l : latencies) total += l;
  f.mean_us = total / static_cast<double>(latencies.size());
  return f;
}

double ms(double us) { return std::round(us / 100.0) / 10.0; }

json::object latency_json(const LatencyFigures& f) {
  return {{"count", f.count}, {"p50_ms", ms(f.p50_us)}, {"p99_ms", ms(f.p99_us)}, {"mean_ms", ms(f.mean_us)}};
}

std::string percent(double ratio) { return format_fixed(100.0 * ratio, 1) + "%"; }

bool cacheable_path(const std::string& path) {
  return path.rfind("/obj/static-", 0) == 0 || path.rfind("/obj/semi-", 0) == 0;
}

}  // namespace

LabReport summarize(const LabRunResult& run) {
  LabReport r;
  r.topology = run.topology;
  r.started_ms = run.started_ms;
  r.duration_s = std::chrono::duration<double>(run.elapsed).count();
  r.target_rps = run.traffic.rps;
  r.shed = run.counters.shed;
  r.no_route = run.counters.no_route;
  r.max_pacing_lag_ms = run.counters.max_pacing_lag_ms;
  r.requests = run.records.size();
  r.achieved_rps = r.duration_s > 0 ? static_cast<double>(r.requests) / r.duration_s : 0;
  r.pops = run.pops;

  std::vector<std::uint32_t> per_tier[kServedTiers], all;
  std::vector<std::vector<std::uint32_t>> pop_latency(r.pops.size());
  std::map<std::string, std::array<std::vector<std::uint32_t>, kServedTiers>> continent_latency;
  std::set<std::pair<int, std::uint32_t>> cacheable;
  for (const auto& rec : run.records) {
    const auto tier = static_cast<int>(rec.tier);
    per_tier[tier].push_back(rec.latency_us);
    ++r.class_requests[static_cast<int>(rec.klass)];
    if (rec.klass != ObjectClass::dynamic) cacheable.emplace(static_cast<int>(rec.klass), rec.rank);
    if (rec.tier != ServedTier::error) all.push_back(rec.latency_us);
    if (rec.tier == ServedTier::error)
      ++r.error_kinds[rec.pop < 0 ? "no PoP" : rec.status == 0 ? "no answer" : "HTTP " + std::to_string(rec.status)];
    if (rec.city < run.user_continents.size())
      continent_latency[run.user_continents[rec.city]][static_cast<std::size_t>(tier)].push_back(rec.latency_us);
    if (rec.pop < 0 || static_cast<std::size_t>(rec.pop) >= r.pops.size()) continue;
    PopFigures& pop = r.pops[static_cast<std::size_t>(rec.pop)];
    ++pop.requests;
    if (rec.tier == ServedTier::l1_hit || rec.tier == ServedTier::l2_hit) ++pop.edge_hits;
    if (rec.tier == ServedTier::error) ++pop.errors;
    if (rec.spilled) ++pop.spilled_in;
    pop_latency[static_cast<std::size_t>(rec.pop)].push_back(rec.latency_us);
  }
  for (int t = 0; t < kServedTiers; ++t) r.tiers[t] = figures_of(per_tier[t]);
  r.all = figures_of(all);
  for (std::size_t p = 0; p < r.pops.size(); ++p) r.pops[p].latency = figures_of(pop_latency[p]);
  for (auto& [continent, tiers] : continent_latency)
    for (int t = 0; t < kServedTiers; ++t) r.by_continent[continent][static_cast<std::size_t>(t)] = figures_of(tiers[static_cast<std::size_t>(t)]);

  for (const auto& [path, n] : run.origin_paths) {
    r.origin_requests += n;
    if (cacheable_path(path)) r.origin_cacheable_requests += n;
  }
  r.origin_revalidations = run.origin_conditional;
  r.distinct_cacheable = cacheable.size();
  r.origin_facing_nodes = run.origin_facing_nodes;
  r.events = run.events;

  std::size_t seconds = run.origin_per_second.size();
  for (const auto& rec : run.records) seconds = std::max<std::size_t>(seconds, rec.at_ms / 1000 + 1);
  r.seconds.resize(seconds);
  for (std::size_t i = 0; i < seconds; ++i) r.seconds[i].second = static_cast<std::uint32_t>(i + 1);
  for (const auto& rec : run.records) ++r.seconds[rec.at_ms / 1000].requests;
  for (std::size_t i = 0; i < run.origin_per_second.size(); ++i) r.seconds[i].origin_requests = run.origin_per_second[i];
  return r;
}

double LabReport::origin_offload_10s() const {
  // The seconds after the last request was sent only hold answers trickling in.
  std::size_t end = seconds.size();
  while (end > 0 && seconds[end - 1].requests == 0) --end;
  std::uint64_t sent = 0, origin = 0;
  for (std::size_t i = end > 10 ? end - 10 : 0; i < end; ++i) {
    sent += seconds[i].requests;
    origin += seconds[i].origin_requests;
  }
  // Origin requests still coming in after the last send belong to the last seconds.
  for (std::size_t i = end; i < seconds.size(); ++i) origin += seconds[i].origin_requests;
  return sent ? 1.0 - static_cast<double>(origin) / static_cast<double>(sent) : 0;
}

json::object LabReport::to_json() const {
  json::object tiers_json;
  for (int t = 0; t < kServedTiers; ++t) tiers_json[to_string(static_cast<ServedTier>(t))] = latency_json(tiers[t]);
  json::object classes;
  for (int c = 0; c < kObjectClasses; ++c) classes[to_string(static_cast<ObjectClass>(c))] = class_requests[c];
  json::object continents;
  for (const auto& [continent, figures] : by_continent) {
    json::object per_tier;
    for (int t = 0; t < kServedTiers; ++t)
      if (figures[static_cast<std::size_t>(t)].count)
        per_tier[to_string(static_cast<ServedTier>(t))] = latency_json(figures[static_cast<std::size_t>(t)]);
    continents[continent] = std::move(per_tier);
  }
  json::array pops_json;
  for (const auto& p : pops)
    pops_json.push_back({{"name", p.name},
                         {"city", p.city},
                         {"requests", p.requests},
                         {"edge_hits", p.edge_hits},
                         {"hit_ratio", std::round(p.hit_ratio() * 10000) / 10000},
                         {"errors", p.errors},
                         {"spilled_in", p.spilled_in},
                         {"latency", latency_json(p.latency)}});
  json::object errors_json;
  for (const auto& [kind, n] : error_kinds) errors_json[kind] = n;
  json::array seconds_json;
  for (const auto& s : seconds)
    seconds_json.push_back({{"second", s.second},
                            {"requests", s.requests},
                            {"origin_requests", s.origin_requests},
                            {"offload", std::round(s.offload() * 10000) / 10000}});
  json::array events_json;
  for (const auto& e : events)
    events_json.push_back({{"at_ms", e.at_ms}, {"what", e.what}, {"target", e.target}, {"detail", e.detail}});
  return {
      {"topology", topology},
      {"started_ms", started_ms},
      {"simulated", "latencies include simulated WAN delays from distance (fiber ~200 km/ms x route inflation + "
                    "base); real processing on this machine adds on top"},
      {"duration_s", std::round(duration_s * 100) / 100},
      {"target_rps", target_rps},
      {"achieved_rps", std::round(achieved_rps * 10) / 10},
      {"requests", requests},
      {"shed", shed},
      {"no_route", no_route},
      {"max_pacing_lag_ms", max_pacing_lag_ms},
      {"latency", latency_json(all)},
      {"tiers", std::move(tiers_json)},
      {"classes", std::move(classes)},
      {"errors", std::move(errors_json)},
      {"by_user_continent", std::move(continents)},
      {"origin",
       {{"requests", origin_requests},
        {"revalidations", origin_revalidations},
        {"cacheable_requests", origin_cacheable_requests},
        {"distinct_cacheable_objects", distinct_cacheable},
        {"origin_facing_nodes", origin_facing_nodes},
        {"fetch_bound", origin_fetch_bound()},
        {"offload", std::round(origin_offload() * 10000) / 10000},
        {"offload_10s", std::round(origin_offload_10s() * 10000) / 10000}}},
      {"seconds", std::move(seconds_json)},
      {"pops", std::move(pops_json)},
      {"events", std::move(events_json)},
  };
}

std::string LabReport::seconds_table() const {
  if (seconds.empty()) return {};
  // At most about 20 rows: long runs are shown in steps of several seconds.
  const std::size_t step = std::max<std::size_t>(1, (seconds.size() + 19) / 20);
  std::vector<std::vector<std::string>> rows{{"seconds", "requests", "origin requests", "offload"}};
  for (std::size_t i = 0; i < seconds.size(); i += step) {
    ReportSecond sum;
    const std::size_t end = std::min(seconds.size(), i + step);
    for (std::size_t j = i; j < end; ++j) {
      sum.requests += seconds[j].requests;
      sum.origin_requests += seconds[j].origin_requests;
    }
    rows.push_back({step == 1 ? std::to_string(i + 1) : std::to_string(i + 1) + "-" + std::to_string(end),
                    format_grouped(sum.requests), format_grouped(sum.origin_requests),
                    sum.requests ? percent(sum.offload()) : "-"});
  }
  return "\nper second (requests by when they were sent):\n" + text_table(rows);
}

std::string LabReport::table() const {
  std::string out = "EdgeLab lab \"" + topology + "\": " + format_grouped(requests) + " requests in " + format_fixed(duration_s, 1) +
                    " s (" + format_fixed(achieved_rps, 0) + " req/s, target " + format_fixed(target_rps, 0) + ")";
  if (shed) out += ", " + format_grouped(shed) + " shed (too many in flight)";
  if (no_route) out += ", " + format_grouped(no_route) + " with no PoP to go to";
  out += "\nLatency as users see it, simulated WAN delays included (real processing adds on top).\n";
  if (max_pacing_lag_ms > 100 || shed > 0)
    out += "Note: this machine fell behind the target rate; the latencies include queueing here, not only "
           "distance. A lower --rps shows the network's shape.\n";
  out += "\n";

  double longest = 1;
  for (int t = 0; t < kServedTiers - 1; ++t) longest = std::max<double>(longest, tiers[t].p50_us);
  std::vector<std::vector<std::string>> rows{{"served by", "requests", "share", "p50 ms", "p99 ms", "p50, to scale"}};
  for (int t = 0; t < kServedTiers; ++t) {
    const auto& f = tiers[t];
    const bool error = t == static_cast<int>(ServedTier::error);
    std::string bar;
    if (!error && f.count) {
      const auto length = std::max<std::size_t>(1, static_cast<std::size_t>(40.0 * f.p50_us / longest + 0.5));
      bar = std::string(length, '#') + " " + format_fixed(ms(f.p50_us), 1) + " ms";
    }
    rows.push_back({std::string(kTierLabels[t]), format_grouped(f.count),
                    percent(requests ? static_cast<double>(f.count) / static_cast<double>(requests) : 0),
                    f.count && !error ? format_fixed(ms(f.p50_us), 1) : "-", f.count && !error ? format_fixed(ms(f.p99_us), 1) : "-",
                    bar});
  }
  out += text_table(rows);

  if (!error_kinds.empty()) {
    out += "errors:";
    for (const auto& [kind, n] : error_kinds) out += " " + kind + " x" + format_grouped(n);
    out += "\n";
  }
  out += "\nmix: static " + format_grouped(class_requests[0]) + ", semi-dynamic " + format_grouped(class_requests[1]) +
         ", dynamic " + format_grouped(class_requests[2]) + "\n";
  out += "origin: " + format_grouped(origin_requests) + " requests (" + format_grouped(origin_revalidations) +
         " revalidations), offload " + percent(origin_offload()) + " over the run, " +
         percent(origin_offload_10s()) + " over its last 10 s; for cacheable objects " +
         format_grouped(origin_cacheable_requests) + " (bound: " + format_grouped(distinct_cacheable) + " distinct x " +
         format_grouped(origin_facing_nodes) + " origin-facing nodes = " + format_grouped(origin_fetch_bound()) + ")\n";

  out += seconds_table();

  if (!by_continent.empty()) {
    out += "\np50 ms by where users are:\n";
    std::vector<std::vector<std::string>> continent_rows{{"users in", "L1 hit", "L2 hit", "shield hit", "origin"}};
    for (const auto& [continent, figures] : by_continent) {
      std::vector<std::string> row{continent};
      for (int t = 0; t < kServedTiers - 1; ++t)
        row.push_back(figures[static_cast<std::size_t>(t)].count ? format_fixed(ms(figures[static_cast<std::size_t>(t)].p50_us), 1) : "-");
      continent_rows.push_back(std::move(row));
    }
    out += text_table(continent_rows);
  }

  out += "\n";
  std::vector<std::vector<std::string>> pop_rows{{"PoP", "city", "requests", "hit ratio", "p50 ms", "p99 ms", "spilled in", "errors"}};
  for (const auto& p : pops)
    pop_rows.push_back({p.name, p.city, format_grouped(p.requests), percent(p.hit_ratio()), format_fixed(ms(p.latency.p50_us), 1),
                        format_fixed(ms(p.latency.p99_us), 1), format_grouped(p.spilled_in), format_grouped(p.errors)});
  out += text_table(pop_rows);
  if (!events.empty()) {
    out += "\nevents:\n";
    const std::int64_t first = started_ms ? started_ms : events.front().at_ms;
    for (const auto& e : events)
      out += "  +" + format_fixed(static_cast<double>(e.at_ms - first) / 1000.0, 2) + " s  " + e.what + " " + e.target +
             (e.detail.empty() ? "" : ": " + e.detail) + "\n";
  }
  return out;
}

}  // namespace edgelab
