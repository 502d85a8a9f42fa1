// Request coalescing under real concurrency: N connections opened first, then
// N requests sent at once, against an origin that answers slowly.
#include "support/burst_client.hpp"
#include "support/test_fleet.hpp"

#include <QTest>

#include <boost/asio/write.hpp>

#include <future>
#include <thread>

using namespace edgelab;
using edgelab::test::burst_get;
using edgelab::test::TestFleet;

class TestCoalescing : public QObject {
  Q_OBJECT
 private slots:
  void five_hundred_cold_requests_make_one_origin_fetch();
  void uncacheable_response_releases_waiters_and_remembers_hit_for_miss();
  void waiter_deadline_gives_504_not_a_hang();
  void full_waiting_list_goes_upstream();
  void coalescing_can_be_turned_off();
  void waiters_receive_the_body_while_it_arrives();
  void a_fetch_failing_midway_truncates_and_stores_nothing();
};

void TestCoalescing::five_hundred_cold_requests_make_one_origin_fetch() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  auto result = burst_get(TestFleet::at(node.port()), "/obj/cold?size=16384&delay_ms=300", 500);
  QCOMPARE(result.ok, 500);
  QCOMPARE(fleet.origin().requests(), 1u);
  int collapsed = 0;
  for (const auto& s : result.cache_status) collapsed += s.find("collapsed") != std::string::npos ? 1 : 0;
  for (const auto& b : result.bodies) QCOMPARE(b.size(), 16384u);
  qInfo("500 concurrent cold requests: origin fetches %llu, collapsed %d, coalesced counter %llu",
        static_cast<unsigned long long>(fleet.origin().requests()), collapsed,
        static_cast<unsigned long long>(node.metrics().coalesced.load()));
  QVERIFY(collapsed + static_cast<int>(node.metrics().l1_hits.load()) >= 499);
}

void TestCoalescing::uncacheable_response_releases_waiters_and_remembers_hit_for_miss() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  const std::string url = "/obj/nostore?cc=no-store&delay_ms=200";
  auto first = burst_get(TestFleet::at(node.port()), url, 20);
  QCOMPARE(first.ok, 20);
  QCOMPARE(fleet.origin().requests(), 20u);  // every waiter went upstream itself
  const auto coalesced_before = node.metrics().coalesced.load();
  auto second = burst_get(TestFleet::at(node.port()), url, 20);
  QCOMPARE(second.ok, 20);
  QCOMPARE(node.metrics().coalesced.load(), coalesced_before);  // nobody queued
  QVERIFY(node.metrics().hit_for_miss.load() >= 20u);
}

void TestCoalescing::waiter_deadline_gives_504_not_a_hang() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node =
      fleet.start_node("paris", 0, [](NodeConfig& c) { c.cache.coalesce_wait = std::chrono::milliseconds(300); });
  auto result = burst_get(TestFleet::at(node.port()), "/obj/slow?delay_ms=1500", 10);
  int ok = 0, timed_out = 0;
  for (auto s : result.statuses) {
    ok += s == 200;
    timed_out += s == 504;
  }
  QCOMPARE(ok + timed_out, 10);
  QVERIFY(ok >= 1);
  QVERIFY(timed_out >= 1);
  QCOMPARE(node.metrics().coalesce_timeouts.load(), static_cast<std::uint64_t>(timed_out));
}

void TestCoalescing::full_waiting_list_goes_upstream() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, [](NodeConfig& c) { c.cache.max_waiters = 5; });
  auto result = burst_get(TestFleet::at(node.port()), "/obj/capped?delay_ms=300", 30);
  QCOMPARE(result.ok, 30);
  QVERIFY(node.metrics().coalesce_overflow.load() > 0u);
  QVERIFY(fleet.origin().requests() > 1u);
}

void TestCoalescing::coalescing_can_be_turned_off() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, [](NodeConfig& c) { c.cache.coalescing = false; });
  auto result = burst_get(TestFleet::at(node.port()), "/obj/free?delay_ms=300", 10);
  QCOMPARE(result.ok, 10);
  QCOMPARE(fleet.origin().requests(), 10u);
}

void TestCoalescing::waiters_receive_the_body_while_it_arrives() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  const std::string target = "/obj/trickle?size=65536&trickle_ms=400";
  const auto port = node.port();
  auto first = std::async(std::launch::async, [port, target] { return TestFleet::get(port, target); });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  // A second client joins while the body is still arriving.
  net::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  const std::string request = "GET " + target + " HTTP/1.1\r\nHost: www.test.example\r\nConnection: close\r\n\r\n";
  net::write(socket, net::buffer(request));
  std::string received;
  std::array<char, 8192> buf{};
  bool stored_when_first_bytes_arrived = true;
  for (int i = 0; i < 100; ++i) {
    boost::system::error_code ec;
    const std::size_t n = socket.read_some(net::buffer(buf), ec);
    received.append(buf.data(), n);
    const auto head_end = received.find("\r\n\r\n");
    if (head_end != std::string::npos && received.size() > head_end + 4) {
      stored_when_first_bytes_arrived = node.metrics().stored.load() > 0;
      break;
    }
    if (ec) break;
  }
  QVERIFY2(!stored_when_first_bytes_arrived, "the second client got body bytes only after the fetch completed");
  QVERIFY(received.find("collapsed") != std::string::npos);
  boost::system::error_code ec;
  while (!ec) {
    const std::size_t n = socket.read_some(net::buffer(buf), ec);
    received.append(buf.data(), n);
  }
  const auto res = first.get();
  QCOMPARE(res.body().size(), 65536u);
  QCOMPARE(received.substr(received.find("\r\n\r\n") + 4), res.body());
  QCOMPARE(fleet.origin().requests(), 1u);
  QCOMPARE(node.metrics().stored.load(), 1u);
}

void TestCoalescing::a_fetch_failing_midway_truncates_and_stores_nothing() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  const std::string target = "/obj/broken?size=65536&trickle_ms=50&abort=1";
  auto result = burst_get(TestFleet::at(node.port()), target, 10);
  QCOMPARE(result.ok, 0);  // every client saw a cut-short body, none a wrong one
  QCOMPARE(fleet.origin().requests(), 1u);
  QCOMPARE(node.metrics().stored.load(), 0u);
  TestFleet::get(node.port(), target);
  QCOMPARE(fleet.origin().requests(), 2u);
}

QTEST_GUILESS_MAIN(TestCoalescing)
#include "test_coalescing.moc"
