#include "control/fanout_report.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cstdio>

namespace edgelab {
namespace json = boost::json;
namespace {

std::string millis(double ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", ms);
  return buf;
}

}  // namespace

bool FanoutReport::ok(bool verifying) const {
  return std::all_of(nodes.begin(), nodes.end(), [verifying](const NodePurgeReport& n) {
    return n.state == NodePurgeReport::State::acknowledged &&
           (!verifying || n.verified == NodePurgeReport::Verified::evicted);
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

std::string text_table(const std::vector<std::vector<std::string>>& rows) {
  // Columns line up by characters, not bytes ("São Paulo").
  auto width = [](const std::string& cell) {
    return static_cast<std::size_t>(
        std::count_if(cell.begin(), cell.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  };
  std::vector<std::size_t> widths;
  for (const auto& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (widths.size() <= i) widths.push_back(0);
      widths[i] = std::max(widths[i], width(row[i]));
    }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line.append(widths[i] - width(row[i]) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  }
  return out;
}

}  // namespace edgelab
