// A topology brought up as real nodes: the default and the 50-PoP lab start,
// every node answers on its admin port, and a request crosses the simulated
// WAN links of its path (edge -> shield -> origin) and pays their delay.
#include "lab/health_monitor.hpp"
#include "lab/lab_fleet.hpp"
#include "lab/what_if.hpp"
#include "support/test_fleet.hpp"

#include <QTest>

#include <boost/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <future>
#include <mutex>

using namespace edgelab;
using edgelab::test::TestFleet;

namespace {
const RegionCatalogue& catalogue() {
  static const RegionCatalogue c = *RegionCatalogue::load(EDGELAB_RESOURCES "/regions.json");
  return c;
}
std::uint64_t rss_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::uint64_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
}
// The lab's PoPs as the router sees them.
struct LabRouting {
  std::vector<PopSite> sites;
  std::vector<AdminEndpoint> admin;
  std::vector<const LabNode*> pops;
  explicit LabRouting(const LabFleet& lab) {
    for (const auto& n : lab.nodes()) {
      if (n.role != LabNode::Role::pop) continue;
      sites.push_back({n.name, n.region->at, n.capacity_rps});
      admin.push_back({"127.0.0.1", std::to_string(n.node->admin_port()), ""});
      pops.push_back(&n);
    }
  }
};
}  // namespace

class TestLabFleet : public QObject {
  Q_OBJECT
 private slots:
  void default_lab_starts_and_routes_through_its_tiers();
  void world50_starts();
  void a_killed_pop_fails_over_within_one_interval();
  void what_if_names_the_path_and_who_holds_the_url();
  void faults_are_applied_and_logged();
  void a_silent_pop_is_degraded_then_down();
};

void TestLabFleet::default_lab_starts_and_routes_through_its_tiers() {
  auto topology = load_topology(EDGELAB_RESOURCES "/topologies/default.json", catalogue());
  QVERIFY(topology);
  std::string error;
  auto lab = LabFleet::start(*topology, {}, error);
  QVERIFY2(lab, error.c_str());
  qInfo("default lab: %zu nodes started in %.1f ms", lab->nodes().size(), lab->startup_time().count() / 1000.0);
  QCOMPARE(lab->nodes().size(), 15u);
  for (const auto& n : lab->nodes()) QCOMPARE(TestFleet::get(n.node->admin_port(), "/health").result_int(), 200u);

  const LabNode* paris = lab->find("edge-fr-central");
  QVERIFY(paris);
  QCOMPARE(paris->upstream_name, std::string("shield-eu-central-1"));
  const auto* shield = lab->find("shield-eu-central-1");
  // Paris-Frankfurt ~480 km, Frankfurt-Virginia ~6,600 km: about 4 ms and 50 ms one way.
  QVERIFY(paris->uplink->delay() > std::chrono::milliseconds(3) &&
          paris->uplink->delay() < std::chrono::milliseconds(6));
  QVERIFY(shield->uplink->delay() > std::chrono::milliseconds(45) &&
          shield->uplink->delay() < std::chrono::milliseconds(56));

  auto started = std::chrono::steady_clock::now();
  auto cold = TestFleet::get(paris->node->port(), "/obj/home?ttl=300&size=2048");
  const auto cold_time = std::chrono::steady_clock::now() - started;
  QCOMPARE(cold.result_int(), 200u);
  const std::string status(cold["Cache-Status"]);
  QVERIFY2(status.find("shield-eu-central-1; fwd=uri-miss") != std::string::npos &&
               status.find("edge-fr-central; fwd=uri-miss") != std::string::npos,
           status.c_str());
  // New connections on both links: a handshake and a request round trip each.
  const auto floor = 2 * (paris->uplink->delay() + shield->uplink->delay()) * 2;
  QVERIFY2(cold_time >= floor, qPrintable(QString::number(cold_time.count() / 1e6)));
  started = std::chrono::steady_clock::now();
  auto hit = TestFleet::get(paris->node->port(), "/obj/home?ttl=300&size=2048");
  QVERIFY(std::string(hit["Cache-Status"]).find("edge-fr-central; hit") != std::string::npos);
  QVERIFY(std::chrono::steady_clock::now() - started < cold_time);

  auto nodes = boost::json::parse(lab->nodes_json()).as_array();
  QCOMPARE(nodes.size(), 15u);
  QCOMPARE(std::string(nodes[0].at("role").as_string()), std::string("shield"));
}

void TestLabFleet::world50_starts() {
  auto topology = load_topology(EDGELAB_RESOURCES "/topologies/world50.json", catalogue());
  QVERIFY(topology);
  const auto rss_before = rss_bytes();
  std::string error;
  auto lab = LabFleet::start(*topology, {}, error);
  QVERIFY2(lab, error.c_str());
  const auto per_node = (rss_bytes() - rss_before) / lab->nodes().size();
  qInfo("world50 lab: %zu nodes started in %.1f ms, %.0f KiB resident per idle node", lab->nodes().size(),
        lab->startup_time().count() / 1000.0, per_node / 1024.0);
  QCOMPARE(lab->nodes().size(), 55u);
  QCOMPARE(TestFleet::get(lab->find("edge-af-morocco")->node->port(), "/obj/x?ttl=60").result_int(), 200u);
}

void TestLabFleet::a_killed_pop_fails_over_within_one_interval() {
  auto topology = load_topology(EDGELAB_RESOURCES "/topologies/default.json", catalogue());
  std::string error;
  auto lab = LabFleet::start(*topology, {}, error);
  QVERIFY2(lab, error.c_str());
  LabRouting routing(*lab);
  const auto& sites = routing.sites;
  GeoRouter router(sites);
  std::mutex mutex;
  std::vector<std::string> changes;
  const HealthThresholds thresholds{.interval = std::chrono::milliseconds(300),
                                    .timeout = std::chrono::milliseconds(200)};
  auto monitor = std::make_shared<HealthMonitor>(
      lab->context().get_executor(), router, routing.admin, thresholds,
      [&](std::size_t pop, PopHealth, PopHealth to, const std::string& why) {
        std::lock_guard lock(mutex);
        changes.push_back(sites[pop].name + " " + std::string(to_string(to)) + ": " + why);
      });
  monitor->start();
  const GeoPoint paris{48.86, 2.35};
  QCOMPARE(sites[router.route(paris, std::chrono::steady_clock::now())->pop].name, std::string("edge-fr-central"));

  QTest::qWait(450);  // past the first round of checks: the kill lands between two
  const auto killed = std::chrono::steady_clock::now();
  std::promise<void> stopped;
  lab->find("edge-fr-central")->node->shutdown([&] { stopped.set_value(); });
  stopped.get_future().wait();
  std::optional<RouteChoice> choice;
  for (int i = 0; i < 300; ++i) {
    choice = router.route(paris, std::chrono::steady_clock::now());
    if (sites[choice->pop].name != "edge-fr-central") break;
    QTest::qWait(10);
  }
  const auto moved_after = std::chrono::steady_clock::now() - killed;
  qInfo("Paris moved to %s %.0f ms after the kill (interval %lld ms)", sites[choice->pop].name.c_str(),
        std::chrono::duration<double, std::milli>(moved_after).count(),
        static_cast<long long>(thresholds.interval.count()));
  QCOMPARE(sites[choice->pop].name, std::string("edge-eu-west-2"));  // London, the next nearest
  QVERIFY2(choice->why.find("edge-fr-central is down") != std::string::npos, choice->why.c_str());
  QVERIFY(moved_after < 2 * thresholds.interval + thresholds.timeout);  // within one check, with slack
  monitor->stop();
  std::lock_guard lock(mutex);
  QVERIFY(std::any_of(changes.begin(), changes.end(),
                      [](const std::string& c) { return c.starts_with("edge-fr-central down: health check"); }));
}

void TestLabFleet::what_if_names_the_path_and_who_holds_the_url() {
  auto topology = load_topology(EDGELAB_RESOURCES "/topologies/default.json", catalogue());
  std::string error;
  auto lab = LabFleet::start(*topology, {}, error);
  QVERIFY2(lab, error.c_str());
  LabRouting routing(*lab);
  GeoRouter router(routing.sites);
  auto& paris = *lab->find("edge-fr-central")->node;
  QCOMPARE(TestFleet::get(paris.port(), "/obj/w?ttl=300").result_int(), 200u);
  TestFleet::wait_until_stored(paris, 1);
  TestFleet::wait_until_stored(*lab->find("shield-eu-central-1")->node, 1);
  auto ask = [&](GeoPoint where) {
    std::promise<WhatIfAnswer> answer;
    ask_what_if(*lab, router, routing.pops, where, "http://www.test.example/obj/w?ttl=300",
                [&](WhatIfAnswer a) { answer.set_value(std::move(a)); });
    return answer.get_future().get();
  };
  // The default lab's nodes have an L2 too; its copy is written in the background.
  const std::vector<std::string> both{"L1", "L2"};
  auto from_paris = ask({48.86, 2.35});
  for (int attempt = 0; attempt < 100 && (from_paris.path[0].tiers != both || from_paris.path[1].tiers != both);
       ++attempt) {
    QTest::qWait(20);
    from_paris = ask({48.86, 2.35});
  }
  QVERIFY(from_paris.route);
  QCOMPARE(from_paris.path.size(), 3u);
  QCOMPARE(from_paris.path[0].node, std::string("edge-fr-central"));
  QCOMPARE(from_paris.path[1].node, std::string("shield-eu-central-1"));
  QCOMPARE(from_paris.path[2].node, std::string("origin"));
  QCOMPARE(from_paris.path[0].tiers, both);
  QCOMPARE(from_paris.path[1].tiers, both);
  QVERIFY(from_paris.path[2].link > std::chrono::milliseconds(40));  // Frankfurt to Virginia
  auto from_tokyo = ask({35.68, 139.69});
  QCOMPARE(from_tokyo.path[0].node, std::string("edge-ap-northeast-1"));
  QCOMPARE(from_tokyo.path[1].node, std::string("shield-ap-southeast-1"));
  QVERIFY(from_tokyo.path[0].tiers.empty() && from_tokyo.path[1].tiers.empty());
}

void TestLabFleet::faults_are_applied_and_logged() {
  auto topology = load_topology(EDGELAB_RESOURCES "/topologies/default.json", catalogue());
  std::string error;
  auto lab = LabFleet::start(*topology, {}, error);
  QVERIFY2(lab, error.c_str());
  const std::uint16_t paris_port = lab->find("edge-fr-central")->node->port();
  QVERIFY(lab->kill("edge-fr-central", error));
  QCOMPARE(TestFleet::get(paris_port, "/obj/k?ttl=60").result(), http::status::unknown);  // nobody listens
  QVERIFY2(lab->revive("edge-fr-central", error), error.c_str());
  QCOMPARE(lab->find("edge-fr-central")->node->port(), paris_port);
  QCOMPARE(TestFleet::get(paris_port, "/obj/k?ttl=60").result_int(), 200u);

  const std::uint16_t london = lab->find("edge-eu-west-2")->node->port();
  lab->origin_down(true);
  QCOMPARE(TestFleet::get(london, "/obj/down?ttl=60").result_int(), 503u);
  lab->origin_down(false);
  QVERIFY(lab->cut_uplink("edge-eu-west-2", true, error));
  QCOMPARE(TestFleet::get(london, "/obj/cut?ttl=60").result_int(), 502u);
  QVERIFY(lab->cut_uplink("edge-eu-west-2", false, error));
  QCOMPARE(TestFleet::get(london, "/obj/cut?ttl=60").result_int(), 200u);
  QVERIFY(lab->set_uplink_delay("edge-eu-west-2", std::chrono::milliseconds(100), error));
  lab->origin_slow(std::chrono::milliseconds(300));
  const auto started = std::chrono::steady_clock::now();
  QCOMPARE(TestFleet::get(london, "/obj/slow?ttl=60").result_int(), 200u);
  QVERIFY(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(500));  // 300 + a 200 ms round trip
  QVERIFY(!lab->kill("edge-atlantis", error));
  QVERIFY(error.find("no node") != std::string::npos);

  std::vector<std::string> whats;
  for (const auto& e : lab->events()) whats.push_back(e.what);
  QCOMPARE(whats, (std::vector<std::string>{"kill", "revive", "origin_down", "origin_up", "cut", "restore",
                                            "link_delay", "origin_slow"}));
}

void TestLabFleet::a_silent_pop_is_degraded_then_down() {
  // A PoP whose admin port accepts connections and never answers: a busy
  // machine looks like that for a moment, a hung node for good.
  IoPool pool(1);
  net::ip::tcp::acceptor silent(pool.context(), {net::ip::make_address("127.0.0.1"), 0});
  std::vector<net::ip::tcp::socket> held;
  std::function<void()> accept = [&] {
    silent.async_accept([&](boost::system::error_code ec, net::ip::tcp::socket s) {
      if (ec) return;
      held.push_back(std::move(s));
      accept();
    });
  };
  net::post(pool.context(), accept);
  GeoRouter router({{"edge-silent", {48.86, 2.35}, 0}});
  std::mutex mutex;
  std::vector<std::string> changes;
  const HealthThresholds thresholds{.interval = std::chrono::milliseconds(150),
                                    .timeout = std::chrono::milliseconds(100)};
  auto monitor = std::make_shared<HealthMonitor>(
      pool.context().get_executor(), router,
      std::vector<AdminEndpoint>{{"127.0.0.1", std::to_string(silent.local_endpoint().port()), ""}}, thresholds,
      [&](std::size_t, PopHealth, PopHealth to, const std::string& why) {
        std::lock_guard lock(mutex);
        changes.push_back(std::string(to_string(to)) + ": " + why);
      });
  monitor->start();
  for (int i = 0; i < 100 && router.health(0) != PopHealth::down; ++i) QTest::qWait(20);
  monitor->stop();
  net::post(pool.context(), [&] { silent.close(); });
  pool.stop();
  std::lock_guard lock(mutex);
  QVERIFY(changes.size() >= 2);
  QVERIFY2(changes[0].starts_with("degraded: health check timed out"), changes[0].c_str());
  QVERIFY2(changes[1].starts_with("down: health check: timed out"), changes[1].c_str());
}

QTEST_GUILESS_MAIN(TestLabFleet)
#include "test_lab_fleet.moc"
