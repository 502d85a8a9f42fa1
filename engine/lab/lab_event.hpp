#pragma once
// Something that happened to the lab during a run (a fault injected, a PoP's
// health changing), as the run's event log keeps it.
#include <cstdint>
#include <string>

namespace edgelab {

struct LabEvent {
  std::int64_t at_ms = 0;  // Unix milliseconds
  std::string what;        // "kill", "revive", "origin_slow", "origin_down", "origin_up", "cut", "restore", "link_delay", "health"
  std::string target;      // a node name, or "origin"
  std::string detail;
  bool operator==(const LabEvent&) const = default;
};

}  // namespace edgelab
