#include "geo/wan_latency.hpp"

namespace edgelab {

std::chrono::microseconds WanLatencyModel::one_way(double km) const {
  const double ms = base_ms + km * route_inflation / fiber_km_per_ms;
  return std::chrono::microseconds(static_cast<std::int64_t>(ms * 1000.0 + 0.5));
}

std::chrono::microseconds WanLatencyModel::one_way(double km, std::mt19937& random) const {
  auto delay = one_way(km);
  if (jitter_ms > 0) {
    std::uniform_real_distribution<double> extra(0.0, jitter_ms * 1000.0);
    delay += std::chrono::microseconds(static_cast<std::int64_t>(extra(random)));
  }
  return delay;
}

}  // namespace edgelab
