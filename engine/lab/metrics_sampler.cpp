#include "lab/metrics_sampler.hpp"

#include "node/edge_node.hpp"
#include "origin/synthetic_origin.hpp"

namespace edgelab {
namespace {

// A second's counters: where each is read, where its difference goes.
struct SampledCounter {
  std::atomic<std::uint64_t> NodeMetrics::*from;
  std::uint64_t NodeSecond::*to;
};
constexpr SampledCounter kSampled[] = {
    {&NodeMetrics::requests, &NodeSecond::requests},
    {&NodeMetrics::l1_hits, &NodeSecond::l1_hits},
    {&NodeMetrics::l2_hits, &NodeSecond::l2_hits},
    {&NodeMetrics::misses, &NodeSecond::misses},
    {&NodeMetrics::upstream_requests, &NodeSecond::upstream_fetches},
    {&NodeMetrics::errors, &NodeSecond::errors},
    {&NodeMetrics::bytes_out, &NodeSecond::bytes_out},
};
static_assert(std::size(kSampled) <= 8, "Previous::counters is too small");

}  // namespace

MetricsSampler::MetricsSampler(std::vector<SampledNode> nodes, const SyntheticOrigin* origin,
                               MetricsHistory& history, Sink sink, std::chrono::milliseconds interval)
    : nodes_(std::move(nodes)),
      origin_(origin),
      history_(history),
      sink_(std::move(sink)),
      interval_(interval),
      previous_(nodes_.size()) {}

MetricsSampler::~MetricsSampler() { stop(); }

void MetricsSampler::start() {
  // The starting point: counters before the run are not the run's.
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    auto node = nodes_[i].current();
    previous_[i].node = node;
    if (!node) continue;
    for (std::size_t c = 0; c < std::size(kSampled); ++c) previous_[i].counters[c] = (node->metrics().*kSampled[c].from).load();
    node->metrics().latency.snapshot(previous_[i].latency);
  }
  origin_previous_ = origin_ ? origin_->requests() : 0;
  thread_ = std::thread([this] { run(); });
}

void MetricsSampler::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void MetricsSampler::run() {
  auto next = std::chrono::steady_clock::now() + interval_;
  std::unique_lock lock(mutex_);
  for (;;) {
    const bool stopping = wake_.wait_until(lock, next, [this] { return stopping_; });
    lock.unlock();
    sample();
    lock.lock();
    if (stopping) return;
    next += interval_;
  }
}

void MetricsSampler::sample() {
  ++second_;
  std::vector<std::pair<std::size_t, NodeSecond>> rows;
  rows.reserve(nodes_.size() + 1);
  LatencyHistogram::Counts now_latency;
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    Previous& prev = previous_[i];
    auto node = nodes_[i].current();
    if (node != prev.node) prev = Previous{node};  // revived: its counters start again at zero
    NodeSecond row;
    row.second = second_;
    if (node) {
      for (std::size_t c = 0; c < std::size(kSampled); ++c) {
        const std::uint64_t now = (node->metrics().*kSampled[c].from).load();
        row.*kSampled[c].to = now >= prev.counters[c] ? now - prev.counters[c] : 0;
        prev.counters[c] = now;
      }
      node->metrics().latency.snapshot(now_latency);
      LatencyHistogram::Counts interval{};
      for (std::size_t b = 0; b < interval.size(); ++b)
        interval[b] = now_latency[b] >= prev.latency[b] ? now_latency[b] - prev.latency[b] : 0;
      prev.latency = now_latency;
      row.p50_us = static_cast<std::uint32_t>(LatencyHistogram::percentile_of(interval, 0.50));
      row.p99_us = static_cast<std::uint32_t>(LatencyHistogram::percentile_of(interval, 0.99));
      if (nodes_[i].upstream_is_origin) row.origin_fetches = row.upstream_fetches;
    }
    history_.append(i, row);
    rows.emplace_back(i, row);
  }
  if (origin_) {
    NodeSecond row;
    row.second = second_;
    const std::uint64_t now = origin_->requests();
    row.requests = now - std::min(now, origin_previous_);
    row.origin_fetches = row.requests;
    origin_previous_ = now;
    history_.append(nodes_.size(), row);
    rows.emplace_back(nodes_.size(), row);
  }
  if (sink_) sink_(rows);
}

}  // namespace edgelab
