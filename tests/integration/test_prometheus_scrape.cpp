// /metrics as Prometheus itself reads it: promtool's lint finds nothing, and a
// real Prometheus server on loopback scrapes two nodes with bearer_token_file
// and answers a rate and a histogram_quantile over both correctly.
#include "support/script_admin.hpp"
#include "support/test_fleet.hpp"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QUrl>

#include <boost/json.hpp>

#include <chrono>
#include <cmath>
#include <map>
#include <thread>

using namespace edgelab;
using edgelab::test::TestFleet;

namespace {

QString tool(const char* name) { return QStandardPaths::findExecutable(QString::fromLatin1(name)); }

// A port free a moment ago (Prometheus binds it itself; nothing else here takes ports at random).
std::uint16_t free_loopback_port() {
  net::io_context ioc;
  net::ip::tcp::acceptor probe(ioc, {net::ip::make_address("127.0.0.1"), 0});
  return probe.local_endpoint().port();
}

void write_file(const QString& path, const std::string& text) {
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
  file.write(text.data(), qint64(text.size()));
}

// An instant query's vector: the first sample's value (NaN when the vector is empty).
double query(std::uint16_t port, const std::string& promql, std::string* raw = nullptr) {
  const QByteArray encoded = QUrl::toPercentEncoding(QString::fromStdString(promql));
  auto res = TestFleet::get(port, "/api/v1/query?query=" + encoded.toStdString());
  if (raw) *raw = res.body();
  boost::system::error_code ec;
  auto doc = boost::json::parse(res.body(), ec);
  if (ec || !doc.is_object()) return std::nan("");
  const auto* data = doc.as_object().if_contains("data");
  if (!data || !data->is_object()) return std::nan("");
  const auto* result = data->as_object().if_contains("result");
  if (!result || !result->is_array() || result->as_array().empty()) return std::nan("");
  const auto* value = result->as_array()[0].as_object().if_contains("value");  // absent in a matrix
  if (!value || !value->is_array() || value->as_array().size() != 2) return std::nan("");
  return std::stod(std::string(value->as_array()[1].as_string()));
}

// (le, cumulative count) of a histogram family summed over the given /metrics texts.
std::vector<std::pair<double, double>> summed_buckets(const std::vector<std::string>& texts, const std::string& family) {
  std::map<double, double> sums;
  const std::string prefix = family + "_bucket{";
  for (const std::string& text : texts) {
    std::size_t at = 0;
    while ((at = text.find(prefix, at)) != std::string::npos) {
      const std::size_t le = text.find("le=\"", at) + 4;
      const std::size_t le_end = text.find('"', le);
      const std::size_t value = text.find("} ", le_end) + 2;
      const std::string bound = text.substr(le, le_end - le);
      sums[bound == "+Inf" ? INFINITY : std::stod(bound)] += std::stod(text.substr(value, text.find('\n', value) - value));
      at = value;
    }
  }
  return {sums.begin(), sums.end()};
}

// The bucket (lower, upper] that holds quantile q of cumulative buckets.
std::pair<double, double> bucket_of_quantile(const std::vector<std::pair<double, double>>& buckets, double q) {
  const double rank = q * buckets.back().second;
  double lower = 0;
  for (const auto& [le, count] : buckets) {
    if (count >= rank) return {lower, le};
    lower = le;
  }
  return {lower, INFINITY};
}

}  // namespace

class TestPrometheusScrape : public QObject {
  Q_OBJECT
 private slots:
  void promtool_finds_nothing_to_report();
  void a_prometheus_server_aggregates_two_nodes();
};

void TestPrometheusScrape::promtool_finds_nothing_to_report() {
  const QString promtool = tool("promtool");
  if (promtool.isEmpty()) QFAIL("promtool not found: scripts/install-deps.sh installs Debian's prometheus package");
  TestFleet fleet;
  fleet.start_origin();
  const std::string dir = fleet.temp_path(QStringLiteral("l2")).toStdString();
  // Every family present: an L2, a live script, requests, hits, misses and a refusal.
  auto& node = fleet.start_node("paris", 0, [dir](NodeConfig& c) {
    c.admin = AdminConfig{{"127.0.0.1", 0}, ""};
    c.l2 = DiskTierConfig{dir, 24ull << 20};
  });
  QCOMPARE(test::put_script(node, "function on_client_response(resp) resp.headers:set('X-A', '1') end\n").result_int(),
           200u);
  TestFleet::get(node.port(), "/obj/a?ttl=60");
  TestFleet::wait_until_stored(node, 1);
  TestFleet::get(node.port(), "/obj/a?ttl=60");
  TestFleet::send(node.port(), http::verb::get, "/obj/a", {}, {{"Content-Length", "x"}});
  const std::string metrics = TestFleet::admin_get(node, "/metrics").body();
  QVERIFY(metrics.find("edgelab_script_invocations_total") != std::string::npos);

  QProcess check;
  check.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
  QVERIFY(check.waitForStarted(10'000));
  check.write(metrics.data(), qint64(metrics.size()));
  check.closeWriteChannel();
  QVERIFY(check.waitForFinished(30'000));
  const QByteArray report = check.readAllStandardOutput() + check.readAllStandardError();
  QVERIFY2(check.exitCode() == 0 && report.trimmed().isEmpty(), (report + "\n" + metrics.c_str()).constData());
}

void TestPrometheusScrape::a_prometheus_server_aggregates_two_nodes() {
  const QString prometheus = tool("prometheus");
  if (prometheus.isEmpty()) QFAIL("prometheus not found: scripts/install-deps.sh installs Debian's prometheus package");
  TestFleet fleet;
  fleet.start_origin();
  auto admin = [](NodeConfig& c) { c.admin = AdminConfig{{"127.0.0.1", 0}, ""}; };
  auto& fast = fleet.start_node("fast", 0, admin);
  auto& slow = fleet.start_node("slow", 0, admin);

  // One job per node: each has its own token.
  std::string config = "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n";
  for (EdgeNode* node : {&fast, &slow}) {
    const QString token = fleet.temp_path(QString::fromStdString(node->name() + ".token"));
    write_file(token, node->admin_token());
    config += "  - job_name: " + node->name() + "\n    bearer_token_file: " + token.toStdString() +
              "\n    static_configs:\n      - targets: ['127.0.0.1:" + std::to_string(node->admin_port()) + "']\n";
  }
  write_file(fleet.temp_path(QStringLiteral("prometheus.yml")), config);
  const std::uint16_t port = free_loopback_port();
  QVERIFY(port != 0);
  QProcess server;
  server.setProcessChannelMode(QProcess::MergedChannels);
  server.start(prometheus, {QStringLiteral("--config.file=") + fleet.temp_path(QStringLiteral("prometheus.yml")),
                            QStringLiteral("--storage.tsdb.path=") + fleet.temp_path(QStringLiteral("tsdb")),
                            QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
                            QStringLiteral("--log.level=warn")});
  QVERIFY(server.waitForStarted(10'000));
  auto stop = qScopeGuard([&] {
    server.terminate();
    if (!server.waitForFinished(10'000)) server.kill();
    server.waitForFinished(5'000);
  });
  bool ready = false;
  for (int i = 0; i < 300 && !ready; ++i) {
    try {
      ready = TestFleet::get(port, "/-/ready").result_int() == 200;
    } catch (const std::exception&) {
    }
    if (!ready) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  QVERIFY2(ready, server.readAll().constData());
  // Targets are picked up a few seconds after start: the traffic begins once both have been scraped.
  double up = 0;
  for (int i = 0; i < 200 && up != 2; ++i) {
    up = query(port, "count(up == 1)");
    if (up != 2) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  QVERIFY2(up == 2, server.readAll().constData());

  // fast: 300 L1 hits (well under a millisecond); slow: 100 misses that wait 30 ms at the origin.
  TestFleet::get(fast.port(), "/obj/hot?ttl=600");
  TestFleet::wait_until_stored(fast, 1);
  int sent_fast = 1, sent_slow = 0;
  for (int round = 0; round < 100; ++round) {
    for (int i = 0; i < 3; ++i, ++sent_fast) TestFleet::get(fast.port(), "/obj/hot?ttl=600");
    TestFleet::get(slow.port(), "/obj/cold" + std::to_string(round) + "?delay_ms=30&cc=no-store");
    ++sent_slow;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  // Until both targets' last scrape holds every request (bounded: 15 s).
  const double total = sent_fast + sent_slow;
  double scraped = 0;
  for (int i = 0; i < 150 && scraped != total; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    scraped = query(port, "sum(edgelab_requests_total)");
  }
  QCOMPARE(scraped, total);

  // Every request was made within the last 30 s, so the 30 s rate is their number over 30 s (within
  // what Prometheus's extrapolation adds: up to half a scrape interval past the last sample).
  std::string raw;
  const double rate = query(port, "sum(rate(edgelab_requests_total[30s]))", &raw);
  std::string samples;
  query(port, "edgelab_requests_total[30s]", &samples);
  QVERIFY2(rate * 30 >= total * 0.9 && rate * 30 <= total * 1.3,
           (std::to_string(rate) + " " + raw + "\nsamples: " + samples).c_str());

  // The quantiles over both nodes fall in the buckets the two nodes' own buckets, summed, give.
  std::vector<std::string> texts = {TestFleet::admin_get(fast, "/metrics").body(),
                                    TestFleet::admin_get(slow, "/metrics").body()};
  const auto buckets = summed_buckets(texts, "edgelab_request_duration_seconds");
  QVERIFY(!buckets.empty());
  QCOMPARE(buckets.back().second, total);
  for (double q : {0.5, 0.9}) {
    const std::string promql = "histogram_quantile(" + std::to_string(q) +
                               ", sum by (le) (rate(edgelab_request_duration_seconds_bucket[30s])))";
    const double answer = query(port, promql, &raw);
    const auto [lower, upper] = bucket_of_quantile(buckets, q);
    QVERIFY2(answer >= lower && answer <= upper,
             (promql + " = " + std::to_string(answer) + ", expected in (" + std::to_string(lower) + ", " +
              std::to_string(upper) + "]: " + raw)
                 .c_str());
  }
  // Three quarters of the requests were sub-millisecond hits, a quarter waited 30 ms: p50 is fast, p90 slow.
  QVERIFY(query(port, "histogram_quantile(0.5, sum by (le) (rate(edgelab_request_duration_seconds_bucket[30s])))") <
          0.01);
  QVERIFY(query(port, "histogram_quantile(0.9, sum by (le) (rate(edgelab_request_duration_seconds_bucket[30s])))") >
          0.025);
}

QTEST_GUILESS_MAIN(TestPrometheusScrape)
#include "test_prometheus_scrape.moc"
