#include "support/test_fleet.hpp"

#include <QTest>

#include <future>
#include <thread>

namespace edgelab::test {

TestFleet::TestFleet(unsigned threads) : pool_(threads) {}

TestFleet::~TestFleet() {
  for (auto& n : nodes_) {
    std::promise<void> done;
    n->shutdown([&done] { done.set_value(); });
    done.get_future().wait_for(std::chrono::seconds(5));
  }
  stop_origin();
  pool_.stop();
}

SyntheticOrigin& TestFleet::start_origin() {
  origin_ = std::make_shared<SyntheticOrigin>(pool_.context());
  // Reuse the port across restarts, so nodes keep pointing at it.
  auto ec = origin_->listen({"127.0.0.1", origin_port_});
  // Between a stop and this restart another test running in parallel may have
  // been given that ephemeral port for a short-lived socket: wait for it (bounded).
  for (int attempt = 0; ec == boost::asio::error::address_in_use && origin_port_ != 0 && attempt < 100; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ec = origin_->listen({"127.0.0.1", origin_port_});
  }
  if (ec) qFatal("origin cannot listen: %s", ec.message().c_str());
  origin_port_ = origin_->port();
  return *origin_;
}

void TestFleet::stop_origin() {
  if (!origin_) return;
  std::promise<void> done;
  origin_->shutdown([&done] { done.set_value(); });
  done.get_future().wait_for(std::chrono::seconds(5));
}

EdgeNode& TestFleet::start_node(const std::string& name, std::uint16_t upstream_port,
                                const std::function<void(NodeConfig&)>& tweak) {
  NodeConfig c;
  c.name = name;
  c.listen = {"127.0.0.1", 0};
  c.upstream = {"127.0.0.1", upstream_port ? upstream_port : origin_port_};
  c.l1_max_bytes = 64ull << 20;
  if (tweak) tweak(c);
  std::string error;
  auto node = EdgeNode::create(pool_.context(), c, error);
  if (!node) qFatal("node %s: %s", name.c_str(), error.c_str());
  if (auto ec = node->start()) qFatal("node %s cannot listen: %s", name.c_str(), ec.message().c_str());
  nodes_.push_back(node);
  return *node;
}

void TestFleet::stop_node(EdgeNode& node) {
  for (auto it = nodes_.begin(); it != nodes_.end(); ++it) {
    if (it->get() != &node) continue;
    std::promise<void> done;
    (*it)->shutdown([&done] { done.set_value(); });
    done.get_future().wait_for(std::chrono::seconds(5));
    nodes_.erase(it);
    return;
  }
}

Response TestFleet::get(std::uint16_t port, const std::string& target,
                        std::initializer_list<std::pair<std::string_view, std::string_view>> headers) {
  return send(port, http::verb::get, target, {}, headers);
}

void TestFleet::wait_until_stored(EdgeNode& node, std::uint64_t objects) {
  for (int i = 0; i < 500 && node.l1().stats().objects < objects; ++i) QTest::qWait(10);
  if (node.l2()) node.l2()->flush();
}

Response TestFleet::admin_post(const EdgeNode& node, const std::string& target, const std::string& body) {
  const std::string bearer = "Bearer " + node.admin_token();
  return send(node.admin_port(), http::verb::post, target, body,
              {{"Authorization", bearer}, {"Content-Type", "application/json"}});
}

Response TestFleet::send(std::uint16_t port, http::verb method, const std::string& target, const std::string& body,
                         std::initializer_list<std::pair<std::string_view, std::string_view>> headers) {
  BlockingClient client(at(port));
  Request req{method, target, 11};
  req.set(http::field::host, "www.test.example");
  for (const auto& [n, v] : headers) req.set(n, v);
  if (!body.empty() || method == http::verb::post) {
    req.body() = body;
    req.prepare_payload();
  }
  auto res = client.request(std::move(req));
  if (!res) {
    Response failed{http::status::unknown, 11};
    failed.body() = "client error: " + res.error().message();
    return failed;
  }
  return *res;
}

Response TestFleet::admin_get(const EdgeNode& node, const std::string& target) {
  const std::string bearer = "Bearer " + node.admin_token();
  return get(node.admin_port(), target, {{"Authorization", bearer}});
}

}  // namespace edgelab::test
