// Multi-tier scenarios: edges -> shield -> origin, Age across tiers, L2
// persistence across a node restart, loop detection.
#include "support/test_fleet.hpp"

#include <QTest>

#include <thread>

using namespace edgelab;
using edgelab::test::TestFleet;

namespace {
std::string cache_status(const Response& r) { return std::string(r["Cache-Status"]); }
bool contains(const std::string& h, const char* n) { return h.find(n) != std::string::npos; }
}  // namespace

class TestTierChain : public QObject {
  Q_OBJECT
 private slots:
  void two_edges_share_one_shield_fetch_per_object();
  void age_is_kept_across_tiers();
  void surrogate_control_reaches_child_nodes_only();
  void l2_serves_hits_after_a_restart();
  void forwarding_loop_is_refused();
};

void TestTierChain::two_edges_share_one_shield_fetch_per_object() {
  TestFleet fleet;
  fleet.start_origin();
  auto& shield = fleet.start_node("shield-eu");
  auto& paris = fleet.start_node("paris", shield.port());
  auto& madrid = fleet.start_node("madrid", shield.port());
  for (int i = 0; i < 10; ++i) TestFleet::get(paris.port(), "/obj/o" + std::to_string(i));
  for (int i = 0; i < 10; ++i) {
    auto res = TestFleet::get(madrid.port(), "/obj/o" + std::to_string(i));
    QCOMPARE(res.result_int(), 200u);
    QVERIFY2(
        contains(cache_status(res), "shield-eu; hit") && contains(cache_status(res), "madrid; fwd=uri-miss; stored"),
        cache_status(res).c_str());
  }
  for (int i = 0; i < 10; ++i) {
    auto res = TestFleet::get(madrid.port(), "/obj/o" + std::to_string(i));
    QVERIFY(contains(cache_status(res), "madrid; hit"));
  }
  QCOMPARE(fleet.origin().requests(), 10u);  // one per object, not one per edge
  for (int i = 0; i < 10; ++i) QCOMPARE(fleet.origin().requests_for("/obj/o" + std::to_string(i)), 1u);
  QCOMPARE(shield.metrics().l1_hits.load(), 10u);
}

void TestTierChain::age_is_kept_across_tiers() {
  TestFleet fleet;
  fleet.start_origin();
  auto& shield = fleet.start_node("shield");
  auto& edge = fleet.start_node("edge", shield.port());
  TestFleet::get(shield.port(), "/obj/aged?ttl=100");
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  auto res = TestFleet::get(edge.port(), "/obj/aged?ttl=100");
  const int age = std::stoi(std::string(res[http::field::age]));
  QVERIFY2(age >= 2, std::to_string(age).c_str());  // the shield's clock, not a fresh one
  auto ttl_pos = cache_status(res).rfind("ttl=");
  QVERIFY(ttl_pos != std::string::npos);
  QVERIFY(std::stoi(cache_status(res).substr(ttl_pos + 4)) <= 98);
}

void TestTierChain::surrogate_control_reaches_child_nodes_only() {
  TestFleet fleet;
  fleet.start_origin();
  auto& shield = fleet.start_node("shield");
  auto& edge = fleet.start_node("edge", shield.port());
  const std::string url = "/obj/scc?ttl=0&scc=max-age%3D600";
  auto res = TestFleet::get(edge.port(), url);
  QVERIFY(res["Surrogate-Control"].empty());
  auto again = TestFleet::get(edge.port(), url);
  QVERIFY2(contains(cache_status(again), "edge; hit"), cache_status(again).c_str());  // the edge used it for its TTL
  QCOMPARE(fleet.origin().requests(), 1u);
}

void TestTierChain::l2_serves_hits_after_a_restart() {
  TestFleet fleet;
  fleet.start_origin();
  const std::string dir = fleet.temp_path(QStringLiteral("paris-l2")).toStdString();
  auto with_l2 = [dir](NodeConfig& c) { c.l2 = DiskTierConfig{dir, 64ull << 20}; };
  {
    auto& node = fleet.start_node("paris", 0, with_l2);
    for (int i = 0; i < 5; ++i) TestFleet::get(node.port(), "/obj/p" + std::to_string(i) + "?size=5000");
    node.l2()->flush();
    fleet.stop_node(node);
  }
  auto& restarted = fleet.start_node("paris", 0, with_l2);
  for (int i = 0; i < 5; ++i) {
    auto res = TestFleet::get(restarted.port(), "/obj/p" + std::to_string(i) + "?size=5000");
    QCOMPARE(res.body().size(), 5000u);
    QVERIFY2(contains(cache_status(res), "paris; hit; ttl=") && contains(cache_status(res), "detail=L2"),
             cache_status(res).c_str());
  }
  auto promoted = TestFleet::get(restarted.port(), "/obj/p0?size=5000");
  QVERIFY(contains(cache_status(promoted), "detail=L1"));
  QCOMPARE(fleet.origin().requests(), 5u);
  QCOMPARE(restarted.metrics().l2_hits.load(), 5u);
}

void TestTierChain::forwarding_loop_is_refused() {
  TestFleet fleet;
  fleet.start_origin();
  auto& a = fleet.start_node("a");
  auto res =
      TestFleet::get(a.port(), "/obj/loop",
                     {{"CDN-Loop", "edgelab; node=x, edgelab, edgelab, edgelab, edgelab, edgelab, edgelab, edgelab"}});
  QCOMPARE(res.result_int(), 508u);
  QCOMPARE(a.metrics().loops_detected.load(), 1u);
  QCOMPARE(fleet.origin().requests(), 0u);
}

QTEST_GUILESS_MAIN(TestTierChain)
#include "test_tier_chain.moc"
