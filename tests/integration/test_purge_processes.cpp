// Purges with real edgelabd processes: an acknowledged purge survives kill -9
// and a restart; `edgelabd ctl` purges a fleet, fails loudly when a node is
// down, and catches the node up when it returns.
#include "http/blocking_client.hpp"
#include "support/daemon_process.hpp"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <boost/json.hpp>

#include <memory>

using namespace edgelab;
using edgelab::test::free_port;
using edgelab::test::wait_for_line;
namespace json = boost::json;

namespace {

const QString kEdgelabd = QStringLiteral(EDGELABD_PATH);

// One edgelabd node with L2 and an admin listener, restartable on the same ports.
struct NodeProcess {
  QString name;
  QString config_path;
  QString token_path;
  std::uint16_t port = free_port();
  std::uint16_t admin_port = free_port();
  std::unique_ptr<QProcess> process;

  NodeProcess(const QTemporaryDir& dir, const QString& node_name, std::uint16_t upstream_port) : name(node_name) {
    config_path = dir.filePath(name + QStringLiteral(".json"));
    token_path = dir.filePath(name + QStringLiteral(".token"));
    QFile f(config_path);
    f.open(QIODevice::WriteOnly);
    f.write(QStringLiteral("{\"name\":\"%1\",\"listen\":\"127.0.0.1:%2\",\"upstream\":\"http://127.0.0.1:%3\","
                           "\"l2\":{\"path\":\"%4\"},\"admin\":{\"listen\":\"127.0.0.1:%5\",\"token_file\":\"%6\"}}")
                .arg(name)
                .arg(port)
                .arg(upstream_port)
                .arg(dir.filePath(name + QStringLiteral("-l2")))
                .arg(admin_port)
                .arg(token_path)
                .toUtf8());
  }
  bool start() {
    process = std::make_unique<QProcess>();
    process->start(kEdgelabd, {QStringLiteral("node"), QStringLiteral("--config"), config_path});
    QString out;
    return wait_for_line(*process, QStringLiteral("listening"), out);
  }
  void kill9() {
    process->kill();  // SIGKILL: no shutdown path runs
    process->waitForFinished(5000);
  }
  std::string token() const {
    QFile f(token_path);
    f.open(QIODevice::ReadOnly);
    return QString::fromUtf8(f.readAll()).trimmed().toStdString();
  }
  std::string cache_status(const std::string& target) const {
    BlockingClient client({"127.0.0.1", port});
    auto res = client.get(target, {{"Host", "www.test.example"}});
    return res ? std::string((*res)["Cache-Status"]) : "client error";
  }
  boost::system::result<Response> admin(http::verb method, const std::string& target, const std::string& body = {}) {
    BlockingClient client({"127.0.0.1", admin_port});
    Request req{method, target, 11};
    req.set(http::field::host, "127.0.0.1");
    req.set(http::field::authorization, "Bearer " + token());
    if (!body.empty()) {
      req.body() = body;
      req.prepare_payload();
    }
    return client.request(std::move(req));
  }
};

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

struct CtlResult {
  int exit_code = -1;
  QString out;
};

CtlResult ctl(const QString& nodes_file, const QStringList& command) {
  QProcess p;
  p.start(kEdgelabd, QStringList{QStringLiteral("ctl"), QStringLiteral("--nodes"), nodes_file} + command);
  p.waitForFinished(30000);
  return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()) + QString::fromUtf8(p.readAllStandardError())};
}

}  // namespace

class TestPurgeProcesses : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase();
  void cleanupTestCase();
  void acknowledged_purge_survives_kill_9_data();
  void acknowledged_purge_survives_kill_9();
  void ctl_purges_a_fleet_and_catches_up_a_node_that_was_down();
  void ctl_refuses_bad_usage();

 private:
  QTemporaryDir dir_;
  QProcess origin_;
  std::uint16_t origin_port_ = 0;
};

void TestPurgeProcesses::initTestCase() {
  origin_port_ = free_port();
  origin_.start(kEdgelabd, {QStringLiteral("origin"), QStringLiteral("--listen"),
                            QStringLiteral("127.0.0.1:%1").arg(origin_port_)});
  QString out;
  QVERIFY(wait_for_line(origin_, QStringLiteral("listening"), out));
}

void TestPurgeProcesses::cleanupTestCase() {
  origin_.terminate();
  origin_.waitForFinished(10000);
}

void TestPurgeProcesses::acknowledged_purge_survives_kill_9_data() {
  QTest::addColumn<QString>("body");
  QTest::addColumn<QString>("after_restart");  // in Cache-Status of the purged object
  QTest::newRow("url") << "{\"kind\":\"url\",\"value\":\"http://www.test.example/obj/d?tags=x&ttl=300\"}"
                       << "fwd=uri-miss";
  QTest::newRow("tag") << "{\"kind\":\"tag\",\"value\":\"x\"}"
                       << "fwd=uri-miss";
  QTest::newRow("soft tag") << "{\"kind\":\"tag\",\"value\":\"x\",\"soft\":true}"
                            << "fwd=stale";
  QTest::newRow("prefix") << "{\"kind\":\"prefix\",\"value\":\"http://www.test.example/obj/d\"}"
                          << "fwd=uri-miss";
  QTest::newRow("all hard") << "{\"kind\":\"all\",\"soft\":false}"
                            << "fwd=uri-miss";
  QTest::newRow("all soft") << "{\"kind\":\"all\"}"
                            << "fwd=stale";
}

void TestPurgeProcesses::acknowledged_purge_survives_kill_9() {
  QFETCH(QString, body);
  QFETCH(QString, after_restart);
  QTemporaryDir dir;
  NodeProcess node(dir, QStringLiteral("paris"), origin_port_);
  QVERIFY(node.start());
  const std::string purged = "/obj/d?ttl=300&tags=x", kept = "/obj/keep?ttl=300";
  node.cache_status(purged);
  node.cache_status(kept);
  QTest::qWait(200);  // both stored on disk: L2 writes are asynchronous
  auto answer = node.admin(http::verb::post, "/admin/v1/purge", body.toStdString());
  QVERIFY(answer && answer->result_int() == 200);
  node.kill9();  // right after the acknowledgement

  QVERIFY(node.start());
  const std::string status = node.cache_status(purged);
  QVERIFY2(contains(status, after_restart.toStdString()), status.c_str());
  if (!body.contains(QStringLiteral("\"all\""))) {
    const std::string other = node.cache_status(kept);
    QVERIFY2(contains(other, "paris; hit; ttl=") && contains(other, "detail=L2"), other.c_str());
  }
  auto log = node.admin(http::verb::get, "/admin/v1/purges");
  QVERIFY(log && log->result_int() == 200);
  auto o = json::parse(log->body()).as_object();
  QCOMPARE(o.at("seq").to_number<int>(), 1);
  QCOMPARE(o.at("purges").as_array().size(), 1u);
  node.kill9();
}

void TestPurgeProcesses::ctl_purges_a_fleet_and_catches_up_a_node_that_was_down() {
  QTemporaryDir dir;
  NodeProcess shield(dir, QStringLiteral("shield"), origin_port_);
  QVERIFY(shield.start());
  NodeProcess edge1(dir, QStringLiteral("edge1"), shield.port), edge2(dir, QStringLiteral("edge2"), shield.port);
  QVERIFY(edge1.start() && edge2.start());
  const QString nodes_file = dir.filePath(QStringLiteral("nodes.json"));
  {
    QFile f(nodes_file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QString list;
    for (auto* n : {&shield, &edge1, &edge2})
      list += QStringLiteral(
                  "%1{\"name\":\"%2\",\"admin_url\":\"http://127.0.0.1:%3\",\"token_file\":\"%2.token\","
                  "\"role\":\"%4\"}")
                  .arg(list.isEmpty() ? QString() : QStringLiteral(","), n->name)
                  .arg(n->admin_port)
                  .arg(n == &shield ? QStringLiteral("shield") : QStringLiteral("edge"));
    f.write(QStringLiteral("[%1]").arg(list).toUtf8());
  }
  for (auto* n : {&edge1, &edge2}) n->cache_status("/obj/news?ttl=300&tags=news");

  auto first = ctl(nodes_file, {QStringLiteral("purge"), QStringLiteral("--tag"), QStringLiteral("news")});
  QVERIFY2(first.exit_code == 0, qPrintable(first.out));
  QVERIFY2(first.out.contains(QStringLiteral("3/3 verified evicted")), qPrintable(first.out));
  QVERIFY(contains(edge1.cache_status("/obj/news?ttl=300&tags=news"), "fwd=uri-miss"));

  // edge2 is down for the next purge: the run reports it and exits non-zero.
  edge2.cache_status("/obj/sports?ttl=300&tags=sports");
  edge2.kill9();
  auto second = ctl(nodes_file, {QStringLiteral("--json"), QStringLiteral("purge"), QStringLiteral("--tag"),
                                 QStringLiteral("sports")});
  QCOMPARE(second.exit_code, 1);
  auto report = json::parse(second.out.section(QLatin1Char('\n'), 0, 0).toStdString()).as_object();
  QCOMPARE(report.at("fleet_seq").to_number<int>(), 2);
  for (const auto& n : report.at("nodes").as_array()) {
    const bool down = n.at("name") == "edge2";
    QCOMPARE(std::string(n.at("state").as_string()), std::string(down ? "failed" : "acknowledged"));
    if (down) QVERIFY(!n.at("error").as_string().empty());
  }

  // Back up with its old L2 (the sports object still on disk): status replays the missed purge.
  QVERIFY(edge2.start());
  auto status = ctl(nodes_file, {QStringLiteral("status")});
  QVERIFY2(status.exit_code == 0, qPrintable(status.out));
  QVERIFY2(status.out.contains(QStringLiteral("2/2")), qPrintable(status.out));
  QVERIFY(contains(edge2.cache_status("/obj/sports?ttl=300&tags=sports"), "fwd=uri-miss"));
  auto stats = ctl(nodes_file, {QStringLiteral("stats")});
  QVERIFY2(stats.exit_code == 0 && stats.out.contains(QStringLiteral("hit ratio")), qPrintable(stats.out));
  for (auto* n : {&shield, &edge1, &edge2}) n->kill9();
}

void TestPurgeProcesses::ctl_refuses_bad_usage() {
  QTemporaryDir dir;
  const QString nodes_file = dir.filePath(QStringLiteral("nodes.json"));
  QFile f(nodes_file);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write("[{\"name\":\"a\",\"admin_url\":\"http://127.0.0.1:1\",\"token_file\":\"missing.token\"}]");
  f.close();
  auto missing_token = ctl(nodes_file, {QStringLiteral("status")});
  QCOMPARE(missing_token.exit_code, 2);
  QVERIFY2(missing_token.out.contains(QStringLiteral("token_file")), qPrintable(missing_token.out));
  auto two_kinds = ctl(nodes_file, {QStringLiteral("purge"), QStringLiteral("--tag"), QStringLiteral("a"),
                                    QStringLiteral("--url"), QStringLiteral("http://x/")});
  QCOMPARE(two_kinds.exit_code, 2);
  auto no_file = ctl(dir.filePath(QStringLiteral("none.json")), {QStringLiteral("stats")});
  QCOMPARE(no_file.exit_code, 2);
}

QTEST_GUILESS_MAIN(TestPurgeProcesses)
#include "test_purge_processes.moc"
