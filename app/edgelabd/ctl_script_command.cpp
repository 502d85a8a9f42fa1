// edgelabd ctl --nodes F script deploy FILE | script status: the edge script
// across a fleet, all nodes at once (staged rollouts come later). Each node
// compiles and self-tests the script itself and answers its version or why not.
#include "commands.hpp"
#include "control/admin_client.hpp"
#include "control/fleet.hpp"
#include "control/fleet_sync.hpp"
#include "core/text_table.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/json.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

namespace edgelab::cli {
namespace {
namespace json = boost::json;

std::string field_text(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (!v || v->is_null()) return "-";
  if (v->is_string()) return std::string(v->as_string());
  return json::serialize(*v);
}

std::string error_of(const AdminReply& reply) {
  json::error_code ec;
  json::value body = json::parse(reply.body, ec);
  if (!ec && body.is_object())
    if (auto* e = body.as_object().if_contains("error"); e && e->is_string()) return std::string(e->as_string());
  return reply.describe();
}

int deploy(const std::vector<FleetNode>& fleet, const std::string& file, const Args& args,
           std::chrono::milliseconds timeout, bool as_json) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "edgelabd ctl script deploy: cannot open " << file << "\n";
    return 2;
  }
  std::stringstream text;
  text << in.rdbuf();
  std::string name = file.substr(file.find_last_of('/') + 1);
  std::string target = "/admin/v1/script?name=" + name;
  for (auto [option_name, query] :
       {std::pair{"--fail", "fail"}, std::pair{"--cpu-ms", "cpu_ms"}, std::pair{"--memory-kib", "memory_kib"}})
    if (std::string v = option(args, option_name); !v.empty()) target += std::string("&") + query + "=" + v;
  net::io_context ioc;
  std::vector<AdminReply> replies(fleet.size());
  for (std::size_t i = 0; i < fleet.size(); ++i)
    AdminClient::request(ioc.get_executor(), fleet[i].endpoint, http::verb::put, target, text.str(), timeout,
                         [&replies, i](AdminReply r) { replies[i] = std::move(r); });
  ioc.run();
  int failures = 0;
  json::array out;
  std::vector<std::vector<std::string>> rows{{"node", "version", "hooks", "self-tests", "error"}};
  for (std::size_t i = 0; i < fleet.size(); ++i) {
    json::error_code ec;
    json::value body = json::parse(replies[i].body, ec);
    if (!replies[i].ok() || ec || !body.is_object()) {
      ++failures;
      out.push_back(json::object{{"name", fleet[i].name}, {"error", error_of(replies[i])}});
      rows.push_back({fleet[i].name, "-", "-", "-", error_of(replies[i])});
      continue;
    }
    const auto& o = body.as_object();
    out.push_back(json::object{{"name", fleet[i].name}, {"deployed", o}});
    std::string hooks;
    if (auto* h = o.if_contains("hooks"); h && h->is_array())
      for (const auto& hook : h->as_array()) hooks += (hooks.empty() ? "" : " ") + std::string(hook.as_string());
    std::string tests = "-";
    if (auto* t = o.if_contains("self_tests"); t && t->is_object())
      tests = field_text(t->as_object(), "passed") + "/" + field_text(t->as_object(), "run");
    rows.push_back({fleet[i].name, field_text(o, "version"), hooks, tests, ""});
  }
  if (as_json)
    std::cout << json::serialize(json::object{{"nodes", std::move(out)}}) << "\n";
  else
    std::cout << text_table(rows);
  return failures ? 1 : 0;
}

int status(const std::vector<FleetNode>& fleet, std::chrono::milliseconds timeout, bool as_json) {
  net::io_context ioc;
  std::vector<AdminReply> replies;
  query_fleet(ioc.get_executor(), fleet, "/admin/v1/script", timeout,
              [&](std::vector<AdminReply> all) { replies = std::move(all); });
  ioc.run();
  int failures = 0;
  json::array out;
  std::vector<std::vector<std::string>> rows{{"node", "version", "fail", "invocations", "errors", "aborts",
                                              "cpu p50 us", "cpu p99 us", "memory KiB", "error"}};
  for (std::size_t i = 0; i < fleet.size(); ++i) {
    json::error_code ec;
    json::value body = replies[i].ok() ? json::parse(replies[i].body, ec) : json::value();
    if (!replies[i].ok() || ec || !body.is_object()) {
      ++failures;
      out.push_back(json::object{{"name", fleet[i].name}, {"error", error_of(replies[i])}});
      rows.push_back({fleet[i].name, "-", "-", "-", "-", "-", "-", "-", "-", error_of(replies[i])});
      continue;
    }
    out.push_back(json::object{{"name", fleet[i].name}, {"status", body}});
    const json::value* script = body.as_object().if_contains("script");
    if (!script || !script->is_object()) {
      rows.push_back({fleet[i].name, "none", "-", "-", "-", "-", "-", "-", "-", ""});
      continue;
    }
    const auto& s = script->as_object();
    std::uint64_t aborts = 0;
    if (auto* a = s.if_contains("aborts"); a && a->is_object())
      for (const auto& [reason, n] : a->as_object()) aborts += n.is_number() ? n.to_number<std::uint64_t>() : 0;
    std::string memory = "-";
    if (auto* m = s.if_contains("memory_bytes"); m && m->is_number())
      memory = std::to_string(m->to_number<std::uint64_t>() / 1024);
    rows.push_back({fleet[i].name, field_text(s, "version"), field_text(s, "fail"), field_text(s, "invocations"),
                    field_text(s, "errors"), std::to_string(aborts), field_text(s, "cpu_us_p50"),
                    field_text(s, "cpu_us_p99"), memory, ""});
  }
  if (as_json)
    std::cout << json::serialize(json::object{{"nodes", std::move(out)}}) << "\n";
  else
    std::cout << text_table(rows);
  return failures ? 1 : 0;
}

}  // namespace

int run_ctl_script(const Args& args) {
  std::vector<std::string> words;
  const Args options = split_words(args, words, {"--json"});
  if (!check_args(options, "ctl script",
                  {{"--nodes", "--timeout-ms", "--fail", "--cpu-ms", "--memory-kib"}, {"--json"}, {}}))
    return 2;
  const bool deploying = words.size() == 3 && words[0] == "script" && words[1] == "deploy";
  const bool status_only = words.size() == 2 && words[0] == "script" && words[1] == "status";
  const std::string nodes_path = option(args, "--nodes");
  if (nodes_path.empty() || (!deploying && !status_only)) {
    std::cerr << "usage: edgelabd ctl --nodes NODES.json [--json] script deploy FILE [--fail open|closed] "
                 "[--cpu-ms N] [--memory-kib N]\n"
                 "       edgelabd ctl --nodes NODES.json [--json] script status\n";
    return 2;
  }
  auto fleet = load_fleet(nodes_path);
  if (!fleet) {
    std::cerr << "edgelabd ctl: " << fleet.error() << "\n";
    return 2;
  }
  std::chrono::milliseconds timeout{10'000};  // a deploy runs the script's self-tests on every node
  if (!timeout_option(args, "ctl script", timeout)) return 2;
  const bool as_json = flag(args, "--json");
  return deploying ? deploy(*fleet, words[2], args, timeout, as_json) : status(*fleet, timeout, as_json);
}

}  // namespace edgelab::cli
