// The admin API's authentication and read endpoints, over real sockets.
#include "admin/admin_token.hpp"
#include "support/test_fleet.hpp"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <boost/json.hpp>

#include <sys/stat.h>

using namespace edgelab;
using edgelab::test::TestFleet;

class TestAdminApi : public QObject {
  Q_OBJECT
 private slots:
  void auth_data();
  void auth();
  void health_needs_no_token();
  void status_describes_the_node();
  void stats_and_metrics_need_the_token();
  void stats_give_each_tier_its_limit();
  void metrics_have_one_header_per_family();
  void token_file_is_created_with_mode_0600();
  void existing_token_file_is_used();
  void unreadable_token_file_stops_the_node();
  void tokens_compare_only_when_equal();
};

void TestAdminApi::auth_data() {
  QTest::addColumn<QString>("header");
  QTest::addColumn<int>("status");
  QTest::newRow("no token") << "" << 401;
  QTest::newRow("wrong token") << "Bearer 0000000000000000000000000000000000000000000000000000000000000000" << 401;
  QTest::newRow("wrong scheme") << "Basic dXNlcjpwYXNz" << 401;
  QTest::newRow("right token") << "RIGHT" << 200;
}

void TestAdminApi::auth() {
  QFETCH(QString, header);
  QFETCH(int, status);
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, [](NodeConfig& c) { c.admin = AdminConfig{{"127.0.0.1", 0}, ""}; });
  std::string value = header == QStringLiteral("RIGHT") ? "Bearer " + node.admin_token() : header.toStdString();
  auto res = value.empty() ? TestFleet::get(node.admin_port(), "/admin/v1/status")
                           : TestFleet::get(node.admin_port(), "/admin/v1/status", {{"Authorization", value}});
  QCOMPARE(static_cast<int>(res.result_int()), status);
  QCOMPARE(std::string(res[http::field::content_type]), std::string("application/json"));
  if (status == 401) {
    QVERIFY(res.body().find("\"error\"") != std::string::npos);
    QCOMPARE(node.metrics().admin_auth_failures.load(), 1u);
  }
}

void TestAdminApi::health_needs_no_token() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, [](NodeConfig& c) { c.admin = AdminConfig{{"127.0.0.1", 0}, ""}; });
  QCOMPARE(TestFleet::get(node.admin_port(), "/health").result_int(), 200u);
}

void TestAdminApi::status_describes_the_node() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, [](NodeConfig& c) { c.admin = AdminConfig{{"127.0.0.1", 0}, ""}; });
  auto res = TestFleet::admin_get(node, "/admin/v1/status");
  QCOMPARE(res.result_int(), 200u);
  auto status = boost::json::parse(res.body()).as_object();
  QCOMPARE(std::string(status.at("name").as_string()), std::string("paris"));
  QVERIFY(status.at("uptime_s").is_int64());
  QVERIFY(status.contains("version"));
  QVERIFY(status.contains("last_purge_seq"));
  QCOMPARE(status.at("config").as_object().at("l1_max_bytes").to_number<std::uint64_t>(), 64ull << 20);
  QCOMPARE(TestFleet::admin_get(node, "/admin/v1/nothing").result_int(), 404u);
}

void TestAdminApi::stats_and_metrics_need_the_token() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, [](NodeConfig& c) { c.admin = AdminConfig{{"127.0.0.1", 0}, ""}; });
  TestFleet::get(node.port(), "/obj/s");
  QCOMPARE(TestFleet::get(node.admin_port(), "/metrics").result_int(), 401u);
  QCOMPARE(TestFleet::get(node.admin_port(), "/admin/v1/stats").result_int(), 401u);
  auto stats = boost::json::parse(TestFleet::admin_get(node, "/admin/v1/stats").body()).as_object();
  QCOMPARE(stats.at("counters").as_object().at("misses").to_number<std::uint64_t>(), 1u);
  auto metrics = TestFleet::admin_get(node, "/metrics").body();
  QVERIFY(metrics.find("edgelab_admin_auth_failures_total{node=\"paris\"} 2") != std::string::npos);
}

void TestAdminApi::stats_give_each_tier_its_limit() {
  TestFleet fleet;
  fleet.start_origin();
  const std::string dir = fleet.temp_path(QStringLiteral("paris-l2")).toStdString();
  auto& node = fleet.start_node("paris", 0, [dir](NodeConfig& c) {
    c.admin = AdminConfig{{"127.0.0.1", 0}, ""};
    c.l1_max_bytes = 3ull << 20;
    c.l2 = DiskTierConfig{dir, 24ull << 20};
  });
  TestFleet::get(node.port(), "/obj/s?ttl=60");
  TestFleet::wait_until_stored(node, 1);
  auto stats = boost::json::parse(TestFleet::admin_get(node, "/admin/v1/stats").body()).as_object();
  QCOMPARE(stats.at("l1").at("max_bytes").to_number<std::uint64_t>(), 3ull << 20);
  const auto& l2 = stats.at("l2").as_object();
  QCOMPARE(l2.at("max_bytes").to_number<std::uint64_t>(), 24ull << 20);
  QCOMPARE(l2.at("objects").to_number<std::uint64_t>(), 1u);
  for (const char* key : {"bytes", "evictions", "corrupt"}) QVERIFY2(l2.contains(key), key);
}

// The text format allows one HELP and one TYPE line per family, its samples
// right after them: Prometheus refuses a scrape with a second header.
void TestAdminApi::metrics_have_one_header_per_family() {
  TestFleet fleet;
  fleet.start_origin();
  const std::string dir = fleet.temp_path(QStringLiteral("paris-l2")).toStdString();
  auto& node = fleet.start_node("paris", 0, [dir](NodeConfig& c) {
    c.admin = AdminConfig{{"127.0.0.1", 0}, ""};
    c.l2 = DiskTierConfig{dir, 16ull << 20};
  });
  TestFleet::get(node.port(), "/obj/s");
  const QString metrics = QString::fromStdString(TestFleet::admin_get(node, "/metrics").body());
  QSet<QString> seen;
  QString family;
  for (const QString& line : metrics.split('\n', Qt::SkipEmptyParts)) {
    if (line.startsWith("# TYPE ")) {
      family = line.section(' ', 2, 2);
      QVERIFY2(!seen.contains(family), qPrintable("a second TYPE line for " + family));
      seen.insert(family);
    } else if (!line.startsWith('#')) {
      const QString name = line.section(QRegularExpression("[{ ]"), 0, 0);
      // Histograms' samples carry _bucket/_sum/_count after the family's name.
      QVERIFY2(name == family || name.startsWith(family + "_"), qPrintable(line + " outside its family " + family));
    }
  }
  QVERIFY(seen.contains("edgelab_cache_bytes"));
  QVERIFY(metrics.contains("edgelab_cache_bytes{node=\"paris\",tier=\"L2\"}"));
}

void TestAdminApi::token_file_is_created_with_mode_0600() {
  TestFleet fleet;
  fleet.start_origin();
  const std::string file = fleet.temp_path(QStringLiteral("paris.token")).toStdString();
  auto& node = fleet.start_node("paris", 0, [file](NodeConfig& c) { c.admin = AdminConfig{{"127.0.0.1", 0}, file}; });
  struct stat st {};
  QCOMPARE(::stat(file.c_str(), &st), 0);
  QCOMPARE(st.st_mode & 0777, 0600u);
  QFile f(QString::fromStdString(file));
  QVERIFY(f.open(QIODevice::ReadOnly));
  const QByteArray text = f.readAll().trimmed();
  QCOMPARE(text.size(), 64);  // 256 bits in hex
  QCOMPARE(text.toStdString(), node.admin_token());
}

void TestAdminApi::existing_token_file_is_used() {
  TestFleet fleet;
  fleet.start_origin();
  const std::string file = fleet.temp_path(QStringLiteral("given.token")).toStdString();
  {
    QFile f(QString::fromStdString(file));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("operator-chosen-token-1234567890\n");
  }
  auto& node = fleet.start_node("paris", 0, [file](NodeConfig& c) { c.admin = AdminConfig{{"127.0.0.1", 0}, file}; });
  QCOMPARE(node.admin_token(), std::string("operator-chosen-token-1234567890"));
  auto res = TestFleet::get(node.admin_port(), "/admin/v1/status",
                            {{"Authorization", "Bearer operator-chosen-token-1234567890"}});
  QCOMPARE(res.result_int(), 200u);
}

void TestAdminApi::unreadable_token_file_stops_the_node() {
  net::io_context ioc;
  NodeConfig c;
  c.name = "paris";
  c.listen = {"127.0.0.1", 0};
  c.upstream = {"127.0.0.1", 1};
  c.admin = AdminConfig{{"127.0.0.1", 0}, "/proc/edgelab-no-such-dir/token"};
  std::string error;
  QVERIFY(!EdgeNode::create(ioc, c, error));
  QVERIFY2(error.find("admin.token_file") != std::string::npos, error.c_str());
}

void TestAdminApi::tokens_compare_only_when_equal() {
  QVERIFY(token_matches("abcdef0123456789", "abcdef0123456789"));
  QVERIFY(!token_matches("abcdef012345678", "abcdef0123456789"));
  QVERIFY(!token_matches("abcdef0123456780", "abcdef0123456789"));
  QVERIFY(!token_matches("", ""));
  QCOMPARE(generate_admin_token().size(), 64u);
  QVERIFY(generate_admin_token() != generate_admin_token());
}

QTEST_GUILESS_MAIN(TestAdminApi)
#include "test_admin_api.moc"
