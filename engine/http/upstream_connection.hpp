#pragma once
#include "http/http_types.hpp"

#include <boost/beast/core/flat_buffer.hpp>

#include <chrono>

namespace edgelab {

// A connection to the upstream, owned by the pool while idle and by an
// UpstreamExchange while in use.
struct UpstreamConnection {
  explicit UpstreamConnection(net::any_io_executor ex) : stream(std::move(ex)) {}
  beast::tcp_stream stream;
  beast::flat_buffer buffer;
  std::chrono::steady_clock::time_point idle_since{};
  char idle_probe = 0;  // the idle watch peeks a byte here (and leaves it in the socket)
  std::uint64_t requests = 0;
};

}  // namespace edgelab
