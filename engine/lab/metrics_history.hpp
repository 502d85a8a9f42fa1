#pragma once
// Per node, per second: what each lab node did, kept in a ring of the last
// `capacity` seconds (the run database keeps everything).
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace edgelab {

struct NodeSecond {
  std::uint32_t second = 0;  // 1 is the run's first second
  std::uint64_t requests = 0;
  std::uint64_t l1_hits = 0;
  std::uint64_t l2_hits = 0;
  std::uint64_t misses = 0;
  std::uint64_t upstream_fetches = 0;  // requests this node sent upstream
  std::uint64_t origin_fetches = 0;    // of those, the ones that went to the origin
  std::uint64_t errors = 0;
  std::uint64_t bytes_out = 0;
  std::uint32_t p50_us = 0;  // the node's own answer time (a miss includes its upstream)
  std::uint32_t p99_us = 0;
  bool operator==(const NodeSecond&) const = default;
};

class MetricsHistory {
 public:
  MetricsHistory(std::vector<std::string> nodes, std::size_t capacity_seconds);
  const std::vector<std::string>& nodes() const { return nodes_; }
  void append(std::size_t node, const NodeSecond& row);
  // Oldest first.
  std::vector<NodeSecond> series(std::size_t node) const;
  std::size_t index_of(std::string_view node) const;  // nodes().size() when unknown

 private:
  std::vector<std::string> nodes_;
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::vector<std::deque<NodeSecond>> rings_;
};

}  // namespace edgelab
