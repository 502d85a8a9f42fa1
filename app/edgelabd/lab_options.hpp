#pragma once
// What the topology lab's two modes (a headless run, --serve) share: where
// resources are, the traffic options over a topology's, the table of nodes.
#include "commands.hpp"
#include "lab/lab_fleet.hpp"
#include "lab/traffic_config.hpp"

#include <chrono>
#include <string>

namespace edgelab::cli {

// $EDGELAB_RESOURCES, else the source tree's resources/.
std::string resource_dir();
// A number option in [lo, hi]; false (with the message printed) when it is not one.
bool number_option(const Args& args, const std::string& name, double lo, double hi, double& out);
// Traffic settings from the command line, over the topology's.
bool apply_traffic_options(const Args& args, TrafficConfig& traffic);
void print_nodes(const LabFleet& lab, const Topology& topology);
// edgelabd lab --serve: the lab with its control API, users until Ctrl-C (or --duration).
int run_lab_serve(const Args& args, const Topology& topology, const TrafficConfig& traffic,
                  std::chrono::milliseconds health_interval);

}  // namespace edgelab::cli
