#pragma once
// What one simulated request asks for: a class (static, semi-dynamic,
// dynamic) by the configured shares, then an object of that class by Zipf
// popularity. The URL tells the lab's synthetic origin how to answer:
//   static        Cache-Control: public, max-age=<static_ttl_s>
//   semi-dynamic  public, max-age=<semi_ttl_s>, stale-while-revalidate=<semi_swr_s>
//   dynamic       private, no-store (uncacheable: every request reaches the origin)
#include "lab/traffic_config.hpp"
#include "lab/weighted_choice.hpp"

#include <random>
#include <string>

namespace edgelab {

struct TrafficPick {
  ObjectClass klass = ObjectClass::static_asset;
  std::uint32_t rank = 0;  // 0 is the most popular
};

class TrafficMix {
 public:
  explicit TrafficMix(const TrafficConfig& config);
  TrafficPick pick(std::mt19937_64& random) const;
  // The request target for `pick`.
  std::string target(TrafficPick pick) const;
  // The origin path of `pick` (the target without its query).
  std::string path(TrafficPick pick) const;
  double share(ObjectClass klass) const { return share_[static_cast<int>(klass)]; }
  const WeightedChoice& popularity() const { return zipf_; }

 private:
  TrafficConfig config_;
  double share_[kObjectClasses] = {};
  WeightedChoice zipf_;
};

}  // namespace edgelab
