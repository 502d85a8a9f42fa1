// edgelabd lab --runs FILE: the runs kept in a run database, side by side.
#include "commands.hpp"
#include "core/text_table.hpp"
#include "lab/run_database.hpp"

#include <boost/json.hpp>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>

namespace edgelab::cli {
namespace {

std::string figure(const boost::json::value* v, const char* format, double scale = 1) {
  if (!v || !v->is_number()) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, format, v->to_number<double>() * scale);
  return buf;
}

const boost::json::value* at(const boost::json::value& root, std::initializer_list<const char*> path) {
  const boost::json::value* v = &root;
  for (const char* key : path) {
    if (!v->is_object()) return nullptr;
    v = v->as_object().if_contains(key);
    if (!v) return nullptr;
  }
  return v;
}

std::string when(std::int64_t unix_ms) {
  const std::time_t t = static_cast<std::time_t>(unix_ms / 1000);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &utc);
  return buf;
}

}  // namespace

int run_lab_runs(const Args& args) {
  const std::string path = option(args, "--runs");
  std::error_code exists_error;
  if (!std::filesystem::exists(path, exists_error)) {
    std::cerr << "edgelabd lab: no run database at " << path << "\n";
    return 2;
  }
  std::string error;
  auto db = RunDatabase::open(path, error);
  if (!db) {
    std::cerr << "edgelabd lab: " << path << ": " << error << "\n";
    return 2;
  }
  auto runs = db->runs(error);
  if (!error.empty()) {
    std::cerr << "edgelabd lab: " << error << "\n";
    return 1;
  }
  std::vector<std::vector<std::string>> rows{{"run", "started (UTC)", "topology", "requests", "req/s", "offload",
                                              "L1 p50 ms", "shield p50 ms", "origin p50 ms", "p99 ms", "errors",
                                              "events"}};
  for (const auto& run : runs) {
    boost::system::error_code ec;
    boost::json::value report = run.report_json.empty() ? boost::json::value() : boost::json::parse(run.report_json, ec);
    if (run.report_json.empty() || ec) {
      rows.push_back({std::to_string(run.id), when(run.started_ms), run.topology, "(unfinished)"});
      continue;
    }
    const auto* events = at(report, {"events"});
    rows.push_back({std::to_string(run.id), when(run.started_ms), run.topology,
                    figure(at(report, {"requests"}), "%.0f"), figure(at(report, {"achieved_rps"}), "%.0f"),
                    figure(at(report, {"origin", "offload"}), "%.1f%%", 100),
                    figure(at(report, {"tiers", "l1_hit", "p50_ms"}), "%.1f"),
                    figure(at(report, {"tiers", "shield_hit", "p50_ms"}), "%.1f"),
                    figure(at(report, {"tiers", "origin", "p50_ms"}), "%.1f"),
                    figure(at(report, {"latency", "p99_ms"}), "%.1f"),
                    figure(at(report, {"tiers", "error", "count"}), "%.0f"),
                    events && events->is_array() ? std::to_string(events->as_array().size()) : "-"});
  }
  std::cout << path << ": " << runs.size() << " run(s)\n" << text_table(rows);
  return 0;
}

}  // namespace edgelab::cli
