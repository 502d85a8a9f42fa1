// edgelabd lab --serve: the topology's nodes behind the lab control API, with
// simulated users that run until Ctrl-C (or --duration), faults on demand. A
// lab started here on another machine behaves exactly like one the console
// embeds (both are a LabService).
#include "core/text_table.hpp"
#include "lab/lab_service.hpp"
#include "lab_options.hpp"

#include <csignal>
#include <fstream>
#include <iostream>

namespace edgelab::cli {
namespace {

// SIGINT/SIGTERM, or `limit` passing (zero: no limit).
void wait_for_end(std::chrono::milliseconds limit) {
  if (limit.count() <= 0) return wait_for_termination_signal();
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + limit;
  for (;;) {
    const auto left = deadline - std::chrono::steady_clock::now();
    if (left <= std::chrono::steady_clock::duration::zero()) {
      std::cout << "lab: --duration reached" << std::endl;
      return;
    }
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(left).count();
    const timespec wait{static_cast<time_t>(ns / 1'000'000'000), static_cast<long>(ns % 1'000'000'000)};
    if (sigtimedwait(&set, nullptr, &wait) > 0) return;
  }
}

}  // namespace

int run_lab_serve(const Args& args, const Topology& topology, const TrafficConfig& traffic,
                  std::chrono::milliseconds health_interval) {
  if (!all_options(args, "--fault").empty()) {
    std::cerr << "edgelabd lab: --fault schedules faults in a headless run; with --serve, send them to the lab API "
                 "(POST /lab/v1/faults)\n";
    return 2;
  }
  if (!option(args, "--regions").empty()) {
    std::cerr << "edgelabd lab: --regions goes with a headless run; with --serve the catalogue is "
                 "$EDGELAB_RESOURCES/regions.json\n";
    return 2;
  }
  for (const char* headless : {"--requests", "--report", "--run-db"})
    if (!option(args, headless).empty()) {
      std::cerr << "edgelabd lab: " << headless << " goes with a headless run (without --serve)\n";
      return 2;
    }
  LabServiceOptions options;
  options.topology = option(args, "--topology", "default");
  options.resources = resource_dir();
  options.traffic = traffic;
  options.health_interval = health_interval;
  options.api_listen = option(args, "--api-listen", "127.0.0.1:0");
  options.api_token_file = option(args, "--api-token-file");
  if (!parse_endpoint(options.api_listen)) {
    std::cerr << "edgelabd lab: --api-listen expects HOST:PORT, got \"" << options.api_listen << "\"\n";
    return 2;
  }
  std::chrono::milliseconds duration{0};
  if (!option(args, "--duration").empty())
    duration = std::chrono::milliseconds(static_cast<std::int64_t>(traffic.duration_s * 1000));

  std::string error;
  auto service = LabService::start(options, error);
  if (!service) {
    std::cerr << "edgelabd lab: " << error << "\n";
    return 1;
  }
  print_nodes(service->fleet(), topology);
  const std::string nodes_file = option(args, "--nodes-file", (service->fleet().state_dir() / "nodes.json").string());
  {
    std::ofstream out(nodes_file, std::ios::trunc);
    out << service->fleet().nodes_json() << "\n";
    if (!out) {
      std::cerr << "edgelabd lab: cannot write " << nodes_file << "\n";
      return 1;
    }
  }
  std::cout << "nodes file for edgelabd ctl: " << nodes_file << "\n"
            << "lab API: " << service->api_url() << "  token file: " << service->api_token_file().string() << "\n"
            << "simulated users: " << std::min(traffic.rps, 20'000.0) << " req/s, Zipf " << traffic.zipf_exponent
            << " over " << traffic.objects << " objects per class, mix " << traffic.share[0] << "/" << traffic.share[1]
            << "/" << traffic.share[2] << ", until "
            << (duration.count()
                    ? format_fixed(static_cast<double>(duration.count()) / 1000.0, 1) + " s have passed or "
                    : "")
            << "Ctrl-C (PUT /lab/v1/traffic changes them)\n"
            << "serving; stop with Ctrl-C" << std::endl;
  wait_for_end(duration);
  std::cout << "lab: shutting down; " << service->summary() << std::endl;
  service.reset();
  return 0;
}

}  // namespace edgelab::cli
