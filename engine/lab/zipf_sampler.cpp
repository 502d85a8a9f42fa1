#include "lab/zipf_sampler.hpp"

#include <algorithm>
#include <cmath>

namespace edgelab {

ZipfSampler::ZipfSampler(std::uint32_t n, double exponent) {
  cumulative_.resize(std::max<std::uint32_t>(n, 1));
  double total = 0;
  for (std::size_t r = 0; r < cumulative_.size(); ++r) {
    total += 1.0 / std::pow(static_cast<double>(r + 1), exponent);
    cumulative_[r] = total;
  }
  for (double& c : cumulative_) c /= total;
  cumulative_.back() = 1.0;
}

std::uint32_t ZipfSampler::operator()(std::mt19937_64& random) const {
  const double u = std::uniform_real_distribution<double>(0.0, 1.0)(random);
  auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
  if (it == cumulative_.end()) --it;
  return static_cast<std::uint32_t>(it - cumulative_.begin());
}

double ZipfSampler::probability(std::uint32_t rank) const {
  if (rank >= cumulative_.size()) return 0;
  return rank == 0 ? cumulative_[0] : cumulative_[rank] - cumulative_[rank - 1];
}

}  // namespace edgelab
