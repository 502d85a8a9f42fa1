#pragma once
// A draw among n outcomes with given weights: the cumulative weights are
// computed once, a draw is a binary search. Zero-weight outcomes are never
// drawn. Used for object popularity (Zipf) and for where users live.
#include <cstdint>
#include <random>
#include <vector>

namespace edgelab {

class WeightedChoice {
 public:
  // Weights >= 0; an empty list or an all-zero one leaves the choice empty().
  explicit WeightedChoice(const std::vector<double>& weights);
  // Zipf: rank r (0-based) of n weighs 1 / (r + 1)^exponent.
  static WeightedChoice zipf(std::uint32_t n, double exponent);

  bool empty() const { return cumulative_.empty(); }
  std::uint32_t size() const { return static_cast<std::uint32_t>(cumulative_.size()); }
  std::uint32_t operator()(std::mt19937_64& random) const;
  double probability(std::uint32_t index) const;

 private:
  std::vector<double> cumulative_;  // normalized, last == 1
};

}  // namespace edgelab
