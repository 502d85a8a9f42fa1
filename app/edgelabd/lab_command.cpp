#include "commands.hpp"
#include "lab/mini_lab.hpp"

#include <iostream>

namespace edgelab::cli {

namespace {
int number(const Args& args, const std::string& name, int fallback, int lo, int hi) {
  std::string text = option(args, name);
  if (text.empty()) return fallback;
  try {
    int v = std::stoi(text);
    if (v >= lo && v <= hi) return v;
  } catch (const std::exception&) {
  }
  std::cerr << "edgelabd lab: " << name << " expects a number from " << lo << " to " << hi << ", got \"" << text
            << "\"; using " << fallback << "\n";
  return fallback;
}
}  // namespace

int run_lab(const Args& args) {
  // Every lab mode's options: a typo is an error, never a default lab started anyway.
  if (!check_args(args, "lab",
                  {{"--runs", "--edges", "--objects", "--rounds", "--object-bytes", "--topology", "--regions",
                    "--duration", "--rps", "--requests", "--zipf", "--mix", "--seed", "--fault",
                    "--health-interval-ms", "--run-db", "--report", "--nodes-file", "--api-listen",
                    "--api-token-file"},
                   {"--mini", "--serve"},
                   {}}))
    return 2;
  if (!option(args, "--runs").empty()) return run_lab_runs(args);
  // The small fixed lab of the first issue, kept for quick checks; everything else is the topology lab.
  const bool mini = flag(args, "--mini") || !option(args, "--edges").empty() || !option(args, "--rounds").empty() ||
                    !option(args, "--object-bytes").empty();
  if (!mini) return run_lab_topology(args);
  MiniLabOptions options;
  options.edges = number(args, "--edges", 2, 1, 16);
  options.objects = number(args, "--objects", 20, 1, 10'000);
  options.rounds = number(args, "--rounds", 3, 1, 100);
  options.object_bytes = static_cast<std::uint64_t>(number(args, "--object-bytes", 4096, 1, 64 << 20));
  std::string error;
  auto lab = MiniLab::start(options, error);
  if (!lab) {
    std::cerr << "edgelabd lab: " << error << "\n";
    return 1;
  }
  std::cout << "EdgeLab mini lab: origin :" << lab->origin().port() << "  shield :" << lab->shield().port();
  for (std::size_t i = 0; i < lab->edge_count(); ++i)
    std::cout << "  " << lab->edge(i).name() << " :" << lab->edge(i).port();
  std::cout << "\n"
            << options.rounds << " rounds x " << options.edges << " edges x " << options.objects << " objects of "
            << options.object_bytes << " bytes\n\n";
  MiniLabReport report = lab->run_traffic();
  std::cout << report.table();
  return report.errors == 0 ? 0 : 1;
}

}  // namespace edgelab::cli
