// The data-plane listener under hostile or unusual clients: oversized headers,
// slowloris, bad requests, the connection cap, keep-alive, graceful shutdown.
#include "support/test_fleet.hpp"

#include <QTest>

#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include <future>
#include <thread>

using namespace edgelab;
using edgelab::test::TestFleet;

namespace {

// Sends raw bytes and reads until the server closes or `timeout` passes.
std::string raw_exchange(std::uint16_t port, const std::string& bytes, std::chrono::milliseconds timeout) {
  net::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  net::write(socket, net::buffer(bytes));
  std::string received;
  std::array<char, 4096> buf{};
  std::function<void()> read_more = [&] {
    socket.async_read_some(net::buffer(buf), [&](boost::system::error_code ec, std::size_t n) {
      received.append(buf.data(), n);
      if (!ec) read_more();
    });
  };
  read_more();
  ioc.run_for(timeout);
  return received;
}

}  // namespace

class TestServerLimits : public QObject {
  Q_OBJECT
 private slots:
  void oversized_header_gets_431();
  void oversized_body_gets_413();
  void malformed_request_gets_400();
  void request_without_host_gets_400();
  void slowloris_is_cut_off_by_the_header_timeout();
  void connection_cap_refuses_extra_connections();
  void keep_alive_serves_many_requests_on_one_connection();
  void shutdown_finishes_in_flight_requests();
  void framing_refusals_data();
  void framing_refusals();
};

void TestServerLimits::oversized_header_gets_431() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  std::string req = "GET /obj/a HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n";
  auto answer = raw_exchange(node.port(), req, std::chrono::seconds(3));
  QVERIFY2(answer.rfind("HTTP/1.1 431", 0) == 0, answer.substr(0, 40).c_str());
}

void TestServerLimits::oversized_body_gets_413() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, [](NodeConfig& c) { c.limits.request_body_bytes = 1000; });
  std::string req = "POST /obj/a HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + std::string(5000, 'b');
  auto answer = raw_exchange(node.port(), req, std::chrono::seconds(3));
  QVERIFY2(answer.rfind("HTTP/1.1 413", 0) == 0, answer.substr(0, 40).c_str());
  QCOMPARE(fleet.origin().requests(), 0u);
}

void TestServerLimits::malformed_request_gets_400() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  auto answer = raw_exchange(node.port(), "GARBAGE\x01\x02 / HTTP/9\r\n\r\n", std::chrono::seconds(3));
  QVERIFY2(answer.rfind("HTTP/1.1 400", 0) == 0, answer.substr(0, 40).c_str());
  // The node keeps serving others.
  QCOMPARE(TestFleet::get(node.port(), "/obj/ok").result_int(), 200u);
}

void TestServerLimits::request_without_host_gets_400() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  auto answer = raw_exchange(node.port(), "GET /obj/a HTTP/1.1\r\nConnection: close\r\n\r\n", std::chrono::seconds(3));
  QVERIFY2(answer.rfind("HTTP/1.1 400", 0) == 0, answer.substr(0, 40).c_str());
}

void TestServerLimits::slowloris_is_cut_off_by_the_header_timeout() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, [](NodeConfig& c) {
    c.limits.header_timeout = std::chrono::milliseconds(400);
    c.admin = AdminConfig{{"127.0.0.1", 0}, ""};
  });
  // Half a request, then silence: the server must close the connection.
  net::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), node.port()));
  net::write(socket, net::buffer(std::string_view("GET /obj/a HTTP/1.1\r\nHost: x\r\nX-Slow: ")));
  std::array<char, 64> buf{};
  boost::system::error_code read_error;
  bool closed = false;
  socket.async_read_some(net::buffer(buf), [&](boost::system::error_code ec, std::size_t) {
    read_error = ec;
    closed = true;
  });
  ioc.run_for(std::chrono::seconds(5));
  QVERIFY2(closed, "the server kept a slowloris connection open");
  QVERIFY(read_error);
  // The stream's timer closes the socket just before the session counts it.
  std::string metrics;
  for (int i = 0; i < 50; ++i) {
    metrics = TestFleet::admin_get(node, "/metrics").body();
    if (metrics.find("edgelab_request_timeouts_total{node=\"paris\"} 1") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  QVERIFY2(metrics.find("edgelab_request_timeouts_total{node=\"paris\"} 1") != std::string::npos, metrics.c_str());
}

void TestServerLimits::connection_cap_refuses_extra_connections() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, [](NodeConfig& c) { c.limits.max_connections = 3; });
  net::io_context ioc;
  std::vector<tcp::socket> held;
  for (int i = 0; i < 3; ++i) {
    held.emplace_back(ioc);
    held.back().connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), node.port()));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto refused = raw_exchange(node.port(), "GET /obj/a HTTP/1.1\r\nHost: x\r\n\r\n", std::chrono::seconds(2));
  QVERIFY(refused.empty());
  held.clear();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  QCOMPARE(TestFleet::get(node.port(), "/obj/a").result_int(), 200u);
}

void TestServerLimits::keep_alive_serves_many_requests_on_one_connection() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, [](NodeConfig& c) { c.admin = AdminConfig{{"127.0.0.1", 0}, ""}; });
  BlockingClient client(TestFleet::at(node.port()));
  for (int i = 0; i < 20; ++i) {
    auto res = client.get("/obj/k" + std::to_string(i % 3), {{"Host", "h"}});
    QVERIFY(res);
    QCOMPARE(res->result_int(), 200u);
  }
  auto metrics = TestFleet::admin_get(node, "/metrics").body();
  QVERIFY2(metrics.find("edgelab_connections_open{node=\"paris\"} 1") != std::string::npos, metrics.c_str());
}

void TestServerLimits::shutdown_finishes_in_flight_requests() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  const auto port = node.port();
  auto in_flight = std::async(std::launch::async, [port] { return TestFleet::get(port, "/obj/slow?delay_ms=600"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  std::promise<void> drained;
  node.shutdown([&drained] { drained.set_value(); });
  auto res = in_flight.get();
  QCOMPARE(res.result_int(), 200u);
  QVERIFY(drained.get_future().wait_for(std::chrono::seconds(5)) == std::future_status::ready);
  // No new connections after shutdown.
  net::io_context ioc;
  tcp::socket s(ioc);
  boost::system::error_code ec;
  s.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port), ec);
  QVERIFY(ec);
}

// RFC 9112's strictness on the client side: each refused request gets its own
// status, the connection is closed (what follows cannot be trusted to start a
// request), nothing reaches the origin, and the refusal is counted by kind.
void TestServerLimits::framing_refusals_data() {
  QTest::addColumn<QByteArray>("request");
  QTest::addColumn<QByteArray>("status_line");
  QTest::addColumn<QByteArray>("kind");
  auto row = [](const char* name, const std::string& request, const char* status, const char* kind) {
    QTest::newRow(name) << QByteArray::fromStdString(request) << QByteArray(status) << QByteArray(kind);
  };
  const std::string smuggled = "0\r\n\r\nGET /obj/smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
  row("Transfer-Encoding gzip", "POST /obj/a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n" + smuggled,
      "HTTP/1.1 400", "bad_transfer_encoding");
  row("Transfer-Encoding chunked, gzip",
      "POST /obj/a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n" + smuggled, "HTTP/1.1 400",
      "bad_transfer_encoding");
  row("Transfer-Encoding gzip, chunked",
      "POST /obj/a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n" + smuggled, "HTTP/1.1 501",
      "unsupported_transfer_encoding");
  row("Content-Length and Transfer-Encoding",
      "POST /obj/a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n" + smuggled,
      "HTTP/1.1 400", "bad_transfer_encoding");
  std::string many = "GET /obj/a HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 150; ++i) many += "X-H" + std::to_string(i) + ": v\r\n";
  row("150 header fields", many + "\r\n", "HTTP/1.1 431", "too_many_headers");
  std::string two_thousand = "GET /obj/a HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 2000; ++i) two_thousand += "a:b\r\n";
  row("2,000 header fields", two_thousand + "\r\n", "HTTP/1.1 431", "too_many_headers");
  row("9 KiB target", "GET /obj/" + std::string(9 * 1024, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 414",
      "uri_too_long");
  row("20 KiB target (past the header limit too)",
      "GET /obj/" + std::string(20 * 1024, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 414", "uri_too_long");
  row("20 KiB header field", "GET /obj/a HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n",
      "HTTP/1.1 431", "header_too_large");
  row("two Content-Lengths", "POST /obj/a HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
      "HTTP/1.1 400", "bad_content_length");
}

void TestServerLimits::framing_refusals() {
  QFETCH(QByteArray, request);
  QFETCH(QByteArray, status_line);
  QFETCH(QByteArray, kind);
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, [](NodeConfig& c) { c.admin = AdminConfig{{"127.0.0.1", 0}, ""}; });
  // raw_exchange reads until the server closes: an answer at all means it did.
  auto answer = raw_exchange(node.port(), request.toStdString(), std::chrono::seconds(3));
  QVERIFY2(answer.rfind(status_line.toStdString(), 0) == 0, answer.substr(0, 60).c_str());
  QVERIFY2(answer.find("Connection: close") != std::string::npos, answer.c_str());
  QVERIFY2(answer.find("HTTP/1.1", 8) == std::string::npos, "a second response: the rest was read as a request");
  QCOMPARE(fleet.origin().requests(), 0u);
  const std::string metrics = TestFleet::admin_get(node, "/metrics").body();
  const std::string series = "edgelab_bad_requests_total{node=\"paris\",kind=\"" + kind.toStdString() + "\"} 1";
  QVERIFY2(metrics.find(series) != std::string::npos, series.c_str());
  // The node keeps serving others.
  QCOMPARE(TestFleet::get(node.port(), "/obj/ok").result_int(), 200u);
}

QTEST_GUILESS_MAIN(TestServerLimits)
#include "test_server_limits.moc"
