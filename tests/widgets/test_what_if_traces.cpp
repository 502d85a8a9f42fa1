// What-if and request traces against a real lab (the default topology in this
// process, users at a low rate): the what-if panel asks the lab's router for a
// user in Paris and a URL, and shows the PoP, shield and origin the router
// picks (the nearest PoP, its shield) with their delays, on the map too;
// sampled requests arrive in the requests table and one that went to the
// origin is followed through its tiers with Cache-Status decoded. The
// Cache-Status decoder is also fed malformed headers.
#include "lab/lab_service.hpp"
#include "map/world_map_view.hpp"
#include "models/cache_status.hpp"
#include "models/console_session.hpp"
#include "models/recent_requests_model.hpp"
#include "models/request_trace_model.hpp"
#include "models/what_if_model.hpp"
#include "views/main_window.hpp"
#include "views/request_trace_widget.hpp"
#include "views/what_if_widget.hpp"

#include <QAbstractItemModelTester>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace edgelab;
using namespace edgelab::console;

class TestWhatIfTraces : public QObject {
  Q_OBJECT

  std::unique_ptr<LabService> lab_;
  std::unique_ptr<ConsoleSession> session_;
  std::unique_ptr<MainWindow> window_;

  // EDGELAB_TEST_SHOTS=DIR: the window with the view in front, to look at (not checked).
  void shot(const QString& view) {
    const QString dir = qEnvironmentVariable("EDGELAB_TEST_SHOTS");
    if (dir.isEmpty()) return;
    window_->showView(view);
    QTest::qWait(300);
    window_->grab().save(dir + QStringLiteral("/") + view + QStringLiteral(".png"));
  }

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    LabServiceOptions options;
    options.topology = "default";
    options.rps = 40;
    options.resources = EDGELAB_RESOURCES;
    std::string error;
    lab_ = LabService::start(options, error);
    QVERIFY2(lab_, error.c_str());
    session_ = std::make_unique<ConsoleSession>();
    session_->connectLab(QUrl(QString::fromStdString(lab_->api_url())),
                         QString::fromStdString(lab_->api_token_file().string()));
    window_ = std::make_unique<MainWindow>(session_.get(), false);
    window_->resize(1366, 768);
    window_->show();
    new QAbstractItemModelTester(window_->whatIf()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 this);
    new QAbstractItemModelTester(window_->traces()->recent(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 this);
    new QAbstractItemModelTester(window_->traces()->trace(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 this);
    QTRY_COMPARE_WITH_TIMEOUT(session_->fleet().rowCount(), 15, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!session_->uplinks().isEmpty(), 10000);
  }

  void cleanupTestCase() {
    window_.reset();
    session_.reset();
    lab_.reset();
  }

  void whatIfFollowsTheRouter() {
    WhatIfWidget* w = window_->whatIf();
    const QString url = QStringLiteral("http://www.example.com/obj/what-if-test?size=100&ttl=600");
    w->ask(QStringLiteral("fr-central"), 0, 0, url);
    QTRY_VERIFY_WITH_TIMEOUT(w->model()->hops().size() >= 3, 10000);
    const auto& hops = w->model()->hops();
    // Paris's own PoP, then the Frankfurt shield the topology gives it ("auto": the nearest), then the origin.
    QCOMPARE(hops[1].node, QStringLiteral("edge-fr-central"));
    QCOMPARE(hops[2].node, QStringLiteral("shield-eu-central-1"));
    QCOMPARE(hops.back().node, QStringLiteral("origin"));
    for (std::size_t i = 1; i < hops.size(); ++i) QVERIFY2(hops[i].delay_ms > 0, qPrintable(hops[i].node));
    QVERIFY(hops.back().total_ms > hops[1].total_ms);
    // Nothing fetched it yet: no tier holds it, and the origin would answer.
    QVERIFY(hops[1].tiers.isEmpty());
    QCOMPARE(w->model()->answeredBy(), QStringLiteral("origin"));
    QVERIFY(w->summary().contains(QStringLiteral("edge-fr-central")));
    shot(QStringLiteral("whatif"));

  }

  void aPointPickedOnTheMapAsks() {
    WhatIfWidget* w = window_->whatIf();
    auto* pick = w->findChild<QPushButton*>(QStringLiteral("whatIfPick"));
    QVERIFY(pick);
    pick->setChecked(true);
    // Tokyo, as a click on the map would give it.
    emit window_->map()->locationClicked(35.7, 139.7);
    QTRY_VERIFY_WITH_TIMEOUT(w->model()->hops().size() >= 3 &&
                                 w->model()->hops()[1].node == QStringLiteral("edge-ap-northeast-1"),
                             10000);
    QVERIFY(!pick->isChecked());  // one pick per press
  }

  void aSampledRequestIsTraced() {
    RequestTraceWidget* traces = window_->traces();
    RecentRequestsModel* recent = traces->recent();
    // A request that went all the way: user -> PoP -> shield -> origin.
    auto findOrigin = [&] {
      for (int row = 0; row < recent->rowCount(); ++row)
        if (recent->sampleAt(row).value(QStringLiteral("tier")).toString() == QStringLiteral("origin") &&
            recent->sampleAt(row).value(QStringLiteral("status")).toInt() == 200)
          return row;
      return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(findOrigin() >= 0, 20000);
    const int row = findOrigin();
    const QJsonObject sample = recent->sampleAt(row);
    traces->showTrace(row);
    RequestTraceModel* trace = traces->trace();
    const auto& hops = trace->hops();
    QVERIFY2(hops.size() >= 3, qPrintable(QString::number(hops.size())));
    QCOMPARE(hops[1].name, sample.value(QStringLiteral("pop")).toString());
    QCOMPARE(hops.back().name, QStringLiteral("origin"));
    // Every cache on the way sent a member; the PoP's says it went upstream.
    QVERIFY(!trace->members().isEmpty());
    QVERIFY(!hops[1].cache_status.isEmpty());
    bool popWentUpstream = false;
    for (const auto& m : trace->members())
      if (m.cache == hops[1].name) popWentUpstream = m.has(QStringLiteral("fwd"));
    QVERIFY(popWentUpstream);
    QVERIFY(trace->networkMs() > 0);
    QVERIFY(trace->totalMs() >= trace->networkMs() * 0.9);
    QVERIFY(traces->summary().contains(sample.value(QStringLiteral("pop")).toString()));
    shot(QStringLiteral("traces"));
  }

  void cacheStatusDecodes_data() {
    QTest::addColumn<QString>("header");
    QTest::addColumn<QStringList>("caches");
    QTest::addColumn<QStringList>("valid");
    QTest::newRow("two caches") << "shield-eu; fwd=uri-miss; stored; ttl=60, paris; hit; ttl=60; detail=L1"
                                << QStringList{"shield-eu", "paris"} << QStringList{"1", "1"};
    QTest::newRow("quoted detail") << QStringLiteral("edge; hit; detail=\"a, b \\\"c\\\"\"") << QStringList{"edge"} << QStringList{"1"};
    QTest::newRow("spaces") << "  a ;hit , b; fwd=miss  " << QStringList{"a", "b"} << QStringList{"1", "1"};
    QTest::newRow("unterminated string") << QStringLiteral("x; detail=\"oops, y; hit") << QStringList{"x"} << QStringList{"0"};
    QTest::newRow("garbage then a good one") << "=; ;, ok; hit" << QStringList{"", "ok"} << QStringList{"0", "1"};
    QTest::newRow("empty") << "" << QStringList{} << QStringList{};
  }

  void cacheStatusDecodes() {
    QFETCH(QString, header);
    QFETCH(QStringList, caches);
    QFETCH(QStringList, valid);
    const auto members = CacheStatus::parse(header);
    QCOMPARE(members.size(), caches.size());
    for (int i = 0; i < members.size(); ++i) {
      QCOMPARE(members[i].valid, valid[i] == QLatin1String("1"));
      if (members[i].valid) QCOMPARE(members[i].cache, caches[i]);
      QVERIFY(!members[i].describe().isEmpty());
    }
    if (header.startsWith("shield-eu")) {
      QCOMPARE(members[0].parameter("fwd"), QStringLiteral("uri-miss"));
      QVERIFY(members[0].has("stored"));
      QCOMPARE(members[1].parameter("detail"), QStringLiteral("L1"));
    }
    if (header.contains("a, b")) QCOMPARE(members[0].parameter("detail"), QStringLiteral("a, b \"c\""));
  }
};

QTEST_MAIN(TestWhatIfTraces)
#include "test_what_if_traces.moc"
