#pragma once
// A whole lab in this process, driven over HTTP: the topology's nodes (a
// LabFleet), simulated users that run until stopped, health monitors, faults
// on demand, metrics, events and sampled requests, all behind the lab control
// API (see lab_api.hpp). The console embeds the lab with it and then talks to
// api_url() exactly as it would to a remote `edgelabd lab --serve`; everything
// runs on engine threads.
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "lab/traffic_config.hpp"

namespace edgelab {

class LabFleet;

struct LabServiceOptions {
  std::string topology = "default";  // default | world50 | path to a topology file
  double rps = 0;                    // 0: the topology's traffic rate (its default)
  bool start_traffic = true;         // users start at once, run until stopped
  std::string api_listen = "127.0.0.1:0";
  std::filesystem::path state_dir;       // empty: a fresh temporary directory, removed on stop
  std::filesystem::path api_token_file;  // empty: <state_dir>/lab-api.token

  // Beyond the console's contract, for edgelabd lab --serve and tests:
  std::filesystem::path resources;  // regions.json and topologies/; empty: $EDGELAB_RESOURCES or the source tree's
  // The users' settings instead of the topology's traffic section (rps above still wins).
  std::optional<TrafficConfig> traffic;
  std::chrono::milliseconds health_interval{1000};
};

class LabService {
 public:
  static std::unique_ptr<LabService> start(const LabServiceOptions& options, std::string& error);
  ~LabService();                // stops users, nodes and the API
  std::string api_url() const;  // "http://127.0.0.1:PORT"
  std::filesystem::path api_token_file() const;

  // For edgelabd's table of nodes and its exit summary (the console uses the API).
  const LabFleet& fleet() const;
  std::string topology_name() const;
  std::string summary() const;  // requests, origin offload over the run and the last 10 s

  // What start() built (opaque here, so the console's includes stay small); only start() makes one.
  struct State;
  explicit LabService(std::unique_ptr<State> state);
  LabService(const LabService&) = delete;
  LabService& operator=(const LabService&) = delete;

 private:
  std::unique_ptr<State> state_;
};

}  // namespace edgelab
