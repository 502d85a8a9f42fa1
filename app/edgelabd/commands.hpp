#pragma once
#include <chrono>
#include <string>
#include <string_view>
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
int run_script(const Args& args);
// edgelabd ctl ... script deploy FILE | script status
int run_ctl_script(const Args& args);

// "--name value" lookup; returns fallback when absent.
std::string option(const Args& args, const std::string& name, const std::string& fallback = {});
// Every value given for a repeatable option ("--fault a --fault b").
std::vector<std::string> all_options(const Args& args, const std::string& name);
bool flag(const Args& args, const std::string& name);

// What a subcommand accepts: options taking a value, flags, and bare words.
struct OptionSpec {
  std::vector<std::string_view> valued;
  std::vector<std::string_view> flags;
  std::vector<std::string_view> words;
};
// False, with "edgelabd WHO: unknown option --x" (or a missing value, or an
// unexpected word) on stderr, when `args` holds anything `spec` does not name.
bool check_args(const Args& args, std::string_view who, const OptionSpec& spec);
// The options of `args` (each option with the value after it, but `flags`),
// with the bare words (subcommands, file names) moved to `words`.
Args split_words(const Args& args, std::vector<std::string>& words, const std::vector<std::string_view>& flags = {});
// --timeout-ms N (1..600000) into `timeout`, which keeps its value when the
// option is absent; false, with the message on stderr, when it is malformed.
bool timeout_option(const Args& args, std::string_view who, std::chrono::milliseconds& timeout);
// Blocks until SIGINT or SIGTERM.
void wait_for_termination_signal();

}  // namespace edgelab::cli
