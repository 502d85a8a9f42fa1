// edgelabd lab [--topology NAME|FILE]: a whole topology as real nodes on
// loopback; simulated users for --duration seconds, then the report. --serve
// (lab_serve_command.cpp) keeps the lab up behind its control API instead.
#include "commands.hpp"
#include "core/text_table.hpp"
#include "lab_options.hpp"
#include "lab/lab_run.hpp"

#include <boost/json/serialize.hpp>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <thread>

namespace edgelab::cli {

std::string resource_dir() {
  if (const char* dir = std::getenv("EDGELAB_RESOURCES"); dir && *dir) return dir;
  return EDGELAB_RESOURCE_DIR;
}

namespace {
std::string millis(std::chrono::microseconds us) { return format_fixed(static_cast<double>(us.count()) / 1000.0, 1); }

}  // namespace

bool number_option(const Args& args, const std::string& name, double lo, double hi, double& out) {
  const std::string text = option(args, name);
  if (text.empty()) return true;
  try {
    std::size_t used = 0;
    const double v = std::stod(text, &used);
    if (used == text.size() && v >= lo && v <= hi) {
      out = v;
      return true;
    }
  } catch (const std::exception&) {
  }
  std::cerr << "edgelabd lab: " << name << " expects a number from " << lo << " to " << hi << ", got \"" << text
            << "\"\n";
  return false;
}

bool apply_traffic_options(const Args& args, TrafficConfig& t) {
  double duration = t.duration_s, rps = t.rps, requests = static_cast<double>(t.max_requests), zipf = t.zipf_exponent;
  double objects = t.objects, seed = t.seed;
  if (!number_option(args, "--duration", 0.1, 86'400, duration) || !number_option(args, "--rps", 0.1, 100'000, rps) ||
      !number_option(args, "--requests", 0, 1e8, requests) || !number_option(args, "--zipf", 0.01, 5, zipf) ||
      !number_option(args, "--objects", 1, 1e7, objects) || !number_option(args, "--seed", 0, 4e9, seed))
    return false;
  t.duration_s = duration;
  t.rps = rps;
  t.max_requests = static_cast<std::uint64_t>(requests);
  t.zipf_exponent = zipf;
  t.objects = static_cast<std::uint32_t>(objects);
  t.seed = static_cast<std::uint32_t>(seed);
  if (std::string mix = option(args, "--mix"); !mix.empty()) {
    double shares[3];
    char tail = 0;
    if (std::sscanf(mix.c_str(), "%lf,%lf,%lf%c", &shares[0], &shares[1], &shares[2], &tail) != 3 || shares[0] < 0 ||
        shares[1] < 0 || shares[2] < 0) {
      std::cerr << "edgelabd lab: --mix expects STATIC,SEMI,DYNAMIC shares (e.g. 70,20,10), got \"" << mix << "\"\n";
      return false;
    }
    for (int i = 0; i < 3; ++i) t.share[i] = shares[i];
  }
  if (auto problem = validate(t); !problem.empty()) {
    std::cerr << "edgelabd lab: " << problem << "\n";
    return false;
  }
  return true;
}

void print_nodes(const LabFleet& lab, const Topology& topology) {
  std::vector<std::vector<std::string>> rows{
      {"node", "role", "city", "upstream", "link ms (simulated, one way)", "data", "admin"}};
  for (const auto& n : lab.nodes())
    rows.push_back({n.name, n.role == LabNode::Role::shield ? "shield" : "edge", n.region->city, n.upstream_name,
                    millis(n.uplink->delay()), "127.0.0.1:" + std::to_string(n.node->port()),
                    "http://127.0.0.1:" + std::to_string(n.node->admin_port())});
  std::cout << "EdgeLab lab \"" << topology.name << "\": " << lab.nodes().size() << " nodes and the origin ("
            << lab.origin_region()->name << ", 127.0.0.1:" << lab.origin().port() << ") up in "
            << millis(lab.startup_time()) << " ms\n"
            << text_table(rows);
}

namespace {
// Ctrl-C (or SIGTERM) during a run ends it early; the report still comes.
class RunInterrupter {
 public:
  explicit RunInterrupter(LabRun& run) : thread_([this, &run] {
      sigset_t set;
      sigemptyset(&set);
      sigaddset(&set, SIGINT);
      sigaddset(&set, SIGTERM);
      const timespec tick{0, 200'000'000};
      while (!done_) {
        if (sigtimedwait(&set, nullptr, &tick) > 0) {
          std::cerr << "lab: interrupted; finishing the requests in flight" << std::endl;
          run.stop();
          return;
        }
      }
    }) {}
  ~RunInterrupter() {
    done_ = true;
    thread_.join();
  }

 private:
  std::atomic<bool> done_{false};
  std::thread thread_;
};

}  // namespace

int run_lab_topology(const Args& args) {
  const std::string regions_path = option(args, "--regions", resource_dir() + "/regions.json");
  auto catalogue = RegionCatalogue::load(regions_path);
  if (!catalogue) {
    std::cerr << "edgelabd lab: " << catalogue.error() << "\n";
    return 2;
  }
  const std::string name = option(args, "--topology", "default");
  const std::string path =
      name == "default" || name == "world50" ? resource_dir() + "/topologies/" + name + ".json" : name;
  auto topology = load_topology(path, *catalogue);
  if (!topology) {
    std::cerr << "edgelabd lab: topology " << topology.error() << "\n";
    return 2;
  }
  LabRunOptions run_options;
  run_options.traffic = topology->traffic;
  if (!apply_traffic_options(args, run_options.traffic)) return 2;
  for (const auto& spec : all_options(args, "--fault")) {
    auto step = parse_fault(spec);
    if (!step) {
      std::cerr << "edgelabd lab: " << step.error() << "\n";
      return 2;
    }
    run_options.faults.push_back(*step);
  }
  double health_ms = static_cast<double>(run_options.health.interval.count());
  if (!number_option(args, "--health-interval-ms", 50, 60'000, health_ms)) return 2;
  run_options.health.interval = std::chrono::milliseconds(static_cast<std::int64_t>(health_ms));
  run_options.health.timeout = std::min(run_options.health.timeout, run_options.health.interval);
  run_options.run_db_path = option(args, "--run-db");
  const std::string report_path = option(args, "--report");
  if (flag(args, "--serve")) return run_lab_serve(args, *topology, run_options.traffic, run_options.health.interval);
  if (!option(args, "--api-listen").empty() || !option(args, "--api-token-file").empty()) {
    std::cerr << "edgelabd lab: --api-listen and --api-token-file go with --serve\n";
    return 2;
  }

  std::string error;
  auto lab = LabFleet::start(*topology, {}, error);
  if (!lab) {
    std::cerr << "edgelabd lab: " << error << "\n";
    return 1;
  }
  print_nodes(*lab, *topology);
  const std::string nodes_file = option(args, "--nodes-file", (lab->state_dir() / "nodes.json").string());
  if (!option(args, "--nodes-file").empty()) {
    std::ofstream out(nodes_file, std::ios::trunc);
    out << lab->nodes_json() << "\n";
    if (!out) {
      std::cerr << "edgelabd lab: cannot write " << nodes_file << "\n";
      return 1;
    }
    std::cout << "nodes file for edgelabd ctl: " << nodes_file << "\n";
  }
  int status = 0;
  {
    const TrafficConfig& t = run_options.traffic;
    std::cout << "\nsimulated users: " << t.request_budget() << " requests at " << t.rps << " req/s, Zipf "
              << t.zipf_exponent << " over " << t.objects << " objects per class, mix " << t.share[0] << "/"
              << t.share[1] << "/" << t.share[2] << " (static/semi-dynamic/dynamic)" << std::endl;
    run_options.progress = [](const std::string& line) { std::cout << "  " << line << std::endl; };
    LabRun run(*lab, *topology, *catalogue, run_options);
    boost::system::result<LabReport, std::string> report(boost::system::in_place_error, std::string());
    {
      RunInterrupter interrupter(run);
      report = run.run();
    }
    if (!report) {
      std::cerr << "edgelabd lab: " << report.error() << "\n";
      return 1;
    }
    std::cout << "\n" << report->table();
    if (run.run_id()) std::cout << "run database: " << run_options.run_db_path << " (run " << *run.run_id() << ")\n";
    if (!report_path.empty()) {
      std::ofstream out(report_path, std::ios::trunc);
      out << boost::json::serialize(report->to_json()) << "\n";
      if (!out) {
        std::cerr << "edgelabd lab: cannot write the report to " << report_path << "\n";
        return 1;
      }
      std::cout << "report: " << report_path << "\n";
    }
    if (report->requests == 0 || report->tiers[static_cast<int>(ServedTier::error)].count == report->requests) status = 1;
    for (const auto& warning : run.warnings()) {
      std::cerr << "edgelabd lab: " << warning << "\n";
      status = 1;
    }
  }
  return status;
}

}  // namespace edgelab::cli
