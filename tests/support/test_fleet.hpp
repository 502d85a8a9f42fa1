#pragma once
// Real processes' worth of parts in one test: an IoPool, a synthetic origin
// and edge nodes on loopback ports, all torn down gracefully at the end.
#include "core/io_pool.hpp"
#include "http/blocking_client.hpp"
#include "node/edge_node.hpp"
#include "origin/synthetic_origin.hpp"

#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace edgelab::test {

class TestFleet {
 public:
  explicit TestFleet(unsigned threads = 2);
  ~TestFleet();

  SyntheticOrigin& start_origin();
  // A node whose upstream is the origin (upstream_port 0) or another node.
  EdgeNode& start_node(const std::string& name, std::uint16_t upstream_port = 0,
                       const std::function<void(NodeConfig&)>& tweak = {});
  void stop_node(EdgeNode& node);
  void stop_origin();

  SyntheticOrigin& origin() { return *origin_; }
  std::uint16_t origin_port() const { return origin_port_; }
  net::io_context& context() { return pool_.context(); }
  QString temp_path(const QString& name) const { return dir_.filePath(name); }

  static Endpoint at(std::uint16_t port) { return Endpoint{"127.0.0.1", port}; }
  // GET through a fresh connection with the test Host.
  static Response get(std::uint16_t port, const std::string& target,
                      std::initializer_list<std::pair<std::string_view, std::string_view>> headers = {});
  // A miss is stored once its whole body is in, which can be just after the
  // client has it: waits (5 s at most) until L1 holds `objects`, then until
  // the L2 writes queued so far are done.
  static void wait_until_stored(EdgeNode& node, std::uint64_t objects);
  // GET on the node's admin listener with its bearer token.
  static Response admin_get(const EdgeNode& node, const std::string& target);
  // POST a JSON body to the node's admin listener with its bearer token.
  static Response admin_post(const EdgeNode& node, const std::string& target, const std::string& body);
  // Any method, any headers, on a fresh connection with the test Host.
  static Response send(std::uint16_t port, http::verb method, const std::string& target, const std::string& body = {},
                       std::initializer_list<std::pair<std::string_view, std::string_view>> headers = {});

 private:
  IoPool pool_;
  QTemporaryDir dir_;
  std::shared_ptr<SyntheticOrigin> origin_;
  std::uint16_t origin_port_ = 0;
  std::vector<std::shared_ptr<EdgeNode>> nodes_;
};

}  // namespace edgelab::test
