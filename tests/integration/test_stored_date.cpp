// A response served from cache keeps the Date it was stored with (RFC 9110
// 6.6.1) and Age says how old it is; a response without a valid Date is given
// the time it arrived, once, and keeps that.
#include "cache/http_date.hpp"
#include "support/scripted_origin.hpp"
#include "support/test_fleet.hpp"

#include <QTest>

#include <thread>

using namespace edgelab;
using edgelab::test::ScriptedOrigin;
using edgelab::test::ScriptedReply;
using edgelab::test::TestFleet;

namespace {

std::string field(const Response& res, std::string_view name) {
  auto it = res.find(name);
  return it == res.end() ? std::string() : std::string(it->value());
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

class TestStoredDate : public QObject {
  Q_OBJECT
 private slots:
  void a_hit_keeps_the_stored_date_and_ages();
  void a_304_from_cache_carries_the_stored_date();
  void an_origin_date_missing_or_invalid_becomes_the_arrival_time_data();
  void an_origin_date_missing_or_invalid_becomes_the_arrival_time();
};

void TestStoredDate::a_hit_keeps_the_stored_date_and_ages() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  auto miss = TestFleet::get(node.port(), "/obj/d?ttl=60");
  const std::string stored = field(miss, "Date");
  QVERIFY(parse_http_date(stored));
  TestFleet::wait_until_stored(node, 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  auto hit = TestFleet::get(node.port(), "/obj/d?ttl=60");
  QVERIFY2(field(hit, "Cache-Status").find("hit") != std::string::npos, field(hit, "Cache-Status").c_str());
  QCOMPARE(field(hit, "Date"), stored);
  QVERIFY2(std::stoi(field(hit, "Age")) >= 2, field(hit, "Age").c_str());
  QCOMPARE(int(std::count_if(hit.begin(), hit.end(), [](const auto& f) { return f.name_string() == "Date"; })), 1);
}

void TestStoredDate::a_304_from_cache_carries_the_stored_date() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  auto miss = TestFleet::get(node.port(), "/obj/e?ttl=60");
  TestFleet::wait_until_stored(node, 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  auto not_modified = TestFleet::get(node.port(), "/obj/e?ttl=60", {{"If-None-Match", field(miss, "ETag")}});
  QCOMPARE(not_modified.result_int(), 304u);
  QCOMPARE(field(not_modified, "Date"), field(miss, "Date"));
}

void TestStoredDate::an_origin_date_missing_or_invalid_becomes_the_arrival_time_data() {
  QTest::addColumn<QString>("date_line");
  QTest::newRow("none") << "";
  QTest::newRow("not a date") << "Date: yesterday\r\n";
  QTest::newRow("empty") << "Date: \r\n";
}

void TestStoredDate::an_origin_date_missing_or_invalid_becomes_the_arrival_time() {
  QFETCH(QString, date_line);
  const std::string extra = "Cache-Control: max-age=60\r\n" + date_line.toStdString();
  ScriptedOrigin origin([extra](const http::request<http::string_body>&) {
    return ScriptedReply{.bytes = ScriptedOrigin::response("dated", extra)};
  });
  TestFleet fleet;
  auto& node = fleet.start_node("paris", origin.port());
  const std::int64_t before = unix_now();
  auto miss = TestFleet::get(node.port(), "/x");
  const std::int64_t after = unix_now();
  QCOMPARE(miss.body(), std::string("dated"));
  TestFleet::wait_until_stored(node, 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  auto hit = TestFleet::get(node.port(), "/x");
  QCOMPARE(origin.requests(), 1u);
  const auto date = parse_http_date(field(hit, "Date"));
  QVERIFY2(date && *date >= before && *date <= after, field(hit, "Date").c_str());
  QCOMPARE(int(std::count_if(hit.begin(), hit.end(), [](const auto& f) { return f.name_string() == "Date"; })), 1);
}

QTEST_GUILESS_MAIN(TestStoredDate)
#include "test_stored_date.moc"
