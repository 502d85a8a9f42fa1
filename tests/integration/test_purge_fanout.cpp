// The purge fan-out against 20 nodes on loopback (2 shields, 18 edges): all
// acknowledged and verified; one node down is reported failed, then caught
// up when it returns; a node that acknowledges without evicting is caught by
// verification; shields are done before any edge starts.
#include "control/fleet_sync.hpp"
#include "control/purge_fanout.hpp"
#include "support/test_fleet.hpp"

#include <QTest>

#include <future>

using namespace edgelab;
using edgelab::test::TestFleet;

namespace {

constexpr int kShields = 2;
constexpr int kEdges = 18;
const std::string kTagged = "/obj/story?ttl=300&tags=story";

struct Fleet20 {
  TestFleet fleet{2};
  std::vector<EdgeNode*> nodes;  // shields first
  std::vector<FleetNode> control;
  std::vector<std::uint16_t> admin_ports;

  Fleet20() {
    fleet.start_origin();
    for (int i = 0; i < kShields + kEdges; ++i) start(i, 0);
  }
  std::string name(int i) const { return (i < kShields ? "shield-" : "edge-") + std::to_string(i); }
  EdgeNode& start(int i, std::uint16_t admin_port) {
    const std::uint16_t upstream = i < kShields ? 0 : nodes[static_cast<std::size_t>(i % kShields)]->port();
    const std::string l2 = fleet.temp_path(QString::fromStdString(name(i))).toStdString();
    auto& node = fleet.start_node(name(i), upstream, [&](NodeConfig& c) {
      c.l2 = DiskTierConfig{l2, 16ull << 20};
      c.admin = AdminConfig{{"127.0.0.1", admin_port}, ""};
    });
    FleetNode f;
    f.name = name(i);
    f.role = i < kShields ? "shield" : "edge";
    f.admin_url = "http://127.0.0.1:" + std::to_string(node.admin_port());
    f.endpoint = *AdminEndpoint::from_url(f.admin_url, node.admin_token());
    if (static_cast<int>(nodes.size()) <= i) {
      nodes.push_back(&node);
      control.push_back(f);
    } else {
      nodes[static_cast<std::size_t>(i)] = &node;
      control[static_cast<std::size_t>(i)] = f;
    }
    return node;
  }
  void warm(const std::string& target) {
    for (int i = kShields; i < kShields + kEdges; ++i)
      TestFleet::get(nodes[static_cast<std::size_t>(i)]->port(), target);
    for (auto* n : nodes) TestFleet::wait_until_stored(*n, 1);
  }
  FanoutReport purge(FleetPurge purge, std::vector<FleetPurge> backlog = {}) {
    std::promise<FanoutReport> done;
    std::make_shared<PurgeFanout>(fleet.context().get_executor(), control, FanoutOptions{.max_attempts = 3})
        ->run(std::move(purge), std::move(backlog), [&](FanoutReport r) { done.set_value(std::move(r)); });
    return done.get_future().get();
  }
  std::vector<NodeSyncReport> sync(std::vector<FleetPurge> journal, std::uint64_t head) {
    std::promise<std::vector<NodeSyncReport>> done;
    std::make_shared<FleetSync>(fleet.context().get_executor(), control)
        ->run(std::move(journal), head, [&](std::vector<NodeSyncReport> r) { done.set_value(std::move(r)); });
    return done.get_future().get();
  }
};

FleetPurge tag_purge(std::uint64_t seq, std::string tag) {
  return FleetPurge{.fleet_seq = seq, .kind = PurgeKind::tag, .value = std::move(tag)};
}

}  // namespace

class TestPurgeFanout : public QObject {
  Q_OBJECT
 private slots:
  void all_nodes_acknowledge_and_verify_shields_first();
  void a_node_down_fails_then_catches_up();
  void verification_catches_a_node_that_kept_the_object();
};

void TestPurgeFanout::all_nodes_acknowledge_and_verify_shields_first() {
  Fleet20 f;
  f.warm(kTagged);
  auto report = f.purge(tag_purge(1, "story"));
  QVERIFY2(report.ok(true), report_table(report).c_str());
  double last_shield = 0, first_edge = 1e9;
  for (const auto& n : report.nodes) {
    QCOMPARE(n.attempts, 1);
    if (n.role == "shield") last_shield = std::max(last_shield, n.verified_ms);
    if (n.role == "edge") {
      first_edge = std::min(first_edge, n.ack_ms);
      QCOMPARE(n.l1 + n.l2, 2u);  // the edge's copy in L1 and L2
    }
  }
  QVERIFY2(last_shield <= first_edge, report_table(report).c_str());
  for (auto* n : f.nodes) QCOMPARE(n->purges().fleet_seq(), 1u);
  // Gone from every tier of every node: the next request goes to the origin.
  const auto before = f.fleet.origin().requests_for("/obj/story");
  QVERIFY(TestFleet::get(f.nodes[5]->port(), kTagged)["Cache-Status"].find("fwd=uri-miss") != std::string::npos);
  QCOMPARE(f.fleet.origin().requests_for("/obj/story"), before + 1);
  // Sending the same fleet purge again is harmless: acknowledged as a duplicate.
  auto again = f.purge(tag_purge(1, "story"));
  QVERIFY(again.ok(true));
  QVERIFY(again.nodes[3].duplicate);
}

void TestPurgeFanout::a_node_down_fails_then_catches_up() {
  Fleet20 f;
  f.warm(kTagged);
  const int down = 7;
  const std::uint16_t admin_port = f.nodes[down]->admin_port();
  f.fleet.stop_node(*f.nodes[down]);

  auto report = f.purge(tag_purge(1, "story"));
  QVERIFY(!report.ok(true));
  for (int i = 0; i < kShields + kEdges; ++i) {
    const auto& n = report.nodes[static_cast<std::size_t>(i)];
    if (i == down) {
      QCOMPARE(n.state, NodePurgeReport::State::failed);
      QCOMPARE(n.attempts, 3);
      QVERIFY(!n.error.empty());
    } else {
      QCOMPARE(n.state, NodePurgeReport::State::acknowledged);
      QCOMPARE(n.verified, NodePurgeReport::Verified::evicted);
    }
  }
  // A second purge while it is still down.
  QVERIFY(!f.purge(tag_purge(2, "other"), {tag_purge(1, "story")}).ok(true));

  // Back on the same ports with its old L2: it still holds the story on disk.
  auto& back = f.start(down, admin_port);
  QCOMPARE(back.purges().fleet_seq(), 0u);
  const std::vector<FleetPurge> journal{tag_purge(1, "story"), tag_purge(2, "other")};
  auto synced = f.sync(journal, 2);
  for (const auto& n : synced) QVERIFY2(n.healthy(2), (n.name + ": " + n.error).c_str());
  QCOMPARE(synced[down].replayed, 2u);
  QCOMPARE(synced[down].fleet_seq_before, 0u);
  QCOMPARE(back.purges().fleet_seq(), 2u);
  QVERIFY(TestFleet::get(back.port(), kTagged)["Cache-Status"].find("fwd=uri-miss") != std::string::npos);

  // Without a status pass: the node answers the next purge with "gap", and
  // the fan-out replays what it missed, in order, before that purge.
  const int late = 13;
  const std::uint16_t late_admin = f.nodes[late]->admin_port();
  f.fleet.stop_node(*f.nodes[late]);
  QVERIFY(!f.purge(tag_purge(3, "third"), journal).ok(true));
  auto& returned = f.start(late, late_admin);
  QCOMPARE(returned.purges().fleet_seq(), 2u);
  auto fourth = f.purge(tag_purge(4, "fourth"), {tag_purge(1, "story"), tag_purge(2, "other"), tag_purge(3, "third")});
  QVERIFY2(fourth.ok(true), report_table(fourth).c_str());
  QCOMPARE(fourth.nodes[late].replayed, 1u);
  QCOMPARE(returned.purges().fleet_seq(), 4u);
}

void TestPurgeFanout::verification_catches_a_node_that_kept_the_object() {
  Fleet20 f;
  f.warm(kTagged);
  f.nodes[11]->set_fault_ack_purges_without_applying(true);
  auto report = f.purge(tag_purge(1, "story"));
  QVERIFY(!report.ok(true));
  const auto& liar = report.nodes[11];
  QCOMPARE(liar.state, NodePurgeReport::State::acknowledged);
  QCOMPARE(liar.verified, NodePurgeReport::Verified::still_cached);
  QVERIFY2(liar.verify_detail.find("/obj/story") != std::string::npos, liar.verify_detail.c_str());
  for (std::size_t i = 0; i < report.nodes.size(); ++i)
    if (i != 11) QCOMPARE(report.nodes[i].verified, NodePurgeReport::Verified::evicted);
  QVERIFY(report_table(report).find("STILL CACHED") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestPurgeFanout)
#include "test_purge_fanout.moc"
