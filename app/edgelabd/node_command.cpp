#include "commands.hpp"
#include "core/io_pool.hpp"
#include "node/edge_node.hpp"

#include <future>
#include <iostream>

namespace edgelab::cli {

int run_node(const Args& args) {
  if (!check_args(args, "node", {{"--config"}, {}, {}})) return 2;
  const std::string path = option(args, "--config");
  if (path.empty()) {
    std::cerr << "edgelabd node: --config FILE is required\n";
    return 2;
  }
  auto config = load_node_config(path);
  if (!config) {
    std::cerr << "edgelabd node: " << config.error().message << "\n";
    return 1;
  }
  IoPool pool(config->threads);
  std::string error;
  auto node = EdgeNode::create(pool.context(), *config, error);
  if (!node) {
    std::cerr << "edgelabd node: " << error << "\n";
    return 1;
  }
  if (auto ec = node->start()) {
    std::cerr << "edgelabd node: cannot listen: " << ec.message() << "\n";
    return 1;
  }
  std::cout << "node " << node->name() << " listening on " << config->listen.host << ":" << node->port()
            << ", upstream " << config->upstream.to_string();
  if (config->admin)
    std::cout << ", admin on " << (config->admin->tls ? "https://" : "http://") << config->admin->listen.host << ":"
              << node->admin_port();
  std::cout << std::endl;

  wait_for_termination_signal();
  std::cout << "node " << node->name() << ": shutting down, finishing in-flight requests" << std::endl;
  std::promise<void> drained;
  node->shutdown([&drained] { drained.set_value(); });
  if (drained.get_future().wait_for(std::chrono::seconds(30)) != std::future_status::ready)
    std::cerr << "node " << node->name() << ": in-flight requests still open after 30 s, closing\n";
  pool.stop();
  return 0;
}

}  // namespace edgelab::cli
