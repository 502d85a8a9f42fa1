// The Replay view on a real run database: two headless runs of the default lab
// written by edgelabd (as a user makes them), opened in the view, the newest
// played back; its per-second totals are checked against the database read by
// the engine's own RunDatabase; scrubbing sets the fleet table; two runs are
// compared; play runs to the end by itself.
#include "lab/run_database.hpp"
#include "models/fleet_model.hpp"
#include "models/run_comparison_model.hpp"
#include "models/run_replay.hpp"
#include "views/replay_widget.hpp"
#include "views/run_comparison_widget.hpp"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QComboBox>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace edgelab;
using namespace edgelab::console;

class TestReplay : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;
  QString db_;

  void runLab(const QStringList& extra) {
    QProcess lab;
    lab.setProcessChannelMode(QProcess::MergedChannels);
    lab.start(EDGELABD_PATH, QStringList{"lab", "--duration", "4", "--rps", "150", "--run-db", db_} + extra);
    QVERIFY(lab.waitForFinished(90000));
    // The end of the output says why (a sanitizer's report, the lab's own error).
    QVERIFY2(lab.exitStatus() == QProcess::NormalExit && lab.exitCode() == 0,
             qPrintable(QStringLiteral("exit %1: ").arg(lab.exitCode()) + QString::fromLocal8Bit(lab.readAll()).right(1500)));
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    db_ = dir_.filePath("runs.sqlite");
    runLab({"--fault", "2s:kill:edge-fr-central"});
    runLab({"--zipf", "1.2"});
  }

  void replayReproducesTheStoredSeconds() {
    ReplayWidget view;
    QAbstractItemModelTester tester(&view.replay()->fleet(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&view, &ReplayWidget::runLoaded);
    view.openDatabase(db_);
    QVERIFY(loaded.wait(15000));
    RunReplay& replay = *view.replay();
    QCOMPARE(replay.run()->summary.id, qint64(2));  // the newest
    QVERIFY(replay.duration() >= 4);
    QCOMPARE(replay.position(), replay.duration());  // shown whole

    // The same file through the engine's reader.
    std::string error;
    auto db = RunDatabase::open(db_.toStdString(), error);
    QVERIFY2(db, error.c_str());
    auto stored = db->load(2, error);
    QVERIFY2(stored, error.c_str());
    const auto& seconds = replay.history().seconds();
    QCOMPARE(int(seconds.size()), replay.duration());
    for (int s = 1; s <= replay.duration(); ++s) {
      // The users' requests are the PoPs'; the origin's are what reached it (its own row).
      double requests = 0, origin = 0;
      for (const auto& [node, rows] : stored->seconds)
        for (const auto& row : rows)
          if (int(row.second) == s) {
            if (node == "origin")
              origin = double(row.requests);
            else if (node.rfind("shield-", 0) != 0)
              requests += double(row.requests);
          }
      QCOMPARE(seconds[std::size_t(s - 1)].requests, requests);
      QCOMPARE(seconds[std::size_t(s - 1)].origin, origin);
    }
    QVERIFY(stored->seconds.count("origin"));
    QCOMPARE(replay.fleet().rowCount(), int(stored->seconds.size()) - 1);  // every node but the origin
    QCOMPARE(replay.fleet().rowOf("origin"), -1);

    // Scrubbing to a second sets each node's figures to that second.
    replay.setPosition(2);
    const QString node = QStringLiteral("edge-fr-central");
    double expected = 0;
    for (const auto& row : stored->seconds.at(node.toStdString()))
      if (row.second == 2) expected = double(row.requests);
    const int r = replay.fleet().rowOf(node);
    QCOMPARE(replay.fleet().index(r, 0).data(FleetModel::RateRole).toDouble(), expected);
    QCOMPARE(int(replay.history().seconds().size()), 2);
  }

  void killShowsInTheReplayedFleet() {
    ReplayWidget view;
    QSignalSpy loaded(&view, &ReplayWidget::runLoaded);
    view.openDatabase(db_);
    QVERIFY(loaded.wait(15000));
    auto* runs = view.findChild<QComboBox*>("replayRun");
    QVERIFY(runs);
    runs->setCurrentIndex(0);  // run 1, with the kill at 2 s
    emit runs->activated(0);
    QVERIFY(loaded.wait(15000));
    QCOMPARE(view.replay()->run()->summary.id, qint64(1));
    FleetModel& fleet = view.replay()->fleet();
    const int r = fleet.rowOf("edge-fr-central");
    view.replay()->setPosition(1);
    QCOMPARE(static_cast<Health>(fleet.index(r, 0).data(FleetModel::HealthRole).toInt()), Health::healthy);
    view.replay()->setPosition(view.replay()->duration());
    QCOMPARE(static_cast<Health>(fleet.index(r, 0).data(FleetModel::HealthRole).toInt()), Health::down);
  }

  void twoRunsSideBySide() {
    ReplayWidget view;
    QSignalSpy loaded(&view, &ReplayWidget::runLoaded);
    view.openDatabase(db_);
    QVERIFY(loaded.wait(15000));
    auto* compare = view.findChild<QComboBox*>("replayCompare");
    QVERIFY(compare);
    compare->setCurrentIndex(compare->findData(qint64(1)));
    emit compare->activated(compare->currentIndex());
    QTRY_COMPARE_WITH_TIMEOUT(view.comparison()->chart()->series().size(), 4, 15000);  // offload and p99 of each
    RunComparisonModel* figures = view.comparison()->model();
    QAbstractItemModelTester tester(figures, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(figures->rowCount(), 6);
    QVERIFY(figures->headerData(1, Qt::Horizontal).toString().contains("2"));
    QVERIFY(figures->headerData(2, Qt::Horizontal).toString().contains("1"));
    QVERIFY(!figures->index(0, 3).data().toString().isEmpty());
  }

  void playRunsToTheEnd() {
    ReplayWidget view;
    QSignalSpy loaded(&view, &ReplayWidget::runLoaded);
    view.openDatabase(db_);
    QVERIFY(loaded.wait(15000));
    RunReplay& replay = *view.replay();
    replay.setSpeed(16);
    replay.play();  // from the start again
    QVERIFY(replay.playing());
    QTRY_VERIFY_WITH_TIMEOUT(replay.position() > 0 && replay.position() < replay.duration(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(replay.position(), replay.duration(), 10000);
    QVERIFY(!replay.playing());
    QCOMPARE(int(replay.history().seconds().size()), replay.duration());
  }

  void aMissingFileSaysSo() {
    ReplayWidget view;
    view.openDatabase(dir_.filePath("nothing.sqlite"));
    QTRY_VERIFY_WITH_TIMEOUT(view.message().contains("no such file"), 5000);
    QFile junk(dir_.filePath("junk.sqlite"));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("this is not SQLite");
    junk.close();
    view.openDatabase(junk.fileName());
    QTRY_VERIFY_WITH_TIMEOUT(view.message().contains("Cannot read"), 5000);
    QVERIFY(!view.hasRun());
  }
};

QTEST_MAIN(TestReplay)
#include "test_replay.moc"
