#pragma once
// Faults to inject during a headless lab run, each at a time after the start:
//   AT:kill:NODE        AT:revive:NODE
//   AT:cut:NODE         AT:restore:NODE          (the node's link to its upstream)
//   AT:link-delay:NODE:MS                        (one way, on the node's uplink)
//   AT:origin-slow:MS   AT:origin-down   AT:origin-up
// AT is seconds ("12", "2.5s") or milliseconds ("1500ms").
#include <boost/system/result.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace edgelab {

class LabFleet;

struct FaultStep {
  std::chrono::milliseconds at{0};
  std::string action;  // as written above
  std::string target;  // a node name; empty for origin faults
  std::int64_t value_ms = 0;
};

boost::system::result<FaultStep, std::string> parse_fault(std::string_view spec);
// An error when the step names a node the lab does not have.
std::string check_fault(const LabFleet& fleet, const FaultStep& step);
// Blocking (it may stop or start a node): not for the lab's io threads.
bool apply_fault(LabFleet& fleet, const FaultStep& step, std::string& error);

}  // namespace edgelab
