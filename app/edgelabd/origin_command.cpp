#include "commands.hpp"
#include "core/io_pool.hpp"
#include "origin/synthetic_origin.hpp"

#include <charconv>
#include <future>
#include <iostream>

namespace edgelab::cli {

int run_origin(const Args& args) {
  if (!check_args(args, "origin", {{"--listen", "--threads"}, {}, {}})) return 2;
  const std::string listen = option(args, "--listen", "127.0.0.1:18080");
  auto endpoint = parse_endpoint(listen);
  if (!endpoint) {
    std::cerr << "edgelabd origin: --listen expects HOST:PORT, got \"" << listen << "\"\n";
    return 2;
  }
  unsigned threads = 1;
  const std::string threads_text = option(args, "--threads", "1");
  if (auto [end, ec] = std::from_chars(threads_text.data(), threads_text.data() + threads_text.size(), threads);
      ec != std::errc() || end != threads_text.data() + threads_text.size() || threads < 1 || threads > 256) {
    std::cerr << "edgelabd origin: --threads expects a number from 1 to 256, got \"" << threads_text << "\"\n";
    return 2;
  }
  IoPool pool(threads);
  auto origin = std::make_shared<SyntheticOrigin>(pool.context());
  if (auto ec = origin->listen(*endpoint)) {
    std::cerr << "edgelabd origin: cannot listen on " << listen << ": " << ec.message() << "\n";
    return 1;
  }
  std::cout << "origin listening on " << endpoint->host << ":" << origin->port() << std::endl;
  wait_for_termination_signal();
  std::promise<void> drained;
  origin->shutdown([&drained] { drained.set_value(); });
  drained.get_future().wait_for(std::chrono::seconds(10));
  std::cout << "origin served " << origin->requests() << " requests" << std::endl;
  pool.stop();
  return 0;
}

}  // namespace edgelab::cli
