#include "lab/metrics_history.hpp"

#include <algorithm>

namespace edgelab {

MetricsHistory::MetricsHistory(std::vector<std::string> nodes, std::size_t capacity_seconds)
    : nodes_(std::move(nodes)), capacity_(std::max<std::size_t>(1, capacity_seconds)), rings_(nodes_.size()) {}

void MetricsHistory::append(std::size_t node, const NodeSecond& row) {
  std::lock_guard lock(mutex_);
  if (node >= rings_.size()) return;
  auto& ring = rings_[node];
  if (ring.size() == capacity_) ring.pop_front();
  ring.push_back(row);
}

std::vector<NodeSecond> MetricsHistory::series(std::size_t node) const {
  std::lock_guard lock(mutex_);
  if (node >= rings_.size()) return {};
  return {rings_[node].begin(), rings_[node].end()};
}

std::size_t MetricsHistory::index_of(std::string_view node) const {
  return static_cast<std::size_t>(std::find(nodes_.begin(), nodes_.end(), node) - nodes_.begin());
}

}  // namespace edgelab
