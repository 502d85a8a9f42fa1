#pragma once
// Object popularity after Zipf: rank r (0-based) is drawn with probability
// proportional to 1 / (r + 1)^s. The cumulative weights are computed once, a
// draw is a binary search.
#include <cstdint>
#include <random>
#include <vector>

namespace edgelab {

class ZipfSampler {
 public:
  ZipfSampler(std::uint32_t n, double exponent);
  std::uint32_t operator()(std::mt19937_64& random) const;
  double probability(std::uint32_t rank) const;
  std::uint32_t size() const { return static_cast<std::uint32_t>(cumulative_.size()); }

 private:
  std::vector<double> cumulative_;  // normalized, last == 1
};

}  // namespace edgelab
