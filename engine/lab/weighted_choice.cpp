#include "lab/weighted_choice.hpp"

#include <algorithm>
#include <cmath>

namespace edgelab {

WeightedChoice::WeightedChoice(const std::vector<double>& weights) {
  double total = 0;
  for (double w : weights) {
    total += std::max(0.0, w);
    cumulative_.push_back(total);
  }
  if (!(total > 0)) {
    cumulative_.clear();
    return;
  }
  for (double& c : cumulative_) c /= total;
  cumulative_.back() = 1.0;
}

WeightedChoice WeightedChoice::zipf(std::uint32_t n, double exponent) {
  std::vector<double> weights(std::max<std::uint32_t>(n, 1));
  for (std::size_t r = 0; r < weights.size(); ++r) weights[r] = 1.0 / std::pow(static_cast<double>(r + 1), exponent);
  return WeightedChoice(weights);
}

std::uint32_t WeightedChoice::operator()(std::mt19937_64& random) const {
  if (cumulative_.empty()) return 0;
  const double u = std::uniform_real_distribution<double>(0.0, 1.0)(random);
  // upper_bound skips a zero-weight outcome: its cumulative value equals the one before it.
  auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
  if (it == cumulative_.end()) --it;
  return static_cast<std::uint32_t>(it - cumulative_.begin());
}

double WeightedChoice::probability(std::uint32_t index) const {
  if (index >= cumulative_.size()) return 0;
  return index == 0 ? cumulative_[0] : cumulative_[index] - cumulative_[index - 1];
}

}  // namespace edgelab
