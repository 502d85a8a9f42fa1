#pragma once
// Zipf(s) sampler over [0, n) by inverting the cumulative distribution: the
// skewed traces of test_memory_tier and bench_admission.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace edgelab::test {

class Zipf {
 public:
  Zipf(std::size_t n, double s) : cdf_(n) {
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) cdf_[i] = (sum += 1.0 / std::pow(double(i + 1), s));
    for (auto& c : cdf_) c /= sum;
  }
  std::size_t operator()(std::mt19937_64& rng) {
    const double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return static_cast<std::size_t>(std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin());
  }

 private:
  std::vector<double> cdf_;
};

}  // namespace edgelab::test
