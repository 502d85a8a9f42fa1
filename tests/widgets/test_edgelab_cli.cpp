// The edgelab executable as a user runs it: bad command lines exit 2 naming the
// problem; --connect nodes.json --screenshot DIR writes one PNG per main view
// of a window watching real nodes, then exits 0.
#include "support/test_fleet.hpp"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace edgelab;
using edgelab::test::TestFleet;

namespace {

struct Run {
  int exit_code = -1;
  QString out, err;
};

Run runConsole(const QStringList& arguments, int timeoutMs = 60000) {
  QProcess process;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert("QT_QPA_PLATFORM", "offscreen");
  env.insert("XDG_CONFIG_HOME", QDir::tempPath() + "/edgelab-cli-test-config");  // no saved layout or nodes
  env.insert("XDG_DATA_HOME", QDir::tempPath() + "/edgelab-cli-test-data");      // nor a purge journal
  process.setProcessEnvironment(env);
  process.start(EDGELAB_PATH, arguments);
  if (!process.waitForFinished(timeoutMs)) {
    process.kill();
    process.waitForFinished();
  }
  return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
          QString::fromLocal8Bit(process.readAllStandardOutput()),
          QString::fromLocal8Bit(process.readAllStandardError())};
}

}  // namespace

class TestEdgelabCli : public QObject {
  Q_OBJECT
 private slots:
  void badCommandLines_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");
    QTest::newRow("unknown option") << QStringList{"--frob"} << "--frob";
    QTest::newRow("unknown with value") << QStringList{"--colour=red"} << "--colour";
    QTest::newRow("stray argument") << QStringList{"nodes.json"} << "nodes.json";
    QTest::newRow("after alone") << QStringList{"--after", "3"} << "--screenshot";
    QTest::newRow("bad rps") << QStringList{"--rps", "fast"} << "--rps";
    QTest::newRow("stats interval too short") << QStringList{"--stats-interval-ms", "10"} << "--stats-interval-ms";
    QTest::newRow("lab without token") << QStringList{"--connect-lab", "http://127.0.0.1:1"} << "--token-file";
    QTest::newRow("missing nodes file") << QStringList{"--connect", "/nonexistent/nodes.json"}
                                        << "/nonexistent/nodes.json";
  }
  void badCommandLines() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    const Run run = runConsole(arguments);
    QCOMPARE(run.exit_code, 2);
    QVERIFY2(run.err.contains(named), qPrintable(run.err));
  }

  void badNodesFileNamesTheKey() {
    QTemporaryDir dir;
    QFile file(dir.filePath("nodes.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[{\"name\":\"a\",\"admin_url\":\"http://127.0.0.1:1\",\"token_file\":\"t\",\"colour\":\"red\"}]");
    file.close();
    const Run run = runConsole({"--connect", file.fileName()});
    QCOMPARE(run.exit_code, 2);
    QVERIFY2(run.err.contains("nodes[0]: unknown key \"colour\""), qPrintable(run.err));
  }

  void screenshotPerView() {
    TestFleet fleet;
    fleet.start_origin();
    QTemporaryDir dir;
    QString nodes = "[";
    for (auto [name, region] : {std::pair{"paris", "fr-central"}, {"tokyo", "ap-northeast-1"}}) {
      const QString token = dir.filePath(QString::fromLatin1(name) + ".token");
      auto& node = fleet.start_node(name, 0, [&](NodeConfig& c) {
        c.region = region;
        c.admin = AdminConfig{{"127.0.0.1", 0}, token.toStdString()};
      });
      if (nodes.size() > 1) nodes += ",";
      nodes += QString("{\"name\":\"%1\",\"admin_url\":\"http://127.0.0.1:%2\",\"token_file\":\"%3\"}")
                   .arg(QString::fromLatin1(name))
                   .arg(node.admin_port())
                   .arg(token);
    }
    nodes += "]";
    QFile file(dir.filePath("nodes.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(nodes.toUtf8());
    file.close();
    const QString shots = dir.filePath("shots");
    const Run run = runConsole({"--connect", file.fileName(), "--screenshot", shots, "--after", "1.5"});
    QVERIFY2(run.exit_code == 0, qPrintable(run.err));
    for (const char* view : {"map", "fleet", "lab", "events", "window"}) {
      const QString path = QDir(shots).filePath(QString::fromLatin1(view) + ".png");
      QVERIFY2(run.out.contains(path), qPrintable(run.out));
      const QImage image(path);
      QVERIFY2(!image.isNull(), qPrintable(path));
      QVERIFY2(image.width() > 100 && image.height() > 100, qPrintable(path));
    }
  }
};

QTEST_GUILESS_MAIN(TestEdgelabCli)
#include "test_edgelab_cli.moc"
