// RFC 9111 4.4: a non-error answer to a method not known to be safe
// invalidates the target URI and the same origin's Location and
// Content-Location; safe methods and error answers do not.
#include "support/scripted_origin.hpp"
#include "support/test_fleet.hpp"

#include <QTest>

using namespace edgelab;
using edgelab::test::ScriptedOrigin;
using edgelab::test::ScriptedReply;
using edgelab::test::TestFleet;

namespace {

std::string cache_status(const Response& res) { return std::string(res["Cache-Status"]); }

Response send_method(std::uint16_t port, const std::string& method, const std::string& target) {
  BlockingClient client(TestFleet::at(port));
  Request req;
  req.version(11);
  req.method_string(method);
  req.target(target);
  req.set(http::field::host, "www.test.example");
  if (method != "GET" && method != "HEAD" && method != "TRACE" && method != "OPTIONS") req.body() = "x";
  req.prepare_payload();
  auto res = client.request(req);
  return res ? *res : Response{};
}

}  // namespace

class TestInvalidation : public QObject {
  Q_OBJECT
 private slots:
  void methods_data();
  void methods();
  void location_and_content_location_of_the_same_origin();
};

void TestInvalidation::methods_data() {
  QTest::addColumn<QString>("method");
  QTest::addColumn<bool>("invalidates");
  for (const char* m : {"POST", "PUT", "DELETE", "PATCH", "PROPFIND", "M-SEARCH", "MKCOL", "FROBNICATE"})
    QTest::newRow(m) << m << true;
  for (const char* m : {"GET", "HEAD", "OPTIONS", "TRACE"}) QTest::newRow(m) << m << false;
}

void TestInvalidation::methods() {
  QFETCH(QString, method);
  QFETCH(bool, invalidates);
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  TestFleet::get(node.port(), "/obj/inv?ttl=60");
  TestFleet::wait_until_stored(node, 1);
  auto answer = send_method(node.port(), method.toStdString(), "/obj/inv?ttl=60");
  QVERIFY2(answer.result_int() == 200u, (std::to_string(answer.result_int()) + " " + answer.body()).c_str());
  auto after = TestFleet::get(node.port(), "/obj/inv?ttl=60");
  const bool missed = cache_status(after).find("fwd=uri-miss") != std::string::npos;
  QVERIFY2(missed == invalidates, cache_status(after).c_str());
  QCOMPARE(node.metrics().invalidations.load(), invalidates ? 1u : 0u);
}

void TestInvalidation::location_and_content_location_of_the_same_origin() {
  ScriptedOrigin origin([](const http::request<http::string_body>& request) {
    if (request.method() == http::verb::post) {
      if (request.target() == "/error")
        return ScriptedReply{.bytes = ScriptedOrigin::response("no", "Location: /a\r\n", "HTTP/1.1 500 Oops")};
      return ScriptedReply{.bytes = ScriptedOrigin::response(
                               "made", "Location: http://WWW.test.example/a\r\nContent-Location: /b\r\n",
                               "HTTP/1.1 201 Created")};
    }
    if (request.method() == http::verb::put)
      return ScriptedReply{.bytes = ScriptedOrigin::response("put", "Location: http://elsewhere.example/c\r\n")};
    return ScriptedReply{.bytes = ScriptedOrigin::response(std::string(request.target()), "Cache-Control: max-age=60\r\n")};
  });
  TestFleet fleet;
  auto& node = fleet.start_node("paris", origin.port());
  for (const char* path : {"/a", "/b", "/c"}) TestFleet::get(node.port(), path);
  TestFleet::wait_until_stored(node, 3);
  auto hit = [&](const char* path) {
    return cache_status(TestFleet::get(node.port(), path)).find("hit") != std::string::npos;
  };
  // An error answer invalidates nothing.
  QCOMPARE(send_method(node.port(), "POST", "/error").result_int(), 500u);
  QVERIFY(hit("/a"));
  QCOMPARE(send_method(node.port(), "POST", "/new").result_int(), 201u);
  QVERIFY(!hit("/a"));  // absolute Location on the same host (case-insensitive)
  QVERIFY(!hit("/b"));  // relative Content-Location
  QVERIFY(hit("/c"));
  TestFleet::wait_until_stored(node, 3);
  // Another origin's Location is left alone.
  QCOMPARE(send_method(node.port(), "PUT", "/put").result_int(), 200u);
  QVERIFY(hit("/c"));
}

QTEST_GUILESS_MAIN(TestInvalidation)
#include "test_invalidation.moc"
