#pragma once
// The simulated users' connections to the PoPs. The users the router sends to
// one PoP share one keep-alive pool (the user group of that PoP): a request
// takes the most recently used idle connection, or opens one when none is
// idle, and gives it back when its answer has been read. The pool keeps no
// more than the users' concurrency at that PoP needs: an idle connection is
// closed after `TrafficConfig::user_idle_timeout`, so the pool settles at the
// peak number of requests in flight there over that time, and never holds
// more than kMaxIdlePerPop idle. The user's leg itself is simulated with
// timers, so which connection carries a request does not change its latency.
#include "http/upstream_pool.hpp"
#include "lab/traffic_config.hpp"

#include <memory>
#include <vector>

namespace edgelab {

inline constexpr std::size_t kMaxIdlePerPop = 256;

UpstreamLimits user_connection_limits(const TrafficConfig& config);
// One pool per PoP, in the order of `pop_endpoints`.
std::vector<std::shared_ptr<UpstreamPool>> make_user_pools(net::io_context& ioc,
                                                           const std::vector<Endpoint>& pop_endpoints,
                                                           const TrafficConfig& config);

}  // namespace edgelab
