// edgelabd script check FILE | run FILE --request "GET /path" [--header "K: V"]...
//   check  compiles the script and runs its self-tests; exit 1 with the error.
//   run    one request through the hooks against a synthetic origin, printing
//          what each hook did (like `wrangler dev`, without a network).
#include "commands.hpp"
#include "script/script_self_tests.hpp"
#include "script/script_simulator.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace edgelab::cli {
namespace {

void script_usage() {
  std::cerr << "usage: edgelabd script check FILE [--fail open|closed] [--cpu-ms N] [--memory-kib N]\n"
               "       edgelabd script run FILE --request \"GET /path?q\" [--header \"Name: value\"]...\n"
               "                               [--client-ip IP] [--pop NAME] [--region NAME] [--city NAME]\n"
               "                               [--origin-status N]\n"
               "                               [--origin-header \"Name: value\"]... [--origin-body TEXT]\n";
}

bool read_file(const std::string& path, std::string& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open " + path;
    return false;
  }
  std::stringstream text;
  text << in.rdbuf();
  out = text.str();
  return true;
}

bool split_field(const std::string& text, std::pair<std::string, std::string>& out) {
  const auto colon = text.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  std::string value = text.substr(colon + 1);
  while (!value.empty() && value.front() == ' ') value.erase(0, 1);
  out = {text.substr(0, colon), value};
  return true;
}

bool settings_from(const Args& args, ScriptSettings& settings) {
  const std::string fail = option(args, "--fail", "open");
  if (fail != "open" && fail != "closed") {
    std::cerr << "edgelabd script: --fail is open or closed\n";
    return false;
  }
  settings.fail = fail == "closed" ? ScriptFailMode::closed : ScriptFailMode::open;
  try {
    if (auto v = option(args, "--cpu-ms"); !v.empty()) settings.limits.cpu_us = std::stoll(v) * 1000;
    if (auto v = option(args, "--memory-kib"); !v.empty()) settings.limits.memory_bytes = std::stoull(v) * 1024;
  } catch (const std::exception&) {
    std::cerr << "edgelabd script: --cpu-ms and --memory-kib expect numbers\n";
    return false;
  }
  if (settings.limits.cpu_us < 1000 || settings.limits.cpu_us > 1'000'000 ||
      settings.limits.memory_bytes < (256u << 10)) {
    std::cerr << "edgelabd script: --cpu-ms is 1..1000, --memory-kib at least 256\n";
    return false;
  }
  return true;
}

std::string chunk_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

int run_script(const Args& args) {
  std::vector<std::string> words;
  const std::vector<std::string> options = split_words(args, words);
  if (!check_args(options, "script",
                  {{"--fail", "--cpu-ms", "--memory-kib", "--request", "--header", "--client-ip", "--city", "--region",
                    "--pop", "--origin-status", "--origin-header", "--origin-body"},
                   {},
                   {}}))
    return 2;
  if (words.size() != 2 || (words[0] != "check" && words[0] != "run")) {
    script_usage();
    return 2;
  }
  ScriptSettings settings;
  if (!settings_from(args, settings)) return 2;
  std::string source, error;
  if (!read_file(words[1], source, error)) {
    std::cerr << "edgelabd script: " << error << "\n";
    return 1;
  }
  auto program = ScriptProgram::compile(std::move(source), chunk_name(words[1]), settings, error);
  if (!program) {
    std::cerr << error << "\n";
    return 1;
  }
  if (words[0] == "check") {
    const SelfTestReport report = ScriptSelfTests::run(program);
    for (const auto& failure : report.failures) std::cerr << "FAIL " << failure << "\n";
    if (!report.error.empty()) std::cerr << report.error << "\n";
    std::cout << program->name() << ": version " << program->version() << ", hooks:";
    for (int i = 0; i < kScriptHookCount; ++i)
      if (program->defines(ScriptHook(i))) std::cout << " " << hook_function_name(ScriptHook(i));
    std::cout << "; self-tests " << report.passed << "/" << report.run << " passed\n";
    return report.ok() ? 0 : 1;
  }

  SimulatedRequest request;
  const std::string line = option(args, "--request", "GET /");
  const auto space = line.find(' ');
  if (space == std::string::npos || space + 1 >= line.size() || line[space + 1] != '/') {
    std::cerr << "edgelabd script run: --request looks like \"GET /path\"\n";
    return 2;
  }
  request.method = line.substr(0, space);
  request.target = line.substr(space + 1);
  for (const auto& h : all_options(args, "--header")) {
    std::pair<std::string, std::string> field;
    if (!split_field(h, field)) {
      std::cerr << "edgelabd script run: --header looks like \"Name: value\"\n";
      return 2;
    }
    request.headers.push_back(std::move(field));
  }
  request.client_ip = option(args, "--client-ip", request.client_ip);
  request.geo.city = option(args, "--city");
  request.geo.region = option(args, "--region", request.geo.region);
  request.geo.pop = option(args, "--pop", request.geo.pop);
  SimulatedOrigin origin;
  try {
    if (auto v = option(args, "--origin-status"); !v.empty()) origin.status = unsigned(std::stoul(v));
  } catch (const std::exception&) {
    std::cerr << "edgelabd script run: --origin-status expects a number\n";
    return 2;
  }
  if (auto headers = all_options(args, "--origin-header"); !headers.empty()) {
    origin.headers.clear();
    for (const auto& h : headers) {
      std::pair<std::string, std::string> field;
      if (!split_field(h, field)) {
        std::cerr << "edgelabd script run: --origin-header looks like \"Name: value\"\n";
        return 2;
      }
      origin.headers.push_back(std::move(field));
    }
  }
  if (auto body = option(args, "--origin-body"); !body.empty()) origin.body = body;

  ScriptSimulator simulator(program);
  const SimulatedOutcome out = simulator.run(request, origin);
  std::cout << "> " << request.method << " " << request.target << "\n";
  for (const auto& t : out.trace) std::cout << "  " << t << "\n";
  for (const auto& l : out.logs) std::cout << "  log " << l << "\n";
  if (out.cache_key) std::cout << "  cache key: " << shown_cache_key(*out.cache_key) << "\n";
  if (out.reached_origin) {
    std::cout << "  upstream request:";
    for (const auto& [n, v] : out.upstream_headers) std::cout << "\n    " << n << ": " << v;
    std::cout << "\n";
  } else {
    std::cout << "  no upstream request" << (out.answered_by_script ? " (the script answered)" : "") << "\n";
  }
  if (out.ttl) std::cout << "  stored for " << *out.ttl << " s\n";
  if (out.uncacheable) std::cout << "  not stored (resp:uncacheable)\n";
  std::cout << "< " << out.status << "\n";
  for (const auto& [n, v] : out.headers) std::cout << "< " << n << ": " << v << "\n";
  std::cout << "<\n" << out.body;
  if (!out.body.empty() && out.body.back() != '\n') std::cout << "\n";
  if (out.script_failed) {
    std::cerr << "the script failed (" << status_name(out.failure) << "): " << out.failure_message << "\n";
    return 1;
  }
  return 0;
}

}  // namespace edgelab::cli
