#include "lab/fault_schedule.hpp"

#include "lab/lab_fleet.hpp"

#include <charconv>
#include <cmath>

namespace edgelab {
namespace {

using FaultResult = boost::system::result<FaultStep, std::string>;
FaultResult fail(std::string message) { return FaultResult(boost::system::in_place_error, std::move(message)); }

std::vector<std::string_view> split(std::string_view text, char by) {
  std::vector<std::string_view> parts;
  for (;;) {
    const auto at = text.find(by);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + 1);
  }
}

std::optional<double> decimal(std::string_view text) {
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v) || v < 0) return std::nullopt;
  return v;
}

std::optional<std::chrono::milliseconds> time_of(std::string_view text) {
  double scale = 1000;
  if (text.size() > 2 && text.substr(text.size() - 2) == "ms") {
    scale = 1;
    text.remove_suffix(2);
  } else if (!text.empty() && text.back() == 's') {
    text.remove_suffix(1);
  }
  auto v = decimal(text);
  if (!v || *v * scale > 86'400'000.0) return std::nullopt;
  return std::chrono::milliseconds(std::llround(*v * scale));
}

bool names_node(std::string_view action) {
  return action == "kill" || action == "revive" || action == "cut" || action == "restore" || action == "link-delay";
}

}  // namespace

FaultResult parse_fault(std::string_view spec) {
  const std::string quoted = "fault \"" + std::string(spec) + "\": ";
  auto parts = split(spec, ':');
  if (parts.size() < 2) return fail(quoted + "expected AT:ACTION[:TARGET][:MS]");
  FaultStep step;
  auto at = time_of(parts[0]);
  if (!at) return fail(quoted + "\"" + std::string(parts[0]) + "\" is not a time (12, 2.5s or 1500ms)");
  step.at = *at;
  step.action = parts[1];
  std::size_t expected = 0;
  if (names_node(step.action)) {
    expected = step.action == "link-delay" ? 4 : 3;
    if (parts.size() >= 3) step.target = parts[2];
    if (step.target.empty() && parts.size() >= 3) return fail(quoted + "the node name is empty");
  } else if (step.action == "origin-slow") {
    expected = 3;
  } else if (step.action == "origin-down" || step.action == "origin-up") {
    expected = 2;
  } else {
    return fail(quoted + "unknown action \"" + step.action +
                "\" (kill, revive, cut, restore, link-delay, origin-slow, origin-down, origin-up)");
  }
  if (parts.size() != expected) return fail(quoted + "\"" + step.action + "\" takes " + std::to_string(expected - 2) +
                                            " argument(s) after the action");
  if (step.action == "link-delay" || step.action == "origin-slow") {
    auto ms = decimal(parts.back());
    if (!ms || *ms > 60'000) return fail(quoted + "\"" + std::string(parts.back()) + "\" is not a delay in ms (0 to 60000)");
    step.value_ms = std::llround(*ms);
  }
  return step;
}

std::string check_fault(const LabFleet& fleet, const FaultStep& step) {
  if (names_node(step.action) && !fleet.find(step.target))
    return "fault " + step.action + ": the lab has no node \"" + step.target + "\"";
  return {};
}

bool apply_fault(LabFleet& fleet, const FaultStep& step, std::string& error) {
  if (step.action == "kill") return fleet.kill(step.target, error);
  if (step.action == "revive") return fleet.revive(step.target, error);
  if (step.action == "cut" || step.action == "restore") return fleet.cut_uplink(step.target, step.action == "cut", error);
  if (step.action == "link-delay")
    return fleet.set_uplink_delay(step.target, std::chrono::milliseconds(step.value_ms), error);
  if (step.action == "origin-slow") {
    fleet.origin_slow(std::chrono::milliseconds(step.value_ms));
    return true;
  }
  if (step.action == "origin-down" || step.action == "origin-up") {
    fleet.origin_down(step.action == "origin-down");
    return true;
  }
  error = "unknown fault \"" + step.action + "\"";
  return false;
}

}  // namespace edgelab
