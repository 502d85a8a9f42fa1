#pragma once
// The small built-in lab: one synthetic origin, one regional shield and a few
// edges, all real nodes on loopback ports in one process and one thread pool.
// The full lab (topology, geo routing, WAN latency) builds on this.
#include "core/io_pool.hpp"
#include "node/edge_node.hpp"
#include "origin/synthetic_origin.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace edgelab {

struct MiniLabOptions {
  int edges = 2;
  unsigned threads = 2;
  int objects = 20;
  int rounds = 3;
  std::uint64_t object_bytes = 4096;
  std::filesystem::path state_dir;  // shield L2 lives here; a temp dir when empty
};

struct MiniLabTierCount {
  std::uint64_t requests = 0;
  std::uint64_t latency_us_total = 0;
};

struct MiniLabReport {
  MiniLabTierCount edge_hit, shield_hit, origin;
  std::uint64_t errors = 0;
  std::uint64_t origin_requests = 0;
  std::vector<std::pair<std::string, std::uint64_t>> per_edge_hits;
  std::string table() const;
};

class MiniLab {
 public:
  static std::unique_ptr<MiniLab> start(const MiniLabOptions& options, std::string& error);
  explicit MiniLab(const MiniLabOptions& options);
  ~MiniLab();

  MiniLabReport run_traffic();

  SyntheticOrigin& origin() { return *origin_; }
  EdgeNode& shield() { return *shield_; }
  EdgeNode& edge(std::size_t i) { return *edges_.at(i); }
  std::size_t edge_count() const { return edges_.size(); }

 private:
  MiniLabOptions options_;
  IoPool pool_;
  bool owns_state_dir_ = false;
  std::shared_ptr<SyntheticOrigin> origin_;
  std::shared_ptr<EdgeNode> shield_;
  std::vector<std::shared_ptr<EdgeNode>> edges_;
};

}  // namespace edgelab
