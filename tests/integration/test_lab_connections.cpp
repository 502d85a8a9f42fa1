// What the lab's connections cost, over real sockets: a pool closes the
// connections left idle past its idle timeout; a WAN link closes a relayed
// pair whole when either side closes, and an idle or half-closed pair after
// its timeouts; and a lab run on the 50-PoP topology holds descriptors in
// proportion to the requests really in flight, and gives them back once
// traffic stops (users' pools, nodes' upstream pools and links alike).
#include "lab/lab_run.hpp"
#include "lab/wan_link.hpp"
#include "support/test_fleet.hpp"

#include <QTest>

#include <boost/asio/connect.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include <atomic>
#include <filesystem>
#include <future>
#include <thread>

using namespace edgelab;
using edgelab::test::TestFleet;
using std::chrono::milliseconds;

namespace {

#ifdef __SANITIZE_ADDRESS__
constexpr double kRateScale = 0.25;  // as in test_lab_run: behaviour, not speed
#else
constexpr double kRateScale = 1.0;
#endif

const RegionCatalogue& catalogue() {
  static const RegionCatalogue c = *RegionCatalogue::load(EDGELAB_RESOURCES "/regions.json");
  return c;
}

// Descriptors this process holds now.
std::size_t open_fds() {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) ++n;
  return n > 0 ? n - 1 : 0;  // less the one reading the directory
}

template <class Predicate>
bool wait_until(Predicate done, milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(milliseconds(10));
  }
  return true;
}

// A GET through `pool`, its body read (so the connection goes back): true on a 200.
std::future<bool> pooled_get(UpstreamPool& pool, const std::string& target) {
  auto request = std::make_shared<Request>(http::verb::get, target, 11);
  request->set(http::field::host, "www.test.example");
  auto answered = std::make_shared<std::promise<bool>>();
  auto future = answered->get_future();
  pool.send(request, [answered](boost::system::error_code ec, UpstreamExchangePtr ex) {
    if (ec || !ex) return answered->set_value(false);
    ex->read_body(1 << 20, [answered](boost::system::error_code read_error, Response res) {
      answered->set_value(!read_error && res.result_int() == 200);
    });
  });
  return future;
}

// A bare client of a WAN link: writes what it is told and reads to the end,
// and closes only when told (or never), unlike BlockingClient.
struct RawClient {
  net::io_context ioc;
  tcp::socket socket{ioc};
  explicit RawClient(std::uint16_t port) { socket.connect({net::ip::make_address("127.0.0.1"), port}); }
  void write(const std::string& bytes) { net::write(socket, net::buffer(bytes)); }
  // Reads until the peer closes (its FIN came through): the bytes read.
  std::string read_to_end() {
    std::string data;
    boost::system::error_code ec;
    net::read(socket, net::dynamic_buffer(data), ec);
    return data;
  }
};

}  // namespace

class TestLabConnections : public QObject {
  Q_OBJECT
 private slots:
  void pool_reuses_and_closes_what_stays_idle();
  void link_closes_a_pair_when_either_side_closes();
  void link_closes_idle_and_half_closed_pairs();
  void world50_descriptors_follow_the_requests_in_flight();
};

void TestLabConnections::pool_reuses_and_closes_what_stays_idle() {
  TestFleet fleet;
  fleet.start_origin();
  UpstreamLimits limits;
  limits.max_idle = 4;
  limits.idle_timeout = milliseconds(400);
  auto pool = std::make_shared<UpstreamPool>(fleet.context(), TestFleet::at(fleet.origin_port()), limits);
  const std::size_t fds_before = open_fds();

  // Eight at once (each answered after 100 ms): eight connections, and the
  // pool keeps four of them.
  std::vector<std::future<bool>> burst;
  for (int i = 0; i < 8; ++i) burst.push_back(pooled_get(*pool, "/obj/b" + std::to_string(i) + "?delay_ms=100"));
  for (auto& f : burst) QVERIFY(f.get());
  QCOMPARE(pool->counters().connects.load(), 8u);
  QVERIFY(wait_until([&] { return pool->idle_count() == 4; }, milliseconds(1000)));

  // One after another: always the same pooled connection, so the others age.
  for (int i = 0; i < 5; ++i) {
    QVERIFY(pooled_get(*pool, "/obj/s").get());
    std::this_thread::sleep_for(milliseconds(100));
  }
  QCOMPARE(pool->counters().connects.load(), 8u);
  QCOMPARE(pool->counters().reuses.load(), 5u);
  // 500 ms on, the three left idle since the burst have expired; the one in use has not.
  QVERIFY2(wait_until([&] { return pool->idle_count() == 1; }, milliseconds(1000)),
           qPrintable(QString::number(pool->idle_count())));
  QCOMPARE(pool->counters().idle_expired.load(), 3u);
  // And once nothing is asked for, the last one goes too: the pool holds no descriptor.
  QVERIFY(wait_until([&] { return pool->idle_count() == 0; }, milliseconds(1000)));
  QCOMPARE(pool->counters().idle_expired.load(), 4u);
  // The origin's ends close as they see the pool's close.
  QVERIFY2(wait_until([&] { return open_fds() <= fds_before; }, milliseconds(2000)),
           qPrintable(QStringLiteral("%1 descriptors, %2 before").arg(open_fds()).arg(fds_before)));
}

void TestLabConnections::link_closes_a_pair_when_either_side_closes() {
  TestFleet fleet;
  fleet.start_origin();
  auto link = std::make_shared<WanLink>(fleet.context(), TestFleet::at(fleet.origin_port()), milliseconds(10));
  QVERIFY(!link->listen());
  const std::size_t fds_before = open_fds();

  // The client closes: its FIN crosses the link, the origin closes its end,
  // and the link lets go of both sockets.
  {
    BlockingClient client(TestFleet::at(link->port()));
    QVERIFY(client.get("/obj/a", {{"Host", "h"}}));
    QCOMPARE(link->open_pairs(), 1u);
    client.close();
    QVERIFY(wait_until([&] { return link->open_pairs() == 0; }, milliseconds(1000)));
  }
  // The origin closes (the request asked it to): the client sees the close
  // through the link and the pair is gone.
  {
    RawClient client(link->port());
    client.write("GET /obj/a HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
    QVERIFY(client.read_to_end().starts_with("HTTP/1.1 200"));
    client.socket.close();
    QVERIFY(wait_until([&] { return link->open_pairs() == 0; }, milliseconds(1000)));
  }
  // A reset from the client closes both sides at once.
  {
    RawClient client(link->port());
    client.write("GET /obj/a HTTP/1.1\r\nHost: h\r\n\r\n");
    std::this_thread::sleep_for(milliseconds(100));
    client.socket.set_option(net::socket_base::linger(true, 0));
    client.socket.close();
    QVERIFY(wait_until([&] { return link->open_pairs() == 0; }, milliseconds(1000)));
  }
  QVERIFY2(wait_until([&] { return open_fds() <= fds_before; }, milliseconds(2000)),
           qPrintable(QStringLiteral("%1 descriptors, %2 before").arg(open_fds()).arg(fds_before)));
  link->close();
}

void TestLabConnections::link_closes_idle_and_half_closed_pairs() {
  TestFleet fleet;
  fleet.start_origin();
  auto link = std::make_shared<WanLink>(fleet.context(), TestFleet::at(fleet.origin_port()), milliseconds(5),
                                        milliseconds(500));
  QVERIFY(!link->listen());
  // Idle: a kept-alive connection neither side closes (the origin would wait
  // 60 s) is closed by the link after its idle timeout.
  {
    RawClient client(link->port());
    client.write("GET /obj/a HTTP/1.1\r\nHost: h\r\n\r\n");
    std::this_thread::sleep_for(milliseconds(100));
    QCOMPARE(link->open_pairs(), 1u);
    const auto started = std::chrono::steady_clock::now();
    QVERIFY(wait_until([&] { return link->open_pairs() == 0; }, milliseconds(2000)));
    QVERIFY(std::chrono::steady_clock::now() - started >= milliseconds(300));
    QVERIFY(client.read_to_end().starts_with("HTTP/1.1 200"));  // the answer, then the close
  }
  // Half-closed: the origin closed, the client never does; the link does not
  // keep the pair waiting for it.
  {
    RawClient client(link->port());
    client.write("GET /obj/a HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
    QVERIFY(client.read_to_end().starts_with("HTTP/1.1 200"));
    QVERIFY(wait_until([&] { return link->open_pairs() == 0; }, milliseconds(2000)));
  }
  link->close();
}

void TestLabConnections::world50_descriptors_follow_the_requests_in_flight() {
  const Topology topology = *load_topology(EDGELAB_RESOURCES "/topologies/world50.json", catalogue());
  std::string error;
  // Idle timeouts shorter than the lab's (nodes 5 s, users 2 s), so that the
  // cold start's surplus is gone well before the run ends and the test stays short.
  LabFleetOptions fleet_options;
  fleet_options.upstream_idle_timeout = milliseconds(2'000);
  auto lab = LabFleet::start(topology, fleet_options, error);
  QVERIFY2(lab, error.c_str());
  const std::size_t baseline = open_fds();  // 55 nodes' and 55 links' listeners, L2 files, ...

  LabRunOptions options;
  options.traffic.rps = 500 * kRateScale;
  options.traffic.duration_s = 6;
  options.traffic.user_idle_timeout = milliseconds(1'000);
  options.traffic.max_in_flight = 4000;  // none shed: every request counts
  LabRun run(*lab, topology, catalogue(), options);
  // The process's descriptors every 20 ms while the run lasts.
  std::atomic<bool> running{true};
  std::vector<std::pair<milliseconds, std::size_t>> samples;
  const auto started = std::chrono::steady_clock::now();
  std::thread sampler([&] {
    while (running) {
      samples.emplace_back(std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - started),
                           open_fds());
      std::this_thread::sleep_for(milliseconds(20));
    }
  });
  auto report = run.run();
  running = false;
  sampler.join();
  QVERIFY2(report, report ? "" : report.error().c_str());
  QCOMPARE(report->shed, 0u);
  QVERIFY2(report->error_kinds.empty(), report->table().c_str());

  std::size_t peak = 0, late = 0;  // over the run; over its last 1.5 s
  const auto late_from = milliseconds(static_cast<std::int64_t>(options.traffic.duration_s * 1000) - 1500);
  QString timeline;
  for (const auto& [at, fds] : samples) {
    peak = std::max(peak, fds);
    if (at >= late_from && at < late_from + milliseconds(1500)) late = std::max(late, fds);
    if (at.count() % 500 < 20) timeline += QStringLiteral(" %1s:%2").arg(at.count() / 1000.0, 0, 'f', 1).arg(fds);
  }
  qInfo(
      "descriptors: %zu at rest, %zu at the peak, %zu at most over the last 1.5 s; %llu requests, p50 %.1f ms, "
      "p99 %.1f ms; every 0.5 s:%s",
      baseline, peak, late, static_cast<unsigned long long>(report->requests), report->all.p50_us / 1000.0,
      report->all.p99_us / 1000.0, qPrintable(timeline));

  // The bounds, from what the requests in flight need. A request holds at
  // most 10 descriptors at once: 2 for its user->PoP connection (both ends
  // are in this process), 4 for PoP->shield and 4 for shield->origin (client
  // end, the link's two sockets, server end); a hit at the PoP holds 2. The
  // health monitor's checks hold 2 per PoP (100).
  // - Cold, in the first second, every request misses at every tier and each
  //   new connection pays a handshake round trip per hop: ~0.3 s on average,
  //   0.6 s for Sydney (two hops of 48 and 117 ms, each crossed twice for the
  //   handshake and twice for the request), so by Little's law ~150-250 are in
  //   flight at 500 req/s: 2,500 descriptors at most, 3,000 with the checks
  //   and slack. Measured: ~2,050.
  // - Warm (the last 1.5 s, when the cold start's connections have been idle
  //   for longer than the timeouts): ~50 in flight (500 req/s x ~0.1 s), 500
  //   descriptors, plus what each of the 105 pools (50 users', 55 nodes') keeps
  //   idle, the peak its last idle timeout needed, ~3 each: ~1,000; 1,800 with
  //   the checks and slack. Measured: ~1,200. Before the pools closed idle
  //   connections this run stayed at its cold peak (2,100-2,300 here) to the
  //   end, and long after it.
  // On a machine too busy to serve at those latencies (a sanitizer build, a
  // parallel suite) more requests are in flight: the bounds follow Little's
  // law with the latency measured, 10 descriptors per request in flight plus
  // the checks and the pools, never below the figures above.
  // The cold peak comes while latencies are at their worst (every hop handshakes), and a loaded machine
  // stretches that first second most: the cold bound takes the p99 latency, the warm one the mean.
  const double rate = static_cast<double>(report->requests) / options.traffic.duration_s;
  const double in_flight = rate * report->all.mean_us / 1e6;
  const double cold_in_flight = rate * report->all.p99_us / 1e6;
  const auto cold_bound = static_cast<std::size_t>(std::max(3000.0, 10 * cold_in_flight + 500));
  const auto warm_bound = static_cast<std::size_t>(std::max(1800.0, 10 * in_flight + 1300));
  const std::size_t held = peak - baseline, held_late = late - baseline;
  QVERIFY2(
      held < cold_bound,
      qPrintable(
          QStringLiteral("%1 descriptors over the %2 at rest (bound %3)").arg(held).arg(baseline).arg(cold_bound)));
  QVERIFY2(held_late < warm_bound, qPrintable(QStringLiteral("%1 descriptors over the %2 at rest, warm (bound %3)")
                                                  .arg(held_late)
                                                  .arg(baseline)
                                                  .arg(warm_bound)));

  // Keep-alive does its work: most upstream requests go on a pooled connection.
  std::uint64_t connects = 0, reuses = 0;
  for (const auto& n : lab->nodes()) {
    connects += n.node->upstream().counters().connects;
    reuses += n.node->upstream().counters().reuses;
  }
  qInfo("node upstream connections: %llu opened, %llu reuses", static_cast<unsigned long long>(connects),
        static_cast<unsigned long long>(reuses));
  // Or, on a machine too busy for those latencies, no more connections than the requests in flight need:
  // three upstream hops each (Little's law with the latency measured, as above).
  const auto connects_needed = static_cast<std::uint64_t>(3 * in_flight + 200);
  QVERIFY2(reuses > connects || connects < connects_needed,
           qPrintable(QStringLiteral("%1 connects, %2 reuses, ~%3 requests in flight")
                          .arg(connects)
                          .arg(reuses)
                          .arg(in_flight, 0, 'f', 0)));

  // Once traffic stops, the users' pools are closed with the run and the
  // nodes' idle upstream connections after their idle timeout; each link
  // then closes its pair as the close crosses it. The lab is back at rest
  // (before: the nodes' pools kept theirs until the peers' 60 s keep-alive).
  const auto stopped = std::chrono::steady_clock::now();
  auto idle_upstream = [&] {
    std::size_t idle = 0;
    for (const auto& n : lab->nodes()) idle += n.node->upstream().idle_count();
    return idle;
  };
  QVERIFY2(wait_until([&] { return idle_upstream() == 0 && open_fds() <= baseline + 10; },
                      fleet_options.upstream_idle_timeout + std::chrono::seconds(3)),
           qPrintable(QStringLiteral("%1 descriptors, %2 at rest").arg(open_fds()).arg(baseline)));
  qInfo("back at rest %lld ms after the run",
        static_cast<long long>(
            std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - stopped).count()));
}

QTEST_GUILESS_MAIN(TestLabConnections)
#include "test_lab_connections.moc"
