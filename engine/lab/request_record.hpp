#pragma once
// One simulated user's request as the lab's traffic generator saw it.
#include "lab/served_tier.hpp"
#include "lab/traffic_config.hpp"

#include <cstdint>

namespace edgelab {

struct RequestRecord {
  std::uint32_t at_ms = 0;       // when it was sent, since the run started
  std::uint32_t latency_us = 0;  // user-perceived: both simulated client<->PoP legs plus the PoP's real answer
  std::uint16_t city = 0;        // index into UserPopulation::cities()
  std::int16_t pop = -1;         // index into the router's PoPs; -1 when no PoP would take it
  ObjectClass klass = ObjectClass::static_asset;
  ServedTier tier = ServedTier::error;
  bool spilled = false;          // not the user's nearest PoP
  std::uint16_t status = 0;      // 0: the exchange failed
  std::uint32_t rank = 0;
  std::uint32_t bytes = 0;
};

}  // namespace edgelab
