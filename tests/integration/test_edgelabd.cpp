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
  for (const char* words : {"served by", "L1 hit", "shield hit", "origin", "offload", "origin_slow origin", "(run 1)"})
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

QTEST_GUILESS_MAIN(TestEdgelabd)
#include "test_edgelabd.moc"
