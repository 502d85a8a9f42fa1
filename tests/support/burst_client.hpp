#pragma once
// Opens N connections first, then sends N requests at once and reads every
// answer: the way to put N truly concurrent requests on a node.
#include "core/node_config.hpp"
#include "http/http_types.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace edgelab::test {

struct BurstResult {
  int ok = 0;  // 2xx/3xx
  int failed = 0;
  std::vector<unsigned> statuses;
  std::vector<std::string> cache_status;
  std::vector<std::string> bodies;
};

BurstResult burst_get(const Endpoint& server, const std::string& target, int count,
                      std::chrono::milliseconds timeout = std::chrono::seconds(20),
                      const std::string& host = "www.test.example");

// Raises the open-file limit to the hard limit (bursts need many sockets).
void raise_fd_limit();

}  // namespace edgelab::test
