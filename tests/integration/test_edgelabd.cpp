// The daemon as a user runs it: config errors, a node in front of an origin,
// graceful SIGTERM, and the small lab.
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <boost/json.hpp>

#include "http/blocking_client.hpp"
#include "support/daemon_process.hpp"

using namespace edgelab;
using edgelab::test::free_port;
using edgelab::test::wait_for_line;

namespace {
const QString kEdgelabd = QStringLiteral(EDGELABD_PATH);

}  // namespace

class TestEdgelabd : public QObject {
  Q_OBJECT
 private slots:
  void config_errors_name_the_key_and_exit_nonzero();
  void node_serves_and_stops_gracefully_on_sigterm();
  void lab_prints_what_it_served();
  void topology_lab_serves_for_ctl();
  void headless_lab_writes_its_report();
  void unknown_options_are_errors_that_name_them();
  void served_lab_answers_its_api();
};

void TestEdgelabd::config_errors_name_the_key_and_exit_nonzero() {
  QTemporaryDir dir;
  QFile f(dir.filePath(QStringLiteral("bad.json")));
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(
      "{\"name\":\"paris\",\"listen\":\"127.0.0.1:1\",\"upstream\":\"http://"
      "127.0.0.1:2\",\"l1\":{\"max_bytes\":\"lots\"}}");
  f.close();
  QProcess p;
  p.start(kEdgelabd, {QStringLiteral("node"), QStringLiteral("--config"), f.fileName()});
  QVERIFY(p.waitForFinished(10000));
  QCOMPARE(p.exitCode(), 1);
  QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("l1.max_bytes")));
}

void TestEdgelabd::node_serves_and_stops_gracefully_on_sigterm() {
  QTemporaryDir dir;
  const auto origin_port = free_port(), node_port = free_port();
  QProcess origin;
  origin.start(kEdgelabd,
               {QStringLiteral("origin"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(origin_port)});
  QString origin_out;
  QVERIFY(wait_for_line(origin, QStringLiteral("listening"), origin_out));
  QFile f(dir.filePath(QStringLiteral("paris.json")));
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(QStringLiteral(
              "{\"name\":\"paris\",\"listen\":\"127.0.0.1:%1\",\"upstream\":\"http://"
              "127.0.0.1:%2\",\"l1\":{\"max_bytes\":67108864},\"l2\":{\"path\":\"%3\",\"max_bytes\":1073741824}}")
              .arg(node_port)
              .arg(origin_port)
              .arg(dir.filePath(QStringLiteral("l2")))
              .toUtf8());
  f.close();
  QProcess node;
  node.start(kEdgelabd, {QStringLiteral("node"), QStringLiteral("--config"), f.fileName()});
  QString node_out;
  QVERIFY2(wait_for_line(node, QStringLiteral("listening"), node_out), qPrintable(node_out));
  BlockingClient client({"127.0.0.1", node_port});
  auto first = client.get("/obj/x?size=100", {{"Host", "h"}});
  auto second = client.get("/obj/x?size=100", {{"Host", "h"}});
  QVERIFY(first && second);
  QVERIFY(std::string((*second)["Cache-Status"]).find("paris; hit") != std::string::npos);
  node.terminate();  // SIGTERM
  QVERIFY(node.waitForFinished(10000));
  QCOMPARE(node.exitStatus(), QProcess::NormalExit);
  QCOMPARE(node.exitCode(), 0);
  origin.terminate();
  QVERIFY(origin.waitForFinished(10000));
  QVERIFY(QString::fromUtf8(origin.readAllStandardOutput()).contains(QStringLiteral("origin served 1 requests")));
}

void TestEdgelabd::lab_prints_what_it_served() {
  QProcess lab;
  lab.start(kEdgelabd,
            {QStringLiteral("lab"), QStringLiteral("--mini"), QStringLiteral("--objects"), QStringLiteral("10")});
  QVERIFY(lab.waitForFinished(60000));
  QCOMPARE(lab.exitCode(), 0);
  const QString out = QString::fromUtf8(lab.readAllStandardOutput());
  QVERIFY2(out.contains(QStringLiteral("origin requests: 10 ")), qPrintable(out));
  QVERIFY(out.contains(QStringLiteral("origin offload")));
}

void TestEdgelabd::topology_lab_serves_for_ctl() {
  QTemporaryDir dir;
  const QString nodes_file = dir.filePath(QStringLiteral("lab-nodes.json"));
  QProcess lab;
  lab.start(kEdgelabd, {QStringLiteral("lab"), QStringLiteral("--topology"), QStringLiteral("default"),
                        QStringLiteral("--serve"), QStringLiteral("--nodes-file"), nodes_file});
  QString out;
  QVERIFY2(wait_for_line(lab, QStringLiteral("serving"), out), qPrintable(out));
  QVERIFY(out.contains(QStringLiteral("edge-fr-central")) && out.contains(QStringLiteral("shield-eu-central-1")));
  QProcess ctl;
  ctl.start(kEdgelabd, {QStringLiteral("ctl"), QStringLiteral("--nodes"), nodes_file, QStringLiteral("status")});
  QVERIFY(ctl.waitForFinished(30000));
  const QString table = QString::fromUtf8(ctl.readAllStandardOutput());
  QVERIFY2(ctl.exitCode() == 0 && table.count(QStringLiteral("healthy")) == 15, qPrintable(table));
  lab.terminate();
  QVERIFY(lab.waitForFinished(10000));
  QCOMPARE(lab.exitCode(), 0);

  QProcess bad;
  bad.start(kEdgelabd, {QStringLiteral("lab"), QStringLiteral("--topology"), dir.filePath(QStringLiteral("none.json")),
                        QStringLiteral("--serve")});
  QVERIFY(bad.waitForFinished(10000));
  QCOMPARE(bad.exitCode(), 2);
  QVERIFY(QString::fromUtf8(bad.readAllStandardError()).contains(QStringLiteral("cannot read")));
}

void TestEdgelabd::headless_lab_writes_its_report() {
  QTemporaryDir dir;
  const QString report_file = dir.filePath(QStringLiteral("report.json"));
  const QString db_file = dir.filePath(QStringLiteral("runs.sqlite"));
  QProcess lab;
  lab.start(kEdgelabd, {QStringLiteral("lab"), QStringLiteral("--duration"), QStringLiteral("2"),
                        QStringLiteral("--rps"), QStringLiteral("150"), QStringLiteral("--objects"),
                        QStringLiteral("50"), QStringLiteral("--report"), report_file, QStringLiteral("--run-db"),
                        db_file, QStringLiteral("--fault"), QStringLiteral("1:origin-slow:20")});
  QVERIFY(lab.waitForFinished(60000));
  const QString out = QString::fromUtf8(lab.readAllStandardOutput());
  QVERIFY2(lab.exitCode() == 0, qPrintable(out + QString::fromUtf8(lab.readAllStandardError())));
  for (const char* words : {"served by", "L1 hit", "shield hit", "origin", "offload", "over its last 10 s",
                            "per second", "origin_slow origin", "(run 1)"})
    QVERIFY2(out.contains(QString::fromUtf8(words)), words);
  QFile f(report_file);
  QVERIFY(f.open(QIODevice::ReadOnly));
  boost::system::error_code ec;
  auto report = boost::json::parse(f.readAll().toStdString(), ec);
  QVERIFY(!ec);
  QCOMPARE(report.at("requests").to_number<int>(), 300);
  QCOMPARE(report.at("topology").as_string(), "default");
  for (const char* tier : {"l1_hit", "l2_hit", "shield_hit", "origin", "error"})
    QVERIFY(report.at("tiers").as_object().contains(tier));
  QVERIFY(report.at("origin").at("offload").to_number<double>() > 0);
  // Offload over the last 10 s and per second, beside the run's (a cold start alone misleads).
  QVERIFY(report.at("origin").at("offload_10s").is_number());
  const auto& seconds = report.at("seconds").as_array();
  QVERIFY(seconds.size() >= 2);
  std::uint64_t sent = 0, at_origin = 0;
  for (const auto& s : seconds) {
    sent += s.at("requests").to_number<std::uint64_t>();
    at_origin += s.at("origin_requests").to_number<std::uint64_t>();
    QVERIFY(s.as_object().contains("offload"));
  }
  QCOMPARE(sent, 300u);
  QCOMPARE(at_origin, report.at("origin").at("requests").to_number<std::uint64_t>());
  QCOMPARE(report.at("pops").as_array().size(), 12u);
  // The fault, logged; health changes may come too (checks slow down on a busy machine).
  int faults = 0;
  for (const auto& e : report.at("events").as_array())
    if (e.at("what").as_string() != "health") ++faults;
  QCOMPARE(faults, 1);
  QProcess runs;
  runs.start(kEdgelabd, {QStringLiteral("lab"), QStringLiteral("--runs"), db_file});
  QVERIFY(runs.waitForFinished(10000));
  const QString listing = QString::fromUtf8(runs.readAllStandardOutput());
  QVERIFY2(runs.exitCode() == 0 && listing.contains(QStringLiteral("1 run(s)")) &&
               listing.contains(QStringLiteral("default   300")),
           qPrintable(listing));

  // Bad settings: a clear error and exit status 2, before anything starts.
  const QList<QStringList> bad_runs = {
      {QStringLiteral("--rps"), QStringLiteral("fast")},
      {QStringLiteral("--duration"), QStringLiteral("-3")},
      {QStringLiteral("--mix"), QStringLiteral("1,2")},
      {QStringLiteral("--fault"), QStringLiteral("1:explode")},
      {QStringLiteral("--fault"), QStringLiteral("soon:kill:edge-fr-central")},
  };
  for (const auto& extra : bad_runs) {
    QProcess bad;
    bad.start(kEdgelabd, QStringList{QStringLiteral("lab")} + extra);
    QVERIFY(bad.waitForFinished(10000));
    const QString err = QString::fromUtf8(bad.readAllStandardError());
    QVERIFY2(bad.exitCode() == 2 && err.contains(QStringLiteral("edgelabd lab:")), qPrintable(extra.join(u' ') + err));
  }
  QProcess unknown_node;
  unknown_node.start(kEdgelabd, {QStringLiteral("lab"), QStringLiteral("--duration"), QStringLiteral("1"),
                                 QStringLiteral("--fault"), QStringLiteral("0.5:kill:edge-atlantis")});
  QVERIFY(unknown_node.waitForFinished(20000));
  QCOMPARE(unknown_node.exitCode(), 1);
  QVERIFY(QString::fromUtf8(unknown_node.readAllStandardError()).contains(QStringLiteral("no node \"edge-atlantis\"")));
}

void TestEdgelabd::unknown_options_are_errors_that_name_them() {
  const QList<QPair<QStringList, QString>> cases = {
      {{"lab", "--frob"}, "edgelabd lab: unknown option --frob"},
      {{"lab", "--serve", "--frob", "1"}, "edgelabd lab: unknown option --frob"},
      {{"lab", "--rps"}, "edgelabd lab: option --rps needs a value"},
      {{"lab", "--topology", "--serve"}, "edgelabd lab: option --topology needs a value"},
      {{"lab", "--mini", "--edge", "2"}, "edgelabd lab: unknown option --edge"},
      {{"lab", "extra"}, "edgelabd lab: unexpected argument \"extra\""},
      {{"node", "--config", "x.json", "--verbose"}, "edgelabd node: unknown option --verbose"},
      {{"node", "--config"}, "edgelabd node: option --config needs a value"},
      {{"origin", "--port", "1"}, "edgelabd origin: unknown option --port"},
      {{"origin", "--threads", "many"}, "edgelabd origin: --threads"},
      {{"ctl", "--nodes", "n.json", "--frob", "status"}, "edgelabd ctl: unknown option --frob"},
      {{"ctl", "--nodes", "n.json", "purge", "--tag"}, "edgelabd ctl: option --tag needs a value"},
      {{"lab", "--api-listen", "127.0.0.1:0"}, "--serve"},
      {{"lab", "--serve", "--api-listen", "nowhere"}, "--api-listen"},
      {{"lab", "--serve", "--fault", "1:origin-down"}, "/lab/v1/faults"},
  };
  for (const auto& [args, message] : cases) {
    QProcess p;
    p.start(kEdgelabd, args);
    QVERIFY(p.waitForFinished(10000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(p.exitCode() == 2 && err.contains(message), qPrintable(args.join(u' ') + " -> " + err));
    QVERIFY2(!QString::fromUtf8(p.readAllStandardOutput()).contains(QStringLiteral("nodes and the origin")),
             qPrintable(args.join(u' ')));
  }
}

void TestEdgelabd::served_lab_answers_its_api() {
  QTemporaryDir dir;
  const QString token_file = dir.filePath(QStringLiteral("lab-api.token"));
  QProcess lab;
  lab.start(kEdgelabd, {QStringLiteral("lab"), QStringLiteral("--serve"), QStringLiteral("--rps"), QStringLiteral("20"),
                        QStringLiteral("--api-listen"), QStringLiteral("127.0.0.1:0"),
                        QStringLiteral("--api-token-file"), token_file});
  QString out;
  QVERIFY2(wait_for_line(lab, QStringLiteral("serving"), out), qPrintable(out));
  // "lab API: http://127.0.0.1:PORT  token file: FILE"
  const auto at = out.indexOf(QStringLiteral("lab API: http://127.0.0.1:"));
  QVERIFY2(at >= 0 && out.contains(QStringLiteral("token file: ") + token_file), qPrintable(out));
  const auto port_text = out.mid(at + 26).section(u' ', 0, 0).trimmed();
  bool ok = false;
  const auto port = static_cast<std::uint16_t>(port_text.toUInt(&ok));
  QVERIFY2(ok && port > 0, qPrintable(port_text));
  QFile f(token_file);
  QVERIFY(f.open(QIODevice::ReadOnly));
  QCOMPARE(f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
  const std::string token = f.readAll().trimmed().toStdString();

  BlockingClient client({"127.0.0.1", port});
  auto refused = client.get("/lab/v1/topology");
  QVERIFY(refused);
  QCOMPARE(refused->result_int(), 401u);
  auto topology = client.get("/lab/v1/topology", {{"Authorization", "Bearer " + token}});
  QVERIFY(topology);
  QCOMPARE(topology->result_int(), 200u);
  boost::system::error_code ec;
  auto body = boost::json::parse(topology->body(), ec);
  QVERIFY(!ec);
  QCOMPARE(body.at("nodes").as_array().size(), 15u);
  auto traffic = client.get("/lab/v1/traffic", {{"Authorization", "Bearer " + token}});
  QVERIFY(traffic && traffic->body().find("\"running\":true") != std::string::npos);
  client.close();
  lab.terminate();
  QVERIFY(lab.waitForFinished(15000));
  QCOMPARE(lab.exitCode(), 0);
  QVERIFY(QString::fromUtf8(lab.readAllStandardOutput()).contains(QStringLiteral("origin offload")));
}

QTEST_GUILESS_MAIN(TestEdgelabd)
#include "test_edgelabd.moc"
