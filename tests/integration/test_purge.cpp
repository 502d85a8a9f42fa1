// Purges on one node, over real sockets: every kind, hard and soft, in L1 and
// in L2; purge-all by epoch; the PURGE method's address list; races between
// a purge and a fetch in flight; the admin endpoints around purges.
#include "support/test_fleet.hpp"

#include <QTest>

#include <boost/json.hpp>

#include <set>
#include <thread>

using namespace edgelab;
using edgelab::test::TestFleet;
namespace json = boost::json;

namespace {

std::string cache_status(const Response& r) { return std::string(r["Cache-Status"]); }
bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// Objects of the test catalogue: two tagged "red", one "blue", two under /obj/p.
const std::vector<std::string> kTargets = {
    "/obj/a?ttl=100&tags=red", "/obj/b?ttl=100&tags=red,blue", "/obj/c?ttl=100&tags=blue", "/obj/pd?ttl=100",
    "/obj/pe?ttl=100",
};

// The origin and one node "paris" with an admin listener (and L2 when asked).
EdgeNode& start_paris(TestFleet& fleet, bool with_l2) {
  fleet.start_origin();
  const std::string dir = fleet.temp_path("l2").toStdString();
  return fleet.start_node("paris", 0, [&](NodeConfig& c) {
    if (with_l2) c.l2 = DiskTierConfig{dir, 64ull << 20};
    c.admin = AdminConfig{{"127.0.0.1", 0}, ""};
  });
}

json::object purge(const EdgeNode& node, const std::string& body, unsigned expect = 200) {
  auto res = TestFleet::admin_post(node, "/admin/v1/purge", body);
  if (res.result_int() != expect) qWarning("purge answered %u: %s", res.result_int(), res.body().c_str());
  if (res.result_int() != expect) return {};
  return json::parse(res.body()).as_object();
}

std::uint64_t invalidated(const json::object& answer, const char* tier) {
  return answer.at("invalidated").as_object().at(tier).to_number<std::uint64_t>();
}

}  // namespace

class TestPurge : public QObject {
  Q_OBJECT
 private slots:
  void kinds_data();
  void kinds();
  void url_purge_drops_every_variant();
  void soft_purge_serves_stale_while_one_refresh_runs();
  void purge_all_defaults_to_soft_and_warns();
  void hard_purge_all_is_o1_and_reclaimed();
  void fetch_in_flight_during_a_purge_is_not_stored();
  void purge_method_obeys_the_address_list();
  void malformed_purges_are_400_data();
  void malformed_purges_are_400();
  void listing_pages_cover_every_object_once();
  void events_long_poll_wakes_on_purge();
};

void TestPurge::kinds_data() {
  QTest::addColumn<QString>("body");
  QTest::addColumn<bool>("soft");
  QTest::addColumn<bool>("only_l2");         // L1 emptied first: the purge must work on L2 alone
  QTest::addColumn<QList<int>>("selected");  // indexes into kTargets
  const QList<std::tuple<const char*, const char*, QList<int>>> kinds = {
      {"url", "\"kind\":\"url\",\"value\":\"http://www.test.example/obj/b?tags=red,blue&ttl=100\"", {1}},
      {"prefix", "\"kind\":\"prefix\",\"value\":\"http://www.test.example/obj/p\"", {3, 4}},
      {"tag", "\"kind\":\"tag\",\"value\":\"red\"", {0, 1}},
      {"all", "\"kind\":\"all\"", {0, 1, 2, 3, 4}},
  };
  for (const auto& [name, selector, selected] : kinds)
    for (bool soft : {false, true})
      for (bool only_l2 : {false, true}) {
        const QString body = QStringLiteral("{%1,\"soft\":%2}").arg(selector, soft ? "true" : "false");
        QTest::newRow(
            qPrintable(QStringLiteral("%1 %2 %3").arg(name, soft ? "soft" : "hard", only_l2 ? "L2" : "L1+L2")))
            << body << soft << only_l2 << selected;
      }
}

void TestPurge::kinds() {
  QFETCH(QString, body);
  QFETCH(bool, soft);
  QFETCH(bool, only_l2);
  QFETCH(QList<int>, selected);
  TestFleet fleet;
  auto& node = start_paris(fleet, true);
  for (const auto& t : kTargets) QCOMPARE(TestFleet::get(node.port(), t).result_int(), 200u);
  TestFleet::wait_until_stored(node, kTargets.size());
  if (only_l2) node.l1().clear();

  auto answer = purge(node, body.toStdString());
  QVERIFY(!answer.empty());
  QCOMPARE(std::string(answer.at("status").as_string()), std::string("applied"));
  QCOMPARE(answer.at("seq").to_number<int>(), 1);
  QCOMPARE(invalidated(answer, "L2"), static_cast<std::uint64_t>(selected.size()));
  QCOMPARE(invalidated(answer, "L1"), only_l2 ? 0u : static_cast<std::uint64_t>(selected.size()));
  // The rows themselves are carried out in the background, soon after.
  for (int i = 0; i < 200 && node.purges().l2_applied() < 1; ++i) QTest::qWait(10);
  QCOMPARE(node.purges().l2_applied(), 1u);
  if (!soft && body.contains(QStringLiteral("\"all\"")) == false)
    QCOMPARE(node.l2()->stats().objects, static_cast<std::uint64_t>(kTargets.size() - selected.size()));

  for (int i = 0; i < static_cast<int>(kTargets.size()); ++i) {
    const std::string path = kTargets[i].substr(0, kTargets[i].find('?'));
    const auto before = fleet.origin().requests_for(path);
    auto res = TestFleet::get(node.port(), kTargets[i]);
    QCOMPARE(res.result_int(), 200u);
    const std::string status = cache_status(res);
    if (!selected.contains(i)) {
      QVERIFY2(contains(status, "paris; hit"), status.c_str());
      QCOMPARE(fleet.origin().requests_for(path), before);
    } else if (soft) {
      // Stale with a validator: one conditional request, answered 304.
      QVERIFY2(contains(status, "fwd=stale") && contains(status, "fwd-status=304"), status.c_str());
      QCOMPARE(fleet.origin().requests_for(path), before + 1);
    } else {
      QVERIFY2(contains(status, "fwd=uri-miss"), status.c_str());
      QCOMPARE(fleet.origin().requests_for(path), before + 1);
    }
  }
}

void TestPurge::url_purge_drops_every_variant() {
  TestFleet fleet;
  auto& node = start_paris(fleet, false);
  for (const char* lang : {"en", "fr", "de"})
    QCOMPARE(
        TestFleet::get(node.port(), "/obj/v?ttl=100&vary=Accept-Language", {{"Accept-Language", lang}}).result_int(),
        200u);
  auto answer =
      purge(node, "{\"kind\":\"url\",\"value\":\"http://www.test.example/obj/v?vary=Accept-Language&ttl=100\"}");
  QCOMPARE(invalidated(answer, "L1"), 3u);
  auto res = TestFleet::get(node.port(), "/obj/v?ttl=100&vary=Accept-Language", {{"Accept-Language", "fr"}});
  QVERIFY2(contains(cache_status(res), "fwd=uri-miss"), cache_status(res).c_str());
  QCOMPARE(TestFleet::admin_get(
               node, "/admin/v1/cache/object?url=http://www.test.example/obj/v%3Fttl%3D100%26vary%3DAccept-Language")
               .result_int(),
           200u);  // the fresh "fr" variant only
}

void TestPurge::soft_purge_serves_stale_while_one_refresh_runs() {
  TestFleet fleet;
  auto& node = start_paris(fleet, false);
  const std::string target = "/obj/swr?cc=max-age%3D100%2C%20stale-while-revalidate%3D60&delay_ms=200";
  QCOMPARE(TestFleet::get(node.port(), target).result_int(), 200u);
  purge(node, "{\"kind\":\"prefix\",\"value\":\"http://www.test.example/obj/swr\",\"soft\":true}");
  const auto before = fleet.origin().requests_for("/obj/swr");
  // Both answered at once from the stale copy; one refresh goes upstream.
  auto first = TestFleet::get(node.port(), target);
  auto second = TestFleet::get(node.port(), target);
  QVERIFY2(contains(cache_status(first), "hit; fwd=stale"), cache_status(first).c_str());
  QVERIFY2(contains(cache_status(second), "hit; fwd=stale"), cache_status(second).c_str());
  for (int i = 0; i < 100 && fleet.origin().requests_for("/obj/swr") == before; ++i) QTest::qWait(10);
  QTest::qWait(300);
  QCOMPARE(fleet.origin().requests_for("/obj/swr"), before + 1);
  auto refreshed = TestFleet::get(node.port(), target);
  QVERIFY2(contains(cache_status(refreshed), "paris; hit; ttl="), cache_status(refreshed).c_str());
}

void TestPurge::purge_all_defaults_to_soft_and_warns() {
  TestFleet fleet;
  auto& node = start_paris(fleet, false);
  QCOMPARE(TestFleet::get(node.port(), "/obj/a?ttl=100").result_int(), 200u);
  auto answer = purge(node, "{\"kind\":\"all\"}");
  QCOMPARE(answer.at("soft").as_bool(), true);
  QVERIFY(answer.contains("warning"));
  auto res = TestFleet::get(node.port(), "/obj/a?ttl=100");
  QVERIFY2(contains(cache_status(res), "fwd=stale; fwd-status=304"), cache_status(res).c_str());
  // Stored again after the refresh: fresh from here on.
  QVERIFY(contains(cache_status(TestFleet::get(node.port(), "/obj/a?ttl=100")), "paris; hit"));
}

void TestPurge::hard_purge_all_is_o1_and_reclaimed() {
  TestFleet fleet;
  auto& node = start_paris(fleet, true);
  for (int i = 0; i < 200; ++i)
    QCOMPARE(TestFleet::get(node.port(), "/obj/n" + std::to_string(i) + "?ttl=100&size=64").result_int(), 200u);
  TestFleet::wait_until_stored(node, 200);
  auto answer = purge(node, "{\"kind\":\"all\",\"soft\":false}");
  QCOMPARE(invalidated(answer, "L1"), 200u);
  QCOMPARE(invalidated(answer, "L2"), 200u);
  // Gone at once for lookups, whatever the sweep has reached.
  auto res = TestFleet::get(node.port(), "/obj/n7?ttl=100&size=64");
  QVERIFY2(contains(cache_status(res), "fwd=uri-miss"), cache_status(res).c_str());
  // The background sweep leaves only what was fetched after the purge (stored
  // once its body is in, which may be just after the client has it all).
  for (int i = 0; i < 500 && (node.l1().stats().objects != 1 || node.l2()->stats().objects != 1); ++i) {
    QTest::qWait(10);
    node.l2()->flush();
  }
  QCOMPARE(node.l1().stats().objects, 1u);
  node.l2()->flush();
  QCOMPARE(node.l2()->stats().objects, 1u);
  QVERIFY(node.metrics().purge_reclaimed.load() >= 399u);
}

void TestPurge::fetch_in_flight_during_a_purge_is_not_stored() {
  TestFleet fleet;
  auto& node = start_paris(fleet, false);
  const std::string target = "/obj/slow?ttl=100&delay_ms=300&tags=t";
  std::thread client([&] { QCOMPARE(TestFleet::get(node.port(), target).result_int(), 200u); });
  for (int i = 0; i < 100 && fleet.origin().requests_for("/obj/slow") == 0; ++i) QTest::qWait(5);
  // The origin is answering the request that started before this purge.
  purge(node, "{\"kind\":\"tag\",\"value\":\"t\"}");
  client.join();
  QCOMPARE(node.metrics().stores_discarded.load(), 1u);
  auto res = TestFleet::get(node.port(), target);
  QVERIFY2(contains(cache_status(res), "fwd=uri-miss"), cache_status(res).c_str());
}

void TestPurge::purge_method_obeys_the_address_list() {
  TestFleet fleet;
  fleet.start_origin();
  auto& open = fleet.start_node("open");
  auto& closed =
      fleet.start_node("closed", 0, [](NodeConfig& c) { c.purge_allow = {*parse_address_range("10.0.0.0/8")}; });
  auto& off = fleet.start_node("off", 0, [](NodeConfig& c) { c.purge_allow.clear(); });
  for (auto* node : {&open, &closed, &off}) QCOMPARE(TestFleet::get(node->port(), "/obj/a?ttl=100").result_int(), 200u);

  auto allowed = TestFleet::send(open.port(), http::verb::purge, "/obj/a?ttl=100");
  QCOMPARE(allowed.result_int(), 200u);
  QVERIFY(contains(allowed.body(), "\"L1\":1"));
  QVERIFY(contains(cache_status(TestFleet::get(open.port(), "/obj/a?ttl=100")), "fwd=uri-miss"));

  QCOMPARE(TestFleet::send(closed.port(), http::verb::purge, "/obj/a?ttl=100").result_int(), 403u);
  QCOMPARE(closed.metrics().purge_denied.load(), 1u);
  QVERIFY(contains(cache_status(TestFleet::get(closed.port(), "/obj/a?ttl=100")), "closed; hit"));
  QCOMPARE(TestFleet::send(off.port(), http::verb::purge, "/obj/a?ttl=100").result_int(), 405u);
}

void TestPurge::malformed_purges_are_400_data() {
  QTest::addColumn<QString>("body");
  QTest::addColumn<QString>("message");
  QTest::newRow("not json") << "{kind:"
                            << "invalid JSON";
  QTest::newRow("array") << "[]"
                         << "JSON object";
  QTest::newRow("no kind") << "{\"value\":\"x\"}"
                           << "kind: required";
  QTest::newRow("bad kind") << "{\"kind\":\"everything\"}"
                            << "kind: expected";
  QTest::newRow("value type") << "{\"kind\":\"tag\",\"value\":7}"
                              << "value: expected a string";
  QTest::newRow("soft type") << "{\"kind\":\"tag\",\"value\":\"t\",\"soft\":\"yes\"}"
                             << "soft: expected true or false";
  QTest::newRow("url without host") << "{\"kind\":\"url\",\"value\":\"/just/a/path\"}"
                                    << "URL with a host";
  QTest::newRow("tag with space") << "{\"kind\":\"tag\",\"value\":\"a b\"}"
                                  << "one non-empty word";
  QTest::newRow("all with value") << "{\"kind\":\"all\",\"value\":\"x\"}"
                                  << "must be empty";
  QTest::newRow("unknown key") << "{\"kind\":\"all\",\"force\":true}"
                               << "unknown key";
  QTest::newRow("fleet_seq zero") << "{\"kind\":\"all\",\"fleet_seq\":0}"
                                  << "fleet_seq";
}

void TestPurge::malformed_purges_are_400() {
  QFETCH(QString, body);
  QFETCH(QString, message);
  static TestFleet fleet;  // one node serves every row
  static EdgeNode* node = nullptr;
  if (!node) node = &start_paris(fleet, false);
  auto res = TestFleet::admin_post(*node, "/admin/v1/purge", body.toStdString());
  QCOMPARE(res.result_int(), 400u);
  QVERIFY2(contains(res.body(), message.toStdString()), res.body().c_str());
  QCOMPARE(node->purges().seq(), 0u);
}

void TestPurge::listing_pages_cover_every_object_once() {
  TestFleet fleet;
  auto& node = start_paris(fleet, true);
  for (int i = 0; i < 25; ++i)
    QCOMPARE(TestFleet::get(node.port(), "/obj/k" + std::to_string(i) + "?ttl=100&tags=all").result_int(), 200u);
  TestFleet::wait_until_stored(node, 25);
  for (const char* tier : {"L1", "L2"}) {
    std::set<std::string> seen;
    std::string cursor;
    for (int page = 0; page < 10; ++page) {
      auto res = TestFleet::admin_get(node, "/admin/v1/cache?tag=all&limit=10&tier=" + std::string(tier) +
                                                (cursor.empty() ? "" : "&cursor=" + cursor));
      QCOMPARE(res.result_int(), 200u);
      auto listing = json::parse(res.body()).at("tiers").at(tier).as_object();
      for (const auto& e : listing.at("entries").as_array()) {
        QVERIFY(seen.insert(std::string(e.at("key").as_string())).second);
        QCOMPARE(std::string(e.at("tier").as_string()), std::string(tier));
        QVERIFY(e.at("ttl").to_number<int>() > 0);
      }
      if (listing.at("next_cursor").is_null()) break;
      cursor = std::string(listing.at("next_cursor").as_string());
      std::string encoded;
      for (unsigned char ch : cursor) {
        if (std::isalnum(ch) || ch == '/' || ch == '.' || ch == '-') {
          encoded.push_back(static_cast<char>(ch));
        } else {
          char buf[4];
          std::snprintf(buf, sizeof buf, "%%%02X", ch);
          encoded += buf;
        }
      }
      cursor = encoded;
    }
    QCOMPARE(seen.size(), 25u);
  }
  QCOMPARE(TestFleet::admin_get(node, "/admin/v1/cache?limit=5000").result_int(), 400u);
  QCOMPARE(TestFleet::admin_get(node, "/admin/v1/cache?tag=a&prefix=http://x/").result_int(), 400u);
  QCOMPARE(TestFleet::admin_get(node, "/admin/v1/cache?colour=red").result_int(), 400u);
  QCOMPARE(TestFleet::admin_get(node, "/admin/v1/cache/object?url=http://www.test.example/none").result_int(), 404u);
}

void TestPurge::events_long_poll_wakes_on_purge() {
  TestFleet fleet;
  auto& node = start_paris(fleet, false);
  auto first = json::parse(TestFleet::admin_get(node, "/admin/v1/events?timeout_ms=0").body()).as_object();
  const auto last = first.at("last_id").to_number<std::uint64_t>();
  Response waited;
  std::thread poller(
      [&] { waited = TestFleet::admin_get(node, "/admin/v1/events?timeout_ms=10000&after=" + std::to_string(last)); });
  QTest::qWait(100);
  const auto started = std::chrono::steady_clock::now();
  purge(node, "{\"kind\":\"tag\",\"value\":\"news\"}");
  poller.join();
  QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
  auto events = json::parse(waited.body()).at("events").as_array();
  QCOMPARE(events.size(), 1u);
  QCOMPARE(std::string(events[0].at("type").as_string()), std::string("purge_applied"));
  QCOMPARE(std::string(events[0].at("data").at("value").as_string()), std::string("news"));
  // Nothing new: the poll ends empty at its timeout.
  auto empty = TestFleet::admin_get(node, "/admin/v1/events?timeout_ms=50&after=" + std::to_string(last + 1));
  QCOMPARE(json::parse(empty.body()).at("events").as_array().size(), 0u);
}

QTEST_GUILESS_MAIN(TestPurge)
#include "test_purge.moc"
