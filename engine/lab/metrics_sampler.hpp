#pragma once
// Once a second, on a thread of its own (it may write to SQLite, so it stays
// off the io threads): reads every lab node's counters and latency histogram,
// turns them into that second's figures, keeps them in the history and hands
// them to a sink (the run database). A node that was revived starts from zero.
#include "lab/metrics_history.hpp"
#include "metrics/latency_histogram.hpp"

#include <condition_variable>
#include <functional>
#include <memory>
#include <thread>

namespace edgelab {

class EdgeNode;
class SyntheticOrigin;

struct SampledNode {
  std::string name;
  std::function<std::shared_ptr<EdgeNode>()> current;  // the node now (it may be replaced by a revive)
  bool upstream_is_origin = false;
};

class MetricsSampler {
 public:
  using Sink = std::function<void(const std::vector<std::pair<std::size_t, NodeSecond>>& second)>;

  // The history's nodes are `nodes` in order, then "origin". `origin` (may be
  // null) and `history` must outlive the sampler.
  MetricsSampler(std::vector<SampledNode> nodes, const SyntheticOrigin* origin, MetricsHistory& history,
                 Sink sink = {}, std::chrono::milliseconds interval = std::chrono::milliseconds(1000));
  ~MetricsSampler();
  void start();
  // Takes a last (partial) sample and joins the thread.
  void stop();

 private:
  struct Previous {
    std::shared_ptr<EdgeNode> node;  // held, so a revived node is never mistaken for the one before it
    std::uint64_t counters[8] = {};
    LatencyHistogram::Counts latency{};
  };
  void run();
  void sample();

  std::vector<SampledNode> nodes_;
  const SyntheticOrigin* origin_;
  MetricsHistory& history_;
  Sink sink_;
  std::chrono::milliseconds interval_;
  std::vector<Previous> previous_;
  std::uint64_t origin_previous_ = 0;
  std::uint32_t second_ = 0;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace edgelab
