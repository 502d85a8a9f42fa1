#pragma once
#include <string>
#include <vector>

namespace edgelab::cli {

using Args = std::vector<std::string>;
int run_node(const Args& args);
int run_origin(const Args& args);
int run_lab(const Args& args);
// The topology lab (lab --topology ...).
int run_lab_topology(const Args& args);
// The runs of a run database, side by side (lab --runs FILE).
int run_lab_runs(const Args& args);
int run_ctl(const Args& args);

// "--name value" lookup; returns fallback when absent.
std::string option(const Args& args, const std::string& name, const std::string& fallback = {});
// Every value given for a repeatable option ("--fault a --fault b").
std::vector<std::string> all_options(const Args& args, const std::string& name);
bool flag(const Args& args, const std::string& name);
// Blocks until SIGINT or SIGTERM.
void wait_for_termination_signal();

}  // namespace edgelab::cli
