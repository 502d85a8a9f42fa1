#include "lab/traffic_mix.hpp"

namespace edgelab {

TrafficMix::TrafficMix(const TrafficConfig& config) : config_(config), zipf_(WeightedChoice::zipf(config.objects, config.zipf_exponent)) {
  double total = 0;
  for (double s : config.share) total += s;
  for (int i = 0; i < kObjectClasses; ++i) share_[i] = total > 0 ? config.share[i] / total : 0;
}

TrafficPick TrafficMix::pick(std::mt19937_64& random) const {
  const double u = std::uniform_real_distribution<double>(0.0, 1.0)(random);
  auto klass = u < share_[0]               ? ObjectClass::static_asset
               : u < share_[0] + share_[1] ? ObjectClass::semi_dynamic
                                           : ObjectClass::dynamic;
  // Rounding can leave u just past the last share; never pick a class whose share is 0.
  while (share_[static_cast<int>(klass)] == 0) klass = static_cast<ObjectClass>((static_cast<int>(klass) + 1) % 3);
  return {klass, zipf_(random)};
}

std::string TrafficMix::path(TrafficPick pick) const {
  switch (pick.klass) {
    case ObjectClass::static_asset: return "/obj/static-" + std::to_string(pick.rank);
    case ObjectClass::semi_dynamic: return "/obj/semi-" + std::to_string(pick.rank);
    case ObjectClass::dynamic: return "/obj/dyn-" + std::to_string(pick.rank);
  }
  return {};
}

std::string TrafficMix::target(TrafficPick pick) const {
  std::string t = path(pick) + "?size=" + std::to_string(config_.object_bytes);
  switch (pick.klass) {
    case ObjectClass::static_asset:
      t += "&ttl=" + std::to_string(config_.static_ttl_s) + "&tags=static";
      break;
    case ObjectClass::semi_dynamic:
      t += "&cc=public%2C%20max-age%3D" + std::to_string(config_.semi_ttl_s) +
           "%2C%20stale-while-revalidate%3D" + std::to_string(config_.semi_swr_s) + "&tags=semi";
      break;
    case ObjectClass::dynamic:
      t += "&cc=private%2C%20no-store";
      break;
  }
  return t;
}

}  // namespace edgelab
