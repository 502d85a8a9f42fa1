// The lab's simulated WAN link, over real sockets: the delay it adds (the
// handshake pays a round trip too), bodies arrive whole and in order, a
// changed delay applies at once, a cut link drops connections.
#include "lab/wan_link.hpp"
#include "support/test_fleet.hpp"

#include <QTest>

using namespace edgelab;
using edgelab::test::TestFleet;
using std::chrono::milliseconds;

namespace {
milliseconds elapsed_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - t);
}
}  // namespace

class TestWanLink : public QObject {
  Q_OBJECT
 private slots:
  void adds_its_delay_each_way();
  void relays_large_bodies_intact();
  void delay_changes_and_cuts_apply_at_run_time();
};

void TestWanLink::adds_its_delay_each_way() {
  TestFleet fleet;
  fleet.start_origin();
  auto link = std::make_shared<WanLink>(fleet.context(), TestFleet::at(fleet.origin_port()), milliseconds(40));
  QVERIFY(!link->listen());
  BlockingClient client(TestFleet::at(link->port()));
  auto started = std::chrono::steady_clock::now();
  auto first = client.get("/obj/a?size=100", {{"Host", "h"}});
  const auto cold = elapsed_since(started);
  QVERIFY(first && first->result_int() == 200);
  // The connection's handshake and the request each cost a round trip.
  QVERIFY2(cold >= milliseconds(160) && cold < milliseconds(400), qPrintable(QString::number(cold.count())));
  started = std::chrono::steady_clock::now();
  auto second = client.get("/obj/a?size=100", {{"Host", "h"}});
  const auto warm = elapsed_since(started);
  QVERIFY(second && second->body().size() == 100);
  QVERIFY2(warm >= milliseconds(80) && warm < milliseconds(250), qPrintable(QString::number(warm.count())));
  link->close();
}

void TestWanLink::relays_large_bodies_intact() {
  TestFleet fleet;
  fleet.start_origin();
  auto link = std::make_shared<WanLink>(fleet.context(), TestFleet::at(fleet.origin_port()), milliseconds(5));
  QVERIFY(!link->listen());
  BlockingClient client(TestFleet::at(link->port()));
  auto direct = TestFleet::get(fleet.origin_port(), "/obj/big?size=3000000");
  auto relayed = client.get("/obj/big?size=3000000", {{"Host", "www.test.example"}});
  QVERIFY(relayed && relayed->result_int() == 200);
  QCOMPARE(relayed->body().size(), 3000000u);
  QVERIFY(relayed->body() == direct.body());
  link->close();
}

void TestWanLink::delay_changes_and_cuts_apply_at_run_time() {
  TestFleet fleet;
  fleet.start_origin();
  auto link = std::make_shared<WanLink>(fleet.context(), TestFleet::at(fleet.origin_port()), milliseconds(1));
  QVERIFY(!link->listen());
  BlockingClient client(TestFleet::at(link->port()), std::chrono::seconds(2));
  QVERIFY(client.get("/obj/a", {{"Host", "h"}}));
  link->set_delay(milliseconds(100));
  auto started = std::chrono::steady_clock::now();
  QVERIFY(client.get("/obj/a", {{"Host", "h"}}));
  QVERIFY(elapsed_since(started) >= milliseconds(200));
  link->set_cut(true);
  QVERIFY(!client.get("/obj/a", {{"Host", "h"}}));  // the open connection is dropped
  BlockingClient fresh(TestFleet::at(link->port()), std::chrono::seconds(1));
  QVERIFY(!fresh.get("/obj/a", {{"Host", "h"}}));  // and new ones are refused
  link->set_cut(false);
  link->set_delay(milliseconds(1));
  BlockingClient again(TestFleet::at(link->port()));
  QVERIFY(again.get("/obj/a", {{"Host", "h"}}));
  link->close();
}

QTEST_GUILESS_MAIN(TestWanLink)
#include "test_wan_link.moc"
