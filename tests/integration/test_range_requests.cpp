// Range requests through a node: 206 from a stored object (single, open-ended,
// suffix), 416 with bytes */LEN, If-Range by ETag and by date, several ranges
// and HEAD answered whole; on a miss the whole object is fetched (no Range
// upstream), stored, and the range answered; an object larger than
// max_object_bytes is asked for again with the client's Range, and later
// Range requests for it pass with their Range at once.
#include "cache/byte_range.hpp"
#include "support/scripted_origin.hpp"
#include "support/test_fleet.hpp"

#include <QTest>

#include <mutex>

using namespace edgelab;
using edgelab::test::ScriptedOrigin;
using edgelab::test::ScriptedReply;
using edgelab::test::TestFleet;

namespace {

std::string field(const Response& res, std::string_view name) {
  auto it = res.find(name);
  return it == res.end() ? std::string() : std::string(it->value());
}

const char* kTarget = "/obj/video?size=1000&ttl=600";

}  // namespace

class TestRangeRequests : public QObject {
  Q_OBJECT
 private slots:
  void ranges_on_a_stored_object_data();
  void ranges_on_a_stored_object();
  void if_range_decides_between_206_and_200();
  void a_miss_fetches_the_whole_object_and_answers_the_range();
  void an_object_too_large_to_store_passes_the_range_through();
};

void TestRangeRequests::ranges_on_a_stored_object_data() {
  QTest::addColumn<QString>("method");
  QTest::addColumn<QString>("range");
  QTest::addColumn<int>("status");
  QTest::addColumn<QString>("content_range");
  QTest::addColumn<int>("first");
  QTest::addColumn<int>("length");
  QTest::newRow("single") << "GET" << "bytes=0-99" << 206 << "bytes 0-99/1000" << 0 << 100;
  QTest::newRow("middle") << "GET" << "bytes=500-509" << 206 << "bytes 500-509/1000" << 500 << 10;
  QTest::newRow("open-ended") << "GET" << "bytes=990-" << 206 << "bytes 990-999/1000" << 990 << 10;
  QTest::newRow("suffix") << "GET" << "bytes=-5" << 206 << "bytes 995-999/1000" << 995 << 5;
  QTest::newRow("unsatisfiable") << "GET" << "bytes=1000-" << 416 << "bytes */1000" << 0 << 0;
  QTest::newRow("several: whole") << "GET" << "bytes=0-1,10-11" << 200 << "" << 0 << 1000;
  QTest::newRow("invalid: whole") << "GET" << "bytes=9-1" << 200 << "" << 0 << 1000;
  QTest::newRow("HEAD: whole") << "HEAD" << "bytes=0-99" << 200 << "" << 0 << 0;
}

void TestRangeRequests::ranges_on_a_stored_object() {
  QFETCH(QString, method);
  QFETCH(QString, range);
  QFETCH(int, status);
  QFETCH(QString, content_range);
  QFETCH(int, first);
  QFETCH(int, length);
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  const std::string whole = TestFleet::get(node.port(), kTarget).body();
  QCOMPARE(whole.size(), 1000u);
  TestFleet::wait_until_stored(node, 1);
  const std::string r = range.toStdString();
  auto res = TestFleet::send(node.port(), method == "HEAD" ? http::verb::head : http::verb::get, kTarget, {},
                             {{"Range", r}});
  QCOMPARE(int(res.result_int()), status);
  QCOMPARE(QString::fromStdString(field(res, "Content-Range")), content_range);
  QCOMPARE(int(res.body().size()), length);
  if (method == "GET") QCOMPARE(res.body(), whole.substr(std::size_t(first), std::size_t(length)));
  QVERIFY2(field(res, "Cache-Status").find("hit") != std::string::npos, field(res, "Cache-Status").c_str());
  QVERIFY(!field(res, "ETag").empty());
  QCOMPARE(fleet.origin().requests(), 1u);
}

void TestRangeRequests::if_range_decides_between_206_and_200() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  auto first = TestFleet::get(node.port(), kTarget);
  TestFleet::wait_until_stored(node, 1);
  const std::string etag = field(first, "ETag");
  const std::string modified = field(first, "Last-Modified");
  QVERIFY(!etag.empty());
  auto ask = [&](const std::string& if_range) {
    return TestFleet::get(node.port(), kTarget, {{"Range", "bytes=0-9"}, {"If-Range", if_range}}).result_int();
  };
  QCOMPARE(ask(etag), 206u);
  QCOMPARE(ask("\"something-else\""), 200u);
  QCOMPARE(ask("W/" + etag), 200u);  // a weak validator never matches If-Range
  if (!modified.empty()) {
    QCOMPARE(ask(modified), 206u);
    QCOMPARE(ask("Thu, 01 Jan 1970 00:00:00 GMT"), 200u);
  }
  QCOMPARE(fleet.origin().requests(), 1u);
}

void TestRangeRequests::a_miss_fetches_the_whole_object_and_answers_the_range() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  auto part = TestFleet::get(node.port(), kTarget, {{"Range", "bytes=100-199"}});
  QCOMPARE(part.result_int(), 206u);
  QCOMPARE(field(part, "Content-Range"), std::string("bytes 100-199/1000"));
  QCOMPARE(part.body().size(), 100u);
  TestFleet::wait_until_stored(node, 1);
  // The whole object was stored: the rest is a hit, and matches.
  auto whole = TestFleet::get(node.port(), kTarget);
  QCOMPARE(whole.body().size(), 1000u);
  QCOMPARE(part.body(), whole.body().substr(100, 100));
  QVERIFY(field(whole, "Cache-Status").find("hit") != std::string::npos);
  QCOMPARE(fleet.origin().requests(), 1u);
}

void TestRangeRequests::an_object_too_large_to_store_passes_the_range_through() {
  // An origin that honours Range, with a 5,000-byte object: more than the node stores.
  std::string object(5000, '\0');
  for (std::size_t i = 0; i < object.size(); ++i) object[i] = static_cast<char>('a' + i % 26);
  std::mutex mutex;
  std::vector<std::string> ranges_seen;  // "" for a request without Range
  ScriptedOrigin origin([&](const http::request<http::string_body>& request) {
    const std::string range(request[http::field::range]);
    {
      std::lock_guard lock(mutex);
      ranges_seen.push_back(range);
    }
    const ByteRange r = parse_byte_range(range, object.size());
    if (range.empty() || r.kind != ByteRange::Kind::single)
      return ScriptedReply{.bytes = ScriptedOrigin::response(object, "Cache-Control: max-age=600\r\n")};
    const std::string content_range =
        "Content-Range: bytes " + std::to_string(r.first) + "-" + std::to_string(r.last) + "/5000\r\n";
    return ScriptedReply{.bytes = ScriptedOrigin::response(object.substr(r.first, r.length()),
                                                           "Cache-Control: max-age=600\r\n" + content_range,
                                                           "HTTP/1.1 206 Partial Content")};
  });
  TestFleet fleet;
  auto& node = fleet.start_node("paris", origin.port(), [](NodeConfig& c) { c.cache.max_object_bytes = 1000; });

  auto first = TestFleet::get(node.port(), "/big", {{"Range", "bytes=100-199"}});
  QCOMPARE(first.result_int(), 206u);
  QCOMPARE(field(first, "Content-Range"), std::string("bytes 100-199/5000"));
  QCOMPARE(first.body(), object.substr(100, 100));
  QVERIFY2(field(first, "Cache-Status").find("detail=oversize") != std::string::npos,
           field(first, "Cache-Status").c_str());
  {
    std::lock_guard lock(mutex);
    // The whole object first (to store it), then the client's range.
    QCOMPARE(ranges_seen, (std::vector<std::string>{"", "bytes=100-199"}));
  }
  auto suffix = TestFleet::get(node.port(), "/big", {{"Range", "bytes=-10"}});
  QCOMPARE(suffix.result_int(), 206u);
  QCOMPARE(suffix.body(), object.substr(4990));
  {
    std::lock_guard lock(mutex);
    // Known too large now: one request, with its Range.
    QCOMPARE(ranges_seen, (std::vector<std::string>{"", "bytes=100-199", "bytes=-10"}));
  }
  // A plain GET of it is relayed whole, uncached.
  auto whole = TestFleet::get(node.port(), "/big");
  QCOMPARE(whole.result_int(), 200u);
  QCOMPARE(whole.body(), object);
  QCOMPARE(node.metrics().stored.load(), 0u);
}

QTEST_GUILESS_MAIN(TestRangeRequests)
#include "test_range_requests.moc"
