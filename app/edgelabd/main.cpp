// edgelabd: the headless EdgeLab daemon.
//   edgelabd node --config FILE           run one edge node
//   edgelabd origin --listen HOST:PORT    run the synthetic origin
//   edgelabd lab [--topology default|world50|FILE] [--duration S] [--rps N] [--report FILE] ...
//                                         run the lab with simulated users and report
//   edgelabd lab --mini [--edges N] ...   the small fixed lab (origin, shield, edges)
//   edgelabd ctl --nodes FILE purge|status|stats ...
//                                         drive nodes through their admin APIs
#include "commands.hpp"
#include "core/open_file_limit.hpp"

#include <algorithm>
#include <charconv>
#include <csignal>
#include <iostream>

#include <pthread.h>

namespace edgelab::cli {

std::string option(const Args& args, const std::string& name, const std::string& fallback) {
  for (std::size_t i = 0; i + 1 < args.size(); ++i)
    if (args[i] == name) return args[i + 1];
  return fallback;
}

std::vector<std::string> all_options(const Args& args, const std::string& name) {
  std::vector<std::string> values;
  for (std::size_t i = 0; i + 1 < args.size(); ++i)
    if (args[i] == name) values.push_back(args[i + 1]);
  return values;
}

bool flag(const Args& args, const std::string& name) {
  for (const auto& a : args)
    if (a == name) return true;
  return false;
}

bool check_args(const Args& args, std::string_view who, const OptionSpec& spec) {
  auto named = [](const std::vector<std::string_view>& list, const std::string& a) {
    return std::find(list.begin(), list.end(), a) != list.end();
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (named(spec.valued, a)) {
      // A value may start with one dash (-3), never with two: that is the next option.
      if (i + 1 >= args.size() || args[i + 1].rfind("--", 0) == 0) {
        std::cerr << "edgelabd " << who << ": option " << a << " needs a value\n";
        return false;
      }
      ++i;
    } else if (!named(spec.flags, a) && !named(spec.words, a)) {
      if (a.rfind("-", 0) == 0)
        std::cerr << "edgelabd " << who << ": unknown option " << a << "\n";
      else
        std::cerr << "edgelabd " << who << ": unexpected argument \"" << a << "\"\n";
      return false;
    }
  }
  return true;
}

Args split_words(const Args& args, std::vector<std::string>& words, const std::vector<std::string_view>& flags) {
  Args options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i].rfind("--", 0) == 0) {
      options.push_back(args[i]);
      if (std::find(flags.begin(), flags.end(), args[i]) == flags.end() && i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0) options.push_back(args[++i]);
    } else {
      words.push_back(args[i]);
    }
  }
  return options;
}

bool timeout_option(const Args& args, std::string_view who, std::chrono::milliseconds& timeout) {
  const std::string text = option(args, "--timeout-ms");
  if (text.empty()) return true;
  long long ms = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), ms);
  if (ec != std::errc() || end != text.data() + text.size() || ms < 1 || ms > 600'000) {
    std::cerr << "edgelabd " << who << ": --timeout-ms expects a number of milliseconds, 1 to 600000\n";
    return false;
  }
  timeout = std::chrono::milliseconds(ms);
  return true;
}

void wait_for_termination_signal() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  int signal = 0;
  sigwait(&set, &signal);
}

}  // namespace edgelab::cli

namespace {
void usage(std::ostream& out = std::cerr) {
  out << "usage:\n"
               "  edgelabd node --config FILE\n"
               "  edgelabd origin --listen HOST:PORT [--threads N]\n"
               "  edgelabd lab [--topology default|world50|FILE] [--duration S] [--rps N] [--requests N]\n"
               "               [--zipf S] [--objects N] [--mix STATIC,SEMI,DYNAMIC] [--seed N]\n"
               "               [--fault AT:ACTION[:NODE][:MS]]... [--health-interval-ms MS]\n"
               "               [--report FILE.json] [--run-db FILE.sqlite]\n"
               "  edgelabd lab [--topology ...] [traffic options] --serve [--duration S] [--nodes-file FILE]\n"
               "               [--api-listen HOST:PORT] [--api-token-file FILE]   (users until Ctrl-C, lab API)\n"
               "  edgelabd lab --runs FILE.sqlite      (the runs kept there, side by side)\n"
               "  edgelabd lab --mini [--edges N] [--objects N] [--rounds N] [--object-bytes N]\n"
               "  edgelabd ctl --nodes NODES.json [--json] purge --url URL | --prefix URL | --tag TAG | --all\n"
               "  edgelabd ctl --nodes NODES.json [--json] status | stats\n"
               "  edgelabd ctl --nodes NODES.json [--json] script deploy FILE [--fail open|closed] | script status\n"
               "  edgelabd script check FILE\n"
               "  edgelabd script run FILE --request \"GET /path\" [--header \"Name: value\"]...\n";
}
}  // namespace

int main(int argc, char** argv) {
  // Signals are taken by sigwait on the main thread only; worker threads
  // inherit the blocked mask.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
  // A lab holds thousands of loopback connections (two descriptors each, four
  // through a WAN link): the soft limit goes up to the hard one, as in nginx.
  edgelab::raise_open_file_limit();

  if (argc < 2) {
    usage();
    return 2;
  }
  std::string command = argv[1];
  edgelab::cli::Args args(argv + 2, argv + argc);
  // `edgelabd lab --help` is a question, not a typo: the usage on stdout, exit 0.
  if (std::find_if(args.begin(), args.end(), [](const std::string& a) { return a == "--help" || a == "-h"; }) !=
      args.end()) {
    usage(std::cout);
    return 0;
  }
  if (command == "node") return edgelab::cli::run_node(args);
  if (command == "origin") return edgelab::cli::run_origin(args);
  if (command == "lab") return edgelab::cli::run_lab(args);
  if (command == "ctl") return edgelab::cli::run_ctl(args);
  if (command == "script") return edgelab::cli::run_script(args);
  if (command == "--help" || command == "-h" || command == "help") {
    usage(std::cout);
    return 0;
  }
  std::cerr << "edgelabd: unknown command \"" << command << "\"\n";
  usage();
  return 2;
}
