// stale-if-error (RFC 5861 4) covers every way an origin can fail a
// revalidation, not only a 5xx: a connection closed before the answer, a
// header and then a cut body (known length and chunked), silence until the
// read timeout, a malformed answer. Each time the client gets the stale copy
// whole, and the stored copy is not replaced by what arrived.
#include "support/raw_http_client.hpp"
#include "support/scripted_origin.hpp"
#include "support/test_fleet.hpp"

#include <QTest>

#include <map>
#include <mutex>
#include <thread>

using namespace edgelab;
using edgelab::test::raw_get;
using edgelab::test::RawAnswer;
using edgelab::test::ScriptedOrigin;
using edgelab::test::ScriptedReply;
using edgelab::test::TestFleet;

namespace {

constexpr std::string_view kStaleBody = "the-stale-copy";

struct Failure {
  const char* name;
  ScriptedReply reply;
};

std::vector<Failure> failures() {
  const std::string head = "HTTP/1.1 200 OK\r\nCache-Control: max-age=60\r\n";
  return {
      {"closed before any byte", {.close_after = true}},
      {"header, then a short body and close", {.bytes = head + "Content-Length: 100\r\n\r\nhalf", .close_after = true}},
      {"chunked body cut", {.bytes = head + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", .close_after = true}},
      {"header, then silence", {.bytes = head + "Content-Length: 100\r\n\r\nhalf"}},
      {"silence", {.silent = true}},
      {"two Content-Lengths", {.bytes = head + "Content-Length: 4\r\nContent-Length: 5\r\n\r\nhalf"}},
      {"503", {.bytes = ScriptedOrigin::response("down", "", "HTTP/1.1 503 Service Unavailable")}},
  };
}

std::string path_of(std::size_t i) { return "/sie/" + std::to_string(i); }

}  // namespace

class TestStaleIfError : public QObject {
  Q_OBJECT
 private slots:
  void every_origin_failure_serves_the_stale_copy();
  void outside_the_window_a_failure_is_an_error();
};

void TestStaleIfError::every_origin_failure_serves_the_stale_copy() {
  const auto cases = failures();
  std::mutex mutex;
  bool failing = false;
  ScriptedOrigin origin([&](const http::request<http::string_body>& request) {
    std::lock_guard lock(mutex);
    const std::string target(request.target());
    for (std::size_t i = 0; failing && i < cases.size(); ++i)
      if (target == path_of(i)) return cases[i].reply;
    return ScriptedReply{.bytes = ScriptedOrigin::response(
                             kStaleBody, "Cache-Control: max-age=1, stale-if-error=60\r\nETag: \"v1\"\r\n")};
  });
  TestFleet fleet;
  auto& node = fleet.start_node("paris", origin.port(), [](NodeConfig& c) {
    c.limits.upstream_read_timeout = std::chrono::milliseconds(600);
  });
  for (std::size_t i = 0; i < cases.size(); ++i) QCOMPARE(raw_get(node.port(), path_of(i)).status, 200u);
  TestFleet::wait_until_stored(node, cases.size());
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  {
    std::lock_guard lock(mutex);
    failing = true;
  }
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto served_before = node.metrics().stale_served.load();
    // Twice: the second answer shows the failed fetch stored nothing.
    for (int round = 0; round < 2; ++round) {
      const RawAnswer answer = raw_get(node.port(), path_of(i));
      const std::string what = std::string(cases[i].name) + " (round " + std::to_string(round) + "): " +
                               std::to_string(answer.status) + " " + answer.error + " " +
                               std::string(answer.header["Cache-Status"]);
      QVERIFY2(answer.status == 200 && answer.complete, what.c_str());
      QVERIFY2(answer.body == kStaleBody, (what + " body " + answer.body).c_str());
      QVERIFY2(std::string_view(answer.header["Cache-Status"]).find("fwd=stale") != std::string_view::npos,
               what.c_str());
    }
    QCOMPARE(node.metrics().stale_served.load(), served_before + 2);
  }
}

void TestStaleIfError::outside_the_window_a_failure_is_an_error() {
  std::atomic<bool> failing{false};
  ScriptedOrigin origin([&](const http::request<http::string_body>&) {
    if (failing) return ScriptedReply{.bytes = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nhalf", .close_after = true};
    return ScriptedReply{.bytes = ScriptedOrigin::response(kStaleBody, "Cache-Control: max-age=1, stale-if-error=1\r\n")};
  });
  TestFleet fleet;
  auto& node = fleet.start_node("paris", origin.port());
  QCOMPARE(raw_get(node.port(), "/short").status, 200u);
  TestFleet::wait_until_stored(node, 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  failing = true;
  // Past max-age + stale-if-error: the origin's cut answer is an error (a 502,
  // or the headers and then a closed connection), never a whole 200.
  const RawAnswer answer = raw_get(node.port(), "/short");
  QVERIFY2(!(answer.status == 200 && answer.complete), answer.body.c_str());
  QVERIFY2(answer.body != kStaleBody, answer.body.c_str());
  QCOMPARE(node.metrics().stale_served.load(), 0u);
}

QTEST_GUILESS_MAIN(TestStaleIfError)
#include "test_stale_if_error.moc"
