#include "control/fanout_report.hpp"

#include "core/text_table.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace edgelab {
namespace json = boost::json;
namespace {

std::string millis(double ms) { return format_fixed(ms, 1); }

}  // namespace

bool FanoutReport::ok(bool require_verified) const {
  return std::all_of(nodes.begin(), nodes.end(), [require_verified](const NodePurgeReport& n) {
    return n.state == NodePurgeReport::State::acknowledged &&
           (!require_verified || n.verified == NodePurgeReport::Verified::evicted);
  });
}

std::string_view to_string(NodePurgeReport::State state) {
  switch (state) {
    case NodePurgeReport::State::pending:
      return "pending";
    case NodePurgeReport::State::acknowledged:
      return "acknowledged";
    case NodePurgeReport::State::failed:
      return "failed";
  }
  return "pending";
}

std::string_view to_string(NodePurgeReport::Verified verified) {
  switch (verified) {
    case NodePurgeReport::Verified::unknown:
      return "unverified";
    case NodePurgeReport::Verified::evicted:
      return "verified evicted";
    case NodePurgeReport::Verified::still_cached:
      return "STILL CACHED";
  }
  return "unverified";
}

json::object report_json(const FanoutReport& r) {
  json::array nodes;
  for (const auto& n : r.nodes)
    nodes.push_back(json::object{{"name", n.name},
                                 {"role", n.role},
                                 {"state", to_string(n.state)},
                                 {"verified", to_string(n.verified)},
                                 {"attempts", n.attempts},
                                 {"replayed", n.replayed},
                                 {"duplicate", n.duplicate},
                                 {"ack_ms", n.ack_ms},
                                 {"verified_ms", n.verified_ms},
                                 {"node_seq", n.node_seq},
                                 {"invalidated", json::object{{"L1", n.l1}, {"L2", n.l2}}},
                                 {"error", n.error},
                                 {"verify_detail", n.verify_detail}});
  return json::object{{"fleet_seq", r.purge.fleet_seq},
                      {"kind", to_string(r.purge.kind)},
                      {"value", r.purge.value},
                      {"soft", r.purge.soft},
                      {"total_ms", r.total_ms},
                      {"ok", r.ok(r.verifying)},
                      {"nodes", std::move(nodes)}};
}

std::string report_table(const FanoutReport& r) {
  std::vector<std::vector<std::string>> rows{
      {"node", "role", "state", "ack ms", "verified", "verify ms", "L1", "L2", "tries", "replayed", "detail"}};
  for (const auto& n : r.nodes)
    rows.push_back({n.name, n.role, std::string(to_string(n.state)),
                    n.state == NodePurgeReport::State::acknowledged ? millis(n.ack_ms) : "-",
                    n.verified == NodePurgeReport::Verified::evicted && r.purge.soft
                        ? "verified stale"
                        : std::string(to_string(n.verified)),
                    n.verified != NodePurgeReport::Verified::unknown ? millis(n.verified_ms) : "-", std::to_string(n.l1),
                    std::to_string(n.l2), std::to_string(n.attempts), std::to_string(n.replayed),
                    !n.error.empty() ? n.error : n.verify_detail});
  std::string out = "purge " + std::string(to_string(r.purge.kind)) + " \"" + r.purge.value + "\"" +
                    (r.purge.soft ? " (soft)" : " (hard)") + ", fleet sequence " + std::to_string(r.purge.fleet_seq) +
                    "\n";
  out += text_table(rows);
  const auto acked = std::count_if(r.nodes.begin(), r.nodes.end(),
                                   [](const auto& n) { return n.state == NodePurgeReport::State::acknowledged; });
  const auto verified = std::count_if(r.nodes.begin(), r.nodes.end(), [](const auto& n) {
    return n.verified == NodePurgeReport::Verified::evicted;
  });
  out += std::to_string(acked) + "/" + std::to_string(r.nodes.size()) + " acknowledged, " + std::to_string(verified) +
         "/" + std::to_string(r.nodes.size()) + (r.purge.soft ? " verified stale, " : " verified evicted, ") + millis(r.total_ms) + " ms\n";
  return out;
}

json::object sync_json(const std::vector<NodeSyncReport>& nodes, std::uint64_t head) {
  json::array list;
  for (const auto& n : nodes)
    list.push_back(json::object{{"name", n.name},
                                {"role", n.role},
                                {"reachable", n.reachable},
                                {"healthy", n.healthy(head)},
                                {"fleet_seq_before", n.fleet_seq_before},
                                {"fleet_seq", n.fleet_seq_after},
                                {"replayed", n.replayed},
                                {"error", n.error},
                                {"status", n.status}});
  return json::object{{"journal_head", head}, {"nodes", std::move(list)}};
}

std::string sync_table(const std::vector<NodeSyncReport>& nodes, std::uint64_t head) {
  std::vector<std::vector<std::string>> rows{
      {"node", "role", "state", "region", "version", "uptime s", "fleet seq", "replayed", "detail"}};
  auto field = [](const json::object& o, std::string_view key) -> std::string {
    const json::value* v = o.if_contains(key);
    if (!v) return "-";
    if (v->is_string()) return std::string(v->as_string());
    return json::serialize(*v);
  };
  for (const auto& n : nodes)
    rows.push_back({n.name, n.role,
                    !n.reachable ? "unreachable" : (n.healthy(head) ? "healthy" : "behind"), field(n.status, "region"),
                    field(n.status, "version"), field(n.status, "uptime_s"),
                    std::to_string(n.fleet_seq_after) + "/" + std::to_string(head), std::to_string(n.replayed),
                    n.error});
  return text_table(rows);
}

}  // namespace edgelab
