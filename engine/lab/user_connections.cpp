#include "lab/user_connections.hpp"

#include <algorithm>

namespace edgelab {

UpstreamLimits user_connection_limits(const TrafficConfig& config) {
  UpstreamLimits limits;
  limits.connect_timeout = std::chrono::milliseconds(2'000);
  limits.read_timeout = std::chrono::milliseconds(15'000);
  // Never more idle than could ever be in flight at once.
  limits.max_idle = std::clamp<std::size_t>(config.max_in_flight, 1, kMaxIdlePerPop);
  limits.idle_timeout = config.user_idle_timeout;
  return limits;
}

std::vector<std::shared_ptr<UpstreamPool>> make_user_pools(net::io_context& ioc,
                                                           const std::vector<Endpoint>& pop_endpoints,
                                                           const TrafficConfig& config) {
  const UpstreamLimits limits = user_connection_limits(config);
  std::vector<std::shared_ptr<UpstreamPool>> pools;
  pools.reserve(pop_endpoints.size());
  for (const auto& e : pop_endpoints) pools.push_back(std::make_shared<UpstreamPool>(ioc, e, limits));
  return pools;
}

}  // namespace edgelab
