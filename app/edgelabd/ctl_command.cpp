// edgelabd ctl: drive nodes (local or remote) through their admin APIs.
#include "commands.hpp"
#include "control/fleet_sync.hpp"
#include "core/text_table.hpp"
#include "control/purge_fanout.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace edgelab::cli {
namespace {
namespace json = boost::json;

constexpr std::size_t kJournalReplayWindow = 10'000;

void ctl_usage() {
  std::cerr << "usage: edgelabd ctl --nodes NODES.json [--json] [--journal FILE] [--timeout-ms N] COMMAND\n"
               "  purge --url URL | --prefix URL | --tag TAG | --all [--hard]  [--soft] [--no-verify]\n"
               "  status        catch lagging nodes up on missed purges, then show every node\n"
               "  stats         hit ratios, latency and tier sizes per node\n"
               "  script deploy FILE [--fail open|closed] [--cpu-ms N] [--memory-kib N]\n"
               "                the edge script to every node at once (each compiles and self-tests it)\n"
               "  script status the live script version and its counters per node\n"
               "Exit status: 0 when every node answered (and was verified), 1 otherwise, 2 on bad usage.\n";
}

std::string default_journal(const std::string& nodes_path) {
  std::filesystem::path p(nodes_path);
  return (p.parent_path() / (p.stem().string() + ".journal.sqlite")).string();
}

std::string percent(double ratio) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", ratio * 100);
  return buf;
}

int run_stats(const std::vector<FleetNode>& fleet, std::chrono::milliseconds timeout, bool as_json) {
  net::io_context ioc;
  std::vector<AdminReply> replies;
  query_fleet(ioc.get_executor(), fleet, "/admin/v1/stats", timeout,
              [&](std::vector<AdminReply> all) { replies = std::move(all); });
  ioc.run();
  int failures = 0;
  json::array out;
  std::vector<std::vector<std::string>> rows{
      {"node", "requests", "L1 hits", "L2 hits", "misses", "hit ratio", "p99 us", "L1 objects", "L2 objects", "error"}};
  for (std::size_t i = 0; i < fleet.size(); ++i) {
    boost::system::error_code ec;
    json::value body = replies[i].ok() ? json::parse(replies[i].body, ec) : json::value();
    if (!replies[i].ok() || ec || !body.is_object()) {
      ++failures;
      out.push_back(json::object{{"name", fleet[i].name}, {"error", replies[i].describe()}});
      rows.push_back({fleet[i].name, "-", "-", "-", "-", "-", "-", "-", "-", replies[i].describe()});
      continue;
    }
    const json::object& o = body.as_object();
    out.push_back(json::object{{"name", fleet[i].name}, {"stats", o}});
    auto counter = [&](std::string_view key) -> std::uint64_t {
      const json::value* c = o.if_contains("counters");
      const json::value* v = c && c->is_object() ? c->as_object().if_contains(key) : nullptr;
      return v && v->is_number() ? v->to_number<std::uint64_t>() : 0;
    };
    auto tier_objects = [&](std::string_view tier) -> std::string {
      const json::value* t = o.if_contains(tier);
      const json::value* v = t && t->is_object() ? t->as_object().if_contains("objects") : nullptr;
      return v ? json::serialize(*v) : "-";
    };
    std::string p99 = "-";
    if (const json::value* c = o.if_contains("counters"); c && c->is_object())
      if (const json::value* lat = c->as_object().if_contains("latency_us"); lat && lat->is_object())
        if (const json::value* v = lat->as_object().if_contains("p99")) p99 = json::serialize(*v);
    const auto requests = counter("requests");
    const auto hits = counter("l1_hits") + counter("l2_hits");
    rows.push_back({fleet[i].name, std::to_string(requests), std::to_string(counter("l1_hits")),
                    std::to_string(counter("l2_hits")), std::to_string(counter("misses")),
                    requests ? percent(static_cast<double>(hits) / static_cast<double>(requests)) : "-", p99,
                    tier_objects("l1"), tier_objects("l2"), ""});
  }
  if (as_json)
    std::cout << json::serialize(json::object{{"nodes", std::move(out)}}) << "\n";
  else
    std::cout << text_table(rows);
  return failures ? 1 : 0;
}

int run_status(const std::vector<FleetNode>& fleet, FleetJournal& journal, std::chrono::milliseconds timeout,
               bool as_json) {
  net::io_context ioc;
  std::vector<NodeSyncReport> reports;
  const std::uint64_t head = journal.head();
  std::make_shared<FleetSync>(ioc.get_executor(), fleet, timeout)
      ->run(journal.tail(kJournalReplayWindow), head, [&](std::vector<NodeSyncReport> r) { reports = std::move(r); });
  ioc.run();
  if (as_json)
    std::cout << json::serialize(sync_json(reports, head)) << "\n";
  else
    std::cout << sync_table(reports, head);
  for (const auto& r : reports)
    if (!r.healthy(head)) return 1;
  return 0;
}

int run_purge(const Args& args, const std::vector<FleetNode>& fleet, FleetJournal& journal,
              std::chrono::milliseconds timeout, bool as_json) {
  std::optional<PurgeKind> kind;
  std::string value;
  int given = 0;
  for (auto [name, k] : {std::pair{"--url", PurgeKind::url}, std::pair{"--prefix", PurgeKind::prefix},
                         std::pair{"--tag", PurgeKind::tag}}) {
    if (std::string v = option(args, name); !v.empty()) {
      kind = k;
      value = v;
      ++given;
    }
  }
  if (flag(args, "--all")) {
    kind = PurgeKind::all;
    ++given;
  }
  if (given != 1) {
    std::cerr << "edgelabd ctl purge: give exactly one of --url, --prefix, --tag, --all\n";
    return 2;
  }
  // Purge-all is soft unless --hard is given: a hard one sends everything to the origin.
  const bool soft = flag(args, "--soft") || (*kind == PurgeKind::all && !flag(args, "--hard"));
  if (*kind == PurgeKind::all)
    std::cerr << "warning: purging everything " << (soft ? "marks every object stale" : "drops every object")
              << " on " << fleet.size() << " nodes; expect a burst of origin traffic\n";
  std::string error;
  auto entry = journal.append(*kind, value, soft, error);
  if (!entry) {
    std::cerr << "edgelabd ctl: " << error << "\n";
    return 1;
  }
  auto backlog = journal.tail(kJournalReplayWindow);
  std::erase_if(backlog, [&](const FleetPurge& p) { return p.fleet_seq >= entry->fleet_seq; });
  FanoutOptions options;
  options.request_timeout = timeout;
  options.verify = !flag(args, "--no-verify");
  net::io_context ioc;
  FanoutReport report;
  std::make_shared<PurgeFanout>(ioc.get_executor(), fleet, options)
      ->run(*entry, std::move(backlog), [&](FanoutReport r) { report = std::move(r); });
  ioc.run();
  if (as_json)
    std::cout << json::serialize(report_json(report)) << "\n";
  else
    std::cout << report_table(report);
  return report.ok(options.verify) ? 0 : 1;
}

}  // namespace

int run_ctl(const Args& args) {
  if (std::find(args.begin(), args.end(), "script") != args.end()) return run_ctl_script(args);
  if (!check_args(args, "ctl",
                  {{"--nodes", "--timeout-ms", "--journal", "--url", "--prefix", "--tag"},
                   {"--json", "--all", "--soft", "--hard", "--no-verify"},
                   {"purge", "status", "stats"}}))
    return 2;
  const std::string nodes_path = option(args, "--nodes");
  if (nodes_path.empty() || args.empty()) {
    ctl_usage();
    return 2;
  }
  std::string command;
  for (const auto& a : args)
    if (a == "purge" || a == "status" || a == "stats") command = a;
  if (command.empty()) {
    ctl_usage();
    return 2;
  }
  auto fleet = load_fleet(nodes_path);
  if (!fleet) {
    std::cerr << "edgelabd ctl: " << fleet.error() << "\n";
    return 2;
  }
  std::chrono::milliseconds timeout{2000};
  if (!timeout_option(args, "ctl", timeout)) return 2;
  const bool as_json = flag(args, "--json");
  if (command == "stats") return run_stats(*fleet, timeout, as_json);
  std::string error;
  auto journal = FleetJournal::open(option(args, "--journal", default_journal(nodes_path)), error);
  if (!journal) {
    std::cerr << "edgelabd ctl: journal: " << error << "\n";
    return 2;
  }
  if (command == "status") return run_status(*fleet, *journal, timeout, as_json);
  return run_purge(args, *fleet, *journal, timeout, as_json);
}

}  // namespace edgelab::cli
