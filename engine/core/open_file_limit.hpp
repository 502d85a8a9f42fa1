#pragma once
// The process's limit on open file descriptors. Each connection costs one
// (two when both ends are in this process, four through a lab WAN link), and
// the shells' default soft limit (1024 on Debian) is far below the hard limit
// (often 524288 or more): servers raise the soft limit to the hard one at
// start, as nginx (worker_rlimit_nofile) and Varnish do.
#include <cstdint>

namespace edgelab {

struct OpenFileLimit {
  std::uint64_t soft = 0;  // in force now
  std::uint64_t hard = 0;
  bool raised = false;  // the soft limit was below the hard one and is now equal to it
};

// Raises the soft RLIMIT_NOFILE to the hard limit (capped at what the kernel
// takes: nr_open on Linux, OPEN_MAX on macOS). Never lowers it; on failure
// the limits stay as they were and are returned as they are.
OpenFileLimit raise_open_file_limit();

}  // namespace edgelab
