// An origin's bytes never reach another request: every malformed or tricky
// upstream answer, on a node with one io thread (so its upstream pool is
// reused), is followed by requests for other URLs that must each get their own
// body, and by the case's own URL again, which must not serve another
// message's bytes. The origin is scripted byte by byte (ScriptedOrigin).
#include "support/raw_http_client.hpp"
#include "support/scripted_origin.hpp"
#include "support/test_fleet.hpp"

#include <QTest>

#include <boost/json/parse.hpp>

#include <future>

using namespace edgelab;
using edgelab::test::raw_get;
using edgelab::test::RawAnswer;
using edgelab::test::ScriptedOrigin;
using edgelab::test::ScriptedReply;
using edgelab::test::TestFleet;

namespace {

constexpr std::string_view kCaseBody = "case-body";
const std::string kCacheable = "Cache-Control: max-age=60\r\n";

std::string own_body(std::string_view path) { return "body-of-" + std::string(path); }

// Every URL but /case gets a well-framed, uncacheable answer of its own, so
// each one goes to the origin over the pooled connection.
ScriptedOrigin::Script script_for(const ScriptedReply& case_reply) {
  return [case_reply](const http::request<http::string_body>& request) {
    const std::string path(request.target());
    if (path == "/case") return case_reply;
    return ScriptedReply{.bytes = ScriptedOrigin::response(own_body(path), "Cache-Control: no-store\r\n")};
  };
}

std::vector<NodeEvent> node_events(TestFleet& fleet, EdgeNode& node) {
  std::promise<std::vector<NodeEvent>> got;
  node.events().wait(0, 1000, std::chrono::milliseconds(0), fleet.context().get_executor(),
                     [&got](std::vector<NodeEvent> events) { got.set_value(std::move(events)); });
  return got.get_future().get();
}

bool has_foreign_bytes(const std::string& body) {
  return body.find("body-of-") != std::string::npos || body.find("POISON") != std::string::npos ||
         body.find("HTTP/1.") != std::string::npos;
}

EdgeNode& framing_node(TestFleet& fleet, std::uint16_t origin_port) {
  return fleet.start_node("paris", origin_port,
                          [](NodeConfig& c) { c.limits.upstream_read_timeout = std::chrono::milliseconds(800); });
}

}  // namespace

class TestUpstreamFraming : public QObject {
  Q_OBJECT
 private slots:
  void each_answer_stays_in_its_own_message_data();
  void each_answer_stays_in_its_own_message();
  void early_hints_reach_the_client_before_the_response();
  void an_idle_connection_that_turns_readable_is_dropped_at_once();
  void an_idle_connection_closed_by_the_origin_is_dropped_at_once();
  void framing_errors_are_in_metrics_and_events();
  void answers_without_a_body_get_no_chunk_terminator();
  void chunked_answers_reach_http10_clients_unchunked();
  void bytes_after_the_body_keep_it_out_of_the_cache();
};

void TestUpstreamFraming::each_answer_stays_in_its_own_message_data() {
  QTest::addColumn<QByteArray>("reply");
  QTest::addColumn<bool>("close_after");
  QTest::addColumn<bool>("silent");
  // The final status the client sees; -1: headers came, then the connection
  // closed before the end (the only honest thing once headers are relayed).
  QTest::addColumn<int>("status");
  QTest::addColumn<int>("hints");     // 103s the client sees first
  QTest::addColumn<QString>("kind");  // framing error counted, if any

  const std::string ok = ScriptedOrigin::response(kCaseBody, kCacheable);
  const std::string hint = "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n";
  const std::string head200 = "HTTP/1.1 200 OK\r\n" + kCacheable;
  auto row = [](const char* name, const std::string& bytes, bool close, bool silent, int status, int hints,
                const char* kind) {
    QTest::newRow(name) << QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())) << close << silent << status
                        << hints << QString::fromLatin1(kind);
  };
  row("one 103", hint + ok, false, false, 200, 1, "");
  row("two 103s", hint + hint + ok, false, false, 200, 2, "");
  row("unsolicited 100", "HTTP/1.1 100 Continue\r\n\r\n" + ok, false, false, 200, 0, "");
  row("102 then 103", "HTTP/1.1 102 Processing\r\n\r\n" + hint + ok, false, false, 200, 1, "");
  std::string nine;
  for (int i = 0; i < 9; ++i) nine += hint;
  row("nine 103s", nine + ok, false, false, 502, 8, "too_many_interim");
  row("101", "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n" + ok, false, false,
      502, 0, "switching_protocols");
  row("bytes after the body", ok + "HTTP/1.1 200 OK\r\nContent-Length: 6\r\nCache-Control: max-age=600\r\n\r\nPOISON",
      false, false, 200, 0, "trailing_bytes");
  row("two Content-Lengths", "HTTP/1.1 200 OK\r\nContent-Length: 9\r\nContent-Length: 15\r\n\r\ncase-body", false,
      false, 502, 0, "multiple_content_length");
  row("Content-Length and Transfer-Encoding",
      head200 + "Content-Length: 9\r\nTransfer-Encoding: chunked\r\n\r\n9\r\ncase-body\r\n0\r\n\r\n", false, false, 502,
      0, "content_length_and_transfer_encoding");
  row("Transfer-Encoding and Content-Length",
      head200 + "Transfer-Encoding: chunked\r\nContent-Length: 9\r\n\r\n9\r\ncase-body\r\n0\r\n\r\n", false, false, 502,
      0, "content_length_and_transfer_encoding");
  row("Transfer-Encoding gzip", head200 + "Transfer-Encoding: gzip\r\n\r\ncase-body", true, false, 502, 0,
      "bad_transfer_encoding");
  row("bad chunk", head200 + "Transfer-Encoding: chunked\r\n\r\nZZ\r\ncase-body\r\n0\r\n\r\n", false, false, 502, 0,
      "bad_chunk");
  row("short body then close", head200 + "Content-Length: 100\r\n\r\ncase-body", true, false, -1, 0, "short_body");
  row("no length until close, 1.1", head200 + "\r\ncase-body", true, false, 200, 0, "");
  row("no length until close, 1.0", "HTTP/1.0 200 OK\r\n" + kCacheable + "\r\ncase-body", true, false, 200, 0, "");
  row("204 then bytes", "HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nPOISON", false,
      false, 204, 0, "trailing_bytes");
  row("304 then bytes",
      "HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nPOISON", false,
      false, 304, 0, "trailing_bytes");
  row("70 KB response header",
      head200 + "X-Big: " + std::string(70'000, 'a') + "\r\nContent-Length: 9\r\n\r\ncase-body", false, false, 502, 0,
      "header_too_large");
  std::string many;
  for (int i = 0; i < 3000; ++i) many += "X-H" + std::to_string(i) + ": v\r\n";
  row("3,000 response headers", head200 + many + "Content-Length: 9\r\n\r\ncase-body", false, false, 502, 0,
      "too_many_headers");
  row("NUL in a header", head200 + std::string("X-A: a\0b", 8) + "\r\nContent-Length: 9\r\n\r\ncase-body", false, false,
      502, 0, "bad_header");
  row("bare CR in a header", head200 + "X-A: a\rb\r\nContent-Length: 9\r\n\r\ncase-body", false, false, 502, 0,
      "bad_header");
  row("garbage status line", "HTPT/1.1 2OO OK\r\nContent-Length: 9\r\n\r\ncase-body", false, false, 502, 0,
      "bad_status_line");
  row("negative Content-Length", head200 + "Content-Length: -9\r\n\r\ncase-body", false, false, 502, 0,
      "bad_content_length");
  row("silent past the read timeout", "", false, true, 504, 0, "");
}

void TestUpstreamFraming::each_answer_stays_in_its_own_message() {
  QFETCH(QByteArray, reply);
  QFETCH(bool, close_after);
  QFETCH(bool, silent);
  QFETCH(int, status);
  QFETCH(int, hints);
  QFETCH(QString, kind);

  ScriptedOrigin origin(script_for({.bytes = reply.toStdString(), .close_after = close_after, .silent = silent}));
  TestFleet fleet(1);
  auto& node = framing_node(fleet, origin.port());

  // A pooled connection is waiting when the case's URL is asked for.
  RawAnswer before = raw_get(node.port(), "/before");
  QCOMPARE(before.body, own_body("/before"));

  RawAnswer answer = raw_get(node.port(), "/case");
  if (status == -1) {
    QVERIFY2(!answer.complete && answer.status == 200, answer.error.c_str());
  } else {
    QVERIFY2(answer.complete, answer.error.c_str());
    QCOMPARE(static_cast<int>(answer.status), status);
  }
  QCOMPARE(static_cast<int>(answer.interim.size()), hints);
  if (status == 200) QCOMPARE(answer.body, std::string(kCaseBody));
  QVERIFY2(!has_foreign_bytes(answer.body), answer.body.c_str());

  for (int i = 1; i <= 3; ++i) {
    const std::string path = "/after/" + std::to_string(i);
    RawAnswer after = raw_get(node.port(), path);
    QVERIFY2(after.complete, (path + ": " + after.error).c_str());
    QCOMPARE(after.status, 200u);
    QCOMPARE(after.body, own_body(path));
  }
  RawAnswer again = raw_get(node.port(), "/case");
  QVERIFY2(!has_foreign_bytes(again.body), again.body.c_str());
  if (status == 200) QCOMPARE(again.body, std::string(kCaseBody));

  if (!kind.isEmpty()) {
    const auto& framing = node.upstream().counters().framing;
    std::uint64_t counted = 0;
    for (std::size_t k = 0; k < KindCounters<UpstreamFramingError>::kSize; ++k) {
      if (kind_name(static_cast<UpstreamFramingError>(k)) == kind.toStdString())
        counted = framing.get(static_cast<UpstreamFramingError>(k));
    }
    QVERIFY2(counted >= 1, qPrintable(QStringLiteral("%1 not counted").arg(kind)));
  }
}

void TestUpstreamFraming::early_hints_reach_the_client_before_the_response() {
  const std::string hint = "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n";
  ScriptedOrigin origin(script_for({.bytes = hint + ScriptedOrigin::response(kCaseBody, kCacheable)}));
  TestFleet fleet(1);
  auto& node = framing_node(fleet, origin.port());
  RawAnswer miss = raw_get(node.port(), "/case");
  QCOMPARE(miss.interim, std::vector<unsigned>{103});
  QCOMPARE(miss.interim_links.front(), std::string("</style.css>; rel=preload"));
  QCOMPARE(miss.status, 200u);
  // Hints are never stored: a hit has none.
  TestFleet::wait_until_stored(node, 1);
  RawAnswer hit = raw_get(node.port(), "/case");
  QVERIFY(hit.interim.empty());
  QCOMPARE(hit.body, std::string(kCaseBody));
  // An HTTP/1.0 client may not be sent a 1xx (RFC 9110 15.2).
  RawAnswer old = edgelab::test::raw_request(node.port(), "GET /other HTTP/1.0\r\nHost: www.example.com\r\n\r\n");
  QVERIFY(old.interim.empty());
}

void TestUpstreamFraming::an_idle_connection_that_turns_readable_is_dropped_at_once() {
  ScriptedOrigin origin([](const http::request<http::string_body>& request) {
    return ScriptedReply{.bytes = ScriptedOrigin::response(own_body(request.target()), "Cache-Control: no-store\r\n"),
                         .idle_after = std::chrono::milliseconds(100),
                         .idle_bytes = "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nPOISON"};
  });
  TestFleet fleet(1);
  auto& node = framing_node(fleet, origin.port());
  QCOMPARE(raw_get(node.port(), "/a").body, own_body("/a"));
  // Pooled once the exchange lets go of it, which can be just after the client has its answer.
  QTRY_COMPARE_WITH_TIMEOUT(node.upstream().idle_count(), 1u, 2000);
  QTRY_COMPARE_WITH_TIMEOUT(node.upstream().idle_count(), 0u, 2000);
  QCOMPARE(node.upstream().counters().framing.get(UpstreamFramingError::idle_data), 1u);
  QCOMPARE(raw_get(node.port(), "/b").body, own_body("/b"));
}

void TestUpstreamFraming::an_idle_connection_closed_by_the_origin_is_dropped_at_once() {
  ScriptedOrigin origin([](const http::request<http::string_body>& request) {
    return ScriptedReply{.bytes = ScriptedOrigin::response(own_body(request.target()), "Cache-Control: no-store\r\n"),
                         .idle_after = std::chrono::milliseconds(100),
                         .idle_close = true};
  });
  TestFleet fleet(1);
  auto& node = framing_node(fleet, origin.port());
  QCOMPARE(raw_get(node.port(), "/a").body, own_body("/a"));
  QTRY_COMPARE_WITH_TIMEOUT(node.upstream().idle_count(), 1u, 2000);
  QTRY_COMPARE_WITH_TIMEOUT(node.upstream().idle_count(), 0u, 2000);
  QCOMPARE(node.upstream().counters().idle_closed.load(), 1u);
  // Not a framing error: origins close idle keep-alive connections all the time.
  QCOMPARE(node.upstream().counters().framing.total(), 0u);
  // The next request opens a fresh connection instead of failing and retrying.
  QCOMPARE(raw_get(node.port(), "/b").body, own_body("/b"));
  QCOMPARE(node.upstream().counters().retries.load(), 0u);
}

void TestUpstreamFraming::framing_errors_are_in_metrics_and_events() {
  ScriptedOrigin origin(script_for({.bytes = "HTTP/1.1 200 OK\r\nContent-Length: 9\r\nContent-Length: 15\r\n\r\nx"}));
  TestFleet fleet(1);
  auto& node = framing_node(fleet, origin.port());
  for (int i = 0; i < 3; ++i) QCOMPARE(raw_get(node.port(), "/case").status, 502u);
  const std::string metrics = node.prometheus_text();
  QVERIFY2(metrics.find("edgelab_upstream_framing_errors_total{node=\"paris\",kind=\"multiple_content_length\"} 3") !=
               std::string::npos,
           metrics.c_str());
  QVERIFY(metrics.find("edgelab_upstream_framing_errors_total{node=\"paris\",kind=\"bad_chunk\"} 0") !=
          std::string::npos);
  // Published, but thinned: three in a second are one event.
  int published = 0;
  for (const auto& e : node_events(fleet, node)) {
    if (e.type != "upstream_framing_error") continue;
    ++published;
    QCOMPARE(std::string(e.data.at("kind").as_string()), std::string("multiple_content_length"));
    QVERIFY(std::string(e.data.at("upstream").as_string()).find("127.0.0.1:") == 0);
  }
  QCOMPARE(published, 1);
  const auto stats = boost::json::parse(node.stats_json()).as_object();
  QCOMPARE(stats.at("upstream_framing_errors").as_object().at("multiple_content_length").as_int64(), 3);
}

// Beast ends a message whose fields say chunked with a last chunk even when it
// has no body; after a HEAD answer or a 204 the client would read those bytes
// as the start of its next response.
void TestUpstreamFraming::answers_without_a_body_get_no_chunk_terminator() {
  ScriptedOrigin origin([](const http::request<http::string_body>& request) {
    if (request.target() == "/no-content")
      return ScriptedReply{.bytes = "HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"};
    return ScriptedReply{
        .bytes =
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nCache-Control: no-store\r\n\r\n5\r\nhello\r\n0\r\n\r\n"};
  });
  TestFleet fleet(1);
  auto& node = framing_node(fleet, origin.port());
  for (const char* request : {"HEAD /chunky HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                              "GET /no-content HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"}) {
    const std::string bytes = edgelab::test::raw_until_close(node.port(), request);
    const auto end = bytes.find("\r\n\r\n");
    QVERIFY2(end != std::string::npos, bytes.c_str());
    QVERIFY2(end + 4 == bytes.size(), ("bytes after a bodiless answer: " + bytes.substr(end + 4)).c_str());
  }
}

void TestUpstreamFraming::chunked_answers_reach_http10_clients_unchunked() {
  ScriptedOrigin origin([](const http::request<http::string_body>&) {
    return ScriptedReply{
        .bytes =
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nCache-Control: no-store\r\n\r\n5\r\nhello\r\n0\r\n\r\n"};
  });
  TestFleet fleet(1);
  auto& node = framing_node(fleet, origin.port());
  const std::string bytes = edgelab::test::raw_until_close(node.port(), "GET /c HTTP/1.0\r\nHost: x\r\n\r\n");
  QVERIFY2(bytes.find("Transfer-Encoding") == std::string::npos, bytes.c_str());
  QVERIFY2(bytes.size() > 5 && bytes.substr(bytes.size() - 5) == "hello", bytes.c_str());
}

void TestUpstreamFraming::bytes_after_the_body_keep_it_out_of_the_cache() {
  ScriptedOrigin origin(script_for({.bytes = ScriptedOrigin::response(kCaseBody, kCacheable) + "POISON"}));
  TestFleet fleet(1);
  auto& node = framing_node(fleet, origin.port());
  QCOMPARE(raw_get(node.port(), "/case").body, std::string(kCaseBody));
  QCOMPARE(raw_get(node.port(), "/case").body, std::string(kCaseBody));
  QCOMPARE(origin.requests(), 2u);  // asked twice: never stored
  QCOMPARE(node.l1().stats().objects, 0u);
  QVERIFY(node.upstream().counters().framing.get(UpstreamFramingError::trailing_bytes) >= 2);
}

QTEST_GUILESS_MAIN(TestUpstreamFraming)
#include "test_upstream_framing.moc"
