#pragma once
// The structured result of a fleet purge and of a catch-up pass, as JSON and
// as a table for people.
#include "control/fleet_journal.hpp"

#include <boost/json/object.hpp>

#include <string>
#include <vector>

namespace edgelab {

struct NodePurgeReport {
  enum class State { pending, acknowledged, failed };
  enum class Verified { unknown, evicted, still_cached };
  std::string name;
  std::string role;
  State state = State::pending;
  Verified verified = Verified::unknown;
  int attempts = 0;
  std::uint64_t replayed = 0;  // missed fleet purges replayed before this one
  bool duplicate = false;      // the node had it already
  double ack_ms = 0;           // from the fan-out's start
  double verified_ms = 0;
  std::uint64_t node_seq = 0;  // the node's own sequence for this purge
  std::uint64_t l1 = 0;
  std::uint64_t l2 = 0;
  std::string error;
  std::string verify_detail;
};

struct FanoutReport {
  FleetPurge purge;
  std::vector<NodePurgeReport> nodes;
  double total_ms = 0;  // start to the last acknowledgement or verification
  bool verifying = true;  // the run asked nodes to verify
  // Every node acknowledged and (when require_verified) was verified evicted.
  bool ok(bool require_verified) const;
};

struct NodeSyncReport {
  std::string name;
  std::string role;
  bool reachable = false;
  std::uint64_t fleet_seq_before = 0;
  std::uint64_t fleet_seq_after = 0;
  std::uint64_t replayed = 0;
  std::string error;
  boost::json::object status;  // the node's /admin/v1/status
  bool healthy(std::uint64_t head) const { return reachable && error.empty() && fleet_seq_after >= head; }
};

std::string_view to_string(NodePurgeReport::State state);
std::string_view to_string(NodePurgeReport::Verified verified);
boost::json::object report_json(const FanoutReport& report);
std::string report_table(const FanoutReport& report);
boost::json::object sync_json(const std::vector<NodeSyncReport>& nodes, std::uint64_t head);
std::string sync_table(const std::vector<NodeSyncReport>& nodes, std::uint64_t head);

}  // namespace edgelab
