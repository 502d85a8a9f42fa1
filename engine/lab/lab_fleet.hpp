#pragma once
// A topology brought up as real nodes in one process: the synthetic origin,
// the regional shields and the edge PoPs, each an EdgeNode on its own
// loopback ports (data and admin), all on one small shared thread pool. Every
// upstream hop goes through a WanLink whose delay comes from the distance
// between the two regions (simulated; real processing adds on top).
#include "core/io_pool.hpp"
#include "geo/wan_latency.hpp"
#include "lab/lab_event.hpp"
#include "lab/topology.hpp"
#include "lab/wan_link.hpp"
#include "node/edge_node.hpp"
#include "origin/synthetic_origin.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace edgelab {

struct LabFleetOptions {
  unsigned threads = 2;
  WanLatencyModel wan;
  // A node's pooled upstream connection (towards its shield or the origin)
  // left idle this long is closed: the pools keep what the last seconds'
  // concurrency needed, not what the cold start opened.
  std::chrono::milliseconds upstream_idle_timeout{5'000};
  // A relayed pair with no byte moving for this long is closed by its link
  // (a backstop: the pools above close theirs first).
  std::chrono::milliseconds link_idle_timeout{60'000};
  std::filesystem::path state_dir;  // tokens and L2 directories; a temp dir when empty
};

struct LabNode {
  enum class Role { shield, pop };
  Role role = Role::pop;
  std::string name;  // "edge-fr-central", "shield-eu-central-1"
  const Region* region = nullptr;
  std::string upstream_name;  // the shield's node name, or "origin"
  std::shared_ptr<EdgeNode> node;
  std::shared_ptr<WanLink> uplink;  // towards its shield or the origin
  std::string token_file;
  double capacity_rps = 0;
};

class LabFleet {
 public:
  static std::unique_ptr<LabFleet> start(const Topology& topology, const LabFleetOptions& options,
                                         std::string& error);
  explicit LabFleet(const LabFleetOptions& options);
  ~LabFleet();
  LabFleet(const LabFleet&) = delete;
  LabFleet& operator=(const LabFleet&) = delete;

  const std::vector<LabNode>& nodes() const { return nodes_; }
  const LabNode* find(std::string_view name) const;
  // The engine node behind nodes()[index] now (a revive replaces it); safe
  // from any thread, unlike reading nodes()[index].node during faults.
  std::shared_ptr<EdgeNode> node_of(std::size_t index) const;
  SyntheticOrigin& origin() { return *origin_; }
  const SyntheticOrigin& origin() const { return *origin_; }
  const Region* origin_region() const { return origin_region_; }
  net::io_context& context() { return pool_.context(); }
  std::chrono::microseconds startup_time() const { return startup_time_; }
  const std::filesystem::path& state_dir() const { return state_dir_; }
  // A nodes.json for `edgelabd ctl` (admin URLs, token files, roles).
  std::string nodes_json() const;

  // Faults, each logged as an event. Blocking calls: not for the lab's own threads.
  bool kill(std::string_view node, std::string& error);    // graceful stop: its ports go dark
  bool revive(std::string_view node, std::string& error);  // back on the same ports (cache as L2 kept it)
  void origin_slow(std::chrono::milliseconds extra);       // zero: normal again
  void origin_down(bool down);                             // answers 503 while down
  bool cut_uplink(std::string_view node, bool cut, std::string& error);
  bool set_uplink_delay(std::string_view node, std::chrono::microseconds one_way, std::string& error);
  std::vector<LabEvent> events() const;
  // Logs what happened to the lab (faults log themselves; a run adds health changes).
  void record_event(std::string what, std::string target, std::string detail);

 private:
  std::shared_ptr<EdgeNode> start_node(const std::string& name, const Region& region, std::uint16_t upstream_port,
                                       std::uint64_t l1_bytes, std::uint64_t l2_bytes, std::string& token_file,
                                       std::string& error, std::uint16_t port = 0, std::uint16_t admin_port = 0);
  LabNode* find_mutable(std::string_view name, std::string& error);

  LabFleetOptions options_;
  IoPool pool_;
  std::filesystem::path state_dir_;
  bool owns_state_dir_ = false;
  std::shared_ptr<SyntheticOrigin> origin_;
  const Region* origin_region_ = nullptr;
  std::vector<LabNode> nodes_;  // shields first, then PoPs
  mutable std::mutex nodes_mutex_;  // guards LabNode::node of each entry (revive swaps it)
  mutable std::mutex events_mutex_;
  std::vector<LabEvent> events_;
  std::chrono::microseconds startup_time_{0};
};

}  // namespace edgelab
