// The purge panel against a real lab: a small topology (one shield, two PoPs,
// the origin) in this process, reached over its control API and the nodes'
// admin APIs. Objects are fetched through the PoPs so the shield and both
// edges hold them; then purges are sent from the panel as a user sends them,
// and what the panel, the waterfall, the map's marks and the journal show is
// checked against what the nodes now hold.
#include "http/blocking_client.hpp"
#include "lab/lab_fleet.hpp"
#include "lab/lab_service.hpp"
#include "map/world_map_view.hpp"
#include "models/console_session.hpp"
#include "models/purge_history_model.hpp"
#include "models/purge_progress_model.hpp"
#include "views/main_window.hpp"
#include "views/purge_panel_widget.hpp"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QStandardPaths>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace edgelab;
using namespace edgelab::console;

namespace {

constexpr auto kTopology = R"({
  "name": "purge-test",
  "origin": "us-east-1",
  "defaults": {"l1_bytes": 4194304, "l2_bytes": 16777216, "capacity_rps": 2000, "shield": "auto"},
  "shields": [{"region": "eu-central-1"}],
  "pops": [{"region": "fr-central"}, {"region": "eu-west-2"}]
})";

using State = NodePurgeProgress::State;

}  // namespace

class TestPurgePanel : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;
  std::unique_ptr<LabService> lab_;
  std::unique_ptr<ConsoleSession> session_;
  std::unique_ptr<MainWindow> window_;

  PurgePanelWidget* panel() { return window_->purgePanel(); }

  // GET through a PoP (as a user would), so the PoP and its shield store it.
  void fetchThrough(const std::string& pop, const std::string& target) {
    const LabFleet& fleet = lab_->fleet();
    for (std::size_t i = 0; i < fleet.nodes().size(); ++i) {
      if (fleet.nodes()[i].name != pop) continue;
      BlockingClient client(Endpoint{"127.0.0.1", fleet.node_of(i)->port()});
      auto response = client.get(target, {{"Host", "www.example.com"}});
      QVERIFY(response);
      QCOMPARE(response->result_int(), 200);
      return;
    }
    QFAIL(("no PoP " + pop).c_str());
  }

  State stateOf(const QString& node) {
    for (const auto& n : panel()->progress()->nodes())
      if (n.name == node) return n.state;
    return State::waiting;
  }

  bool allIn(std::initializer_list<State> states) {
    const auto& nodes = panel()->progress()->nodes();
    if (nodes.empty()) return false;
    for (const auto& n : nodes)
      if (std::find(states.begin(), states.end(), n.state) == states.end()) return false;
    return true;
  }

  void fill() {
    for (const char* pop : {"edge-fr-central", "edge-eu-west-2"})
      for (int i = 0; i < 5; ++i) {
        fetchThrough(pop, "/obj/news-" + std::to_string(i) + "?size=300&ttl=600&tags=news");
        fetchThrough(pop, "/obj/sport-" + std::to_string(i) + "?size=300&ttl=600&tags=sport");
      }
  }

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir_.isValid());
    QFile file(dir_.filePath(QStringLiteral("purge-test.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kTopology);
    file.close();
    LabServiceOptions options;
    options.topology = file.fileName().toStdString();
    options.start_traffic = false;  // the test's own requests only
    options.resources = EDGELAB_RESOURCES;
    std::string error;
    lab_ = LabService::start(options, error);
    QVERIFY2(lab_, error.c_str());
    session_ = std::make_unique<ConsoleSession>();
    session_->setPurgeJournal(dir_.filePath(QStringLiteral("purges.sqlite")));
    session_->connectLab(QUrl(QString::fromStdString(lab_->api_url())),
                         QString::fromStdString(lab_->api_token_file().string()));
    window_ = std::make_unique<MainWindow>(session_.get(), false);
    window_->resize(1366, 768);
    window_->show();
    window_->showView(QStringLiteral("purge"));
    new QAbstractItemModelTester(panel()->progress(), QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    new QAbstractItemModelTester(panel()->history(), QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    QTRY_COMPARE_WITH_TIMEOUT(session_->fleet().rowCount(), 3, 10000);
    // The fleet's figures (stats) must have arrived: the panel reads roles and origin rates from them.
    QTRY_VERIFY_WITH_TIMEOUT(session_->fleet().tierFigures(0).l1.present && session_->fleet().tierFigures(2).l1.present,
                             10000);
    fill();
  }

  void cleanupTestCase() {
    window_.reset();
    session_.reset();
    lab_.reset();
  }

  void tagPurgeIsVerifiedOnEveryNode() {
    panel()->purge(QStringLiteral("tag"), QStringLiteral("news"), false, 0);
    QTRY_VERIFY_WITH_TIMEOUT(allIn({State::verified}), 10000);
    const auto& nodes = panel()->progress()->nodes();
    QCOMPARE(int(nodes.size()), 3);
    // Shields first: the shield's acknowledgement precedes every edge's send.
    double shieldVerified = -1;
    for (const auto& n : nodes)
      if (n.role == QLatin1String("shield")) shieldVerified = n.verified_ms;
    QVERIFY(shieldVerified >= 0);
    for (const auto& n : nodes) {
      QVERIFY2(n.ack_ms >= 0 && n.verified_ms >= n.ack_ms, qPrintable(n.name));
      QVERIFY2(n.l1 + n.l2 >= 5, qPrintable(n.name));  // each held the five news objects
      if (n.role != QLatin1String("shield")) QVERIFY2(n.sent_ms >= shieldVerified, qPrintable(n.name));
    }
    QTRY_VERIFY_WITH_TIMEOUT(panel()->summaryText().contains(QStringLiteral("3 verified")), 1000);
    // The map: every node solid (verified).
    QTRY_COMPARE_WITH_TIMEOUT(window_->map()->marks(QStringLiteral("purge")).size(), 3, 1000);
    const auto marks = window_->map()->marks(QStringLiteral("purge"));
    QCOMPARE(marks.size(), 3);
    for (const auto& mark : marks) QCOMPARE(mark.style, MapMark::Style::solid);
    // The other tag is still there, asked of a node directly.
    auto* client = session_->fleet().clientAt(session_->fleet().rowOf(QStringLiteral("edge-fr-central")));
    int status = 0;
    client->get(QStringLiteral("/admin/v1/cache?tag=sport&limit=10"), [&](const ApiResult& r) {
      status = r.http_status;
      QCOMPARE(r.body.object().value(QStringLiteral("tiers")).toObject().value(QStringLiteral("L1")).toObject()
                   .value(QStringLiteral("entries")).toArray().size(), 5);
    });
    QTRY_COMPARE_WITH_TIMEOUT(status, 200, 5000);
  }

  void killedNodeFailsThenCatchesUp() {
    const QString edge = QStringLiteral("edge-eu-west-2");
    int faultStatus = 0;
    session_->lab()->postFault(QStringLiteral("kill"), edge, 0, [&](const ApiResult& r) { faultStatus = r.http_status; });
    QTRY_COMPARE_WITH_TIMEOUT(faultStatus, 200, 5000);
    panel()->purge(QStringLiteral("tag"), QStringLiteral("sport"), false, 0);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(edge), State::failed, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("edge-fr-central")), State::verified, 10000);
    QCOMPARE(stateOf(QStringLiteral("shield-eu-central-1")), State::verified);
    // The map follows within a batch (50 ms).
    QTRY_COMPARE_WITH_TIMEOUT(window_->map()->marks(QStringLiteral("purge")).value(edge).style, MapMark::Style::cross,
                              1000);

    faultStatus = 0;
    session_->lab()->postFault(QStringLiteral("revive"), edge, 0, [&](const ApiResult& r) { faultStatus = r.http_status; });
    QTRY_COMPARE_WITH_TIMEOUT(faultStatus, 200, 5000);
    // Tried again every 2 s: applied once the node answers, and verified.
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(edge), State::caught_up, 15000);
    for (const auto& n : panel()->progress()->nodes())
      if (n.name == edge) {
        QVERIFY(n.caught_up_ms > 0);
        QVERIFY(!n.error.isEmpty());  // why it failed the first time stays readable
      }
  }

  void aNodeThatMissedAPurgeIsSentItFirst() {
    // Another controller on the same journal wrote a fleet purge no node has seen: the next purge
    // from the panel meets a gap at every node, which is filled from the journal before it.
    const QString path = session_->purges().labJournalPath();
    QVERIFY2(!path.isEmpty(), "the lab has an instance, so its nodes have a journal of their own");
    {
      QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other-controller"));
      db.setDatabaseName(path);
      QVERIFY(db.open());
      QSqlQuery q(db);
      QVERIFY(q.exec(QStringLiteral("INSERT INTO fleet_purges(kind, value, soft, at_ms) VALUES('tag', 'other', 0, 0)")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other-controller"));
    fill();
    panel()->purge(QStringLiteral("tag"), QStringLiteral("news"), false, 0);
    QTRY_VERIFY_WITH_TIMEOUT(allIn({State::verified}), 15000);
    for (const auto& n : panel()->progress()->nodes()) QVERIFY2(n.replayed == 1, qPrintable(n.name));
  }

  void historyReopensAPurge() {
    // Each purge is in the history once its first pass is over, newest first: the console's own three
    // (the other controller's entry is in the lab's journal, not in the console's).
    QTRY_COMPARE_WITH_TIMEOUT(panel()->history()->rowCount(), 3, 15000);
    QVERIFY(panel()->history()->recordAt(0) && panel()->history()->recordAt(1));
    // The origin's rate after the purge comes with the second write, after the 5 s watch.
    QTRY_VERIFY_WITH_TIMEOUT(panel()->history()->recordAt(0)->result.value(QStringLiteral("origin_after")).toDouble(-1) >= 0,
                             15000);
    const console::PurgeRecord* newest = panel()->history()->recordAt(0);
    QVERIFY(newest);
    QCOMPARE(newest->value, QStringLiteral("news"));
    QVERIFY(newest->total_ms > 0);
    QCOMPARE(panel()->history()->recordAt(1)->value, QStringLiteral("sport"));
    // Reopening an older one shows its per-node result again.
    const console::PurgeRecord* older = panel()->history()->recordAt(2);
    QVERIFY(older && older->value == QStringLiteral("news"));
    auto* view = window_->findChild<QTableView*>(QStringLiteral("purgeHistory"));
    QVERIFY(view);
    window_->showView(QStringLiteral("purge"));
    QTRY_VERIFY(view->isVisible());
    const QRect cell = view->visualRect(view->model()->index(2, 0));
    QVERIFY(!cell.isEmpty());
    // A double-click is a click and then a second press in the same place.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(int(panel()->progress()->nodes().size()), 3);
    QVERIFY(allIn({State::verified}));
  }

  void purgeAllAsksFirst() {
    QString asked;
    panel()->setConfirmation([&](const QString& question) {
      asked = question;
      return false;  // the user cancels: nothing is sent
    });
    const int before = panel()->history()->rowCount();
    panel()->purge(QStringLiteral("all"), QString(), false, 0);
    QVERIFY(asked.contains(QStringLiteral("origin")));
    QTest::qWait(300);
    QVERIFY(panel()->summaryText().contains(QStringLiteral("news")) || panel()->summaryText().contains(QStringLiteral("sport")));
    QCOMPARE(panel()->history()->rowCount(), before);

    // Confirmed, a soft purge of everything reaches every node and is verified (nothing fresh is left).
    panel()->setConfirmation([](const QString&) { return true; });
    panel()->purge(QStringLiteral("all"), QString(), true, 0);
    QTRY_VERIFY_WITH_TIMEOUT(allIn({State::verified}), 10000);
    QCOMPARE(int(panel()->progress()->nodes().size()), 3);
    QTRY_COMPARE_WITH_TIMEOUT(panel()->history()->rowCount(), before + 1, 10000);
    QCOMPARE(panel()->history()->recordAt(0)->kind, QStringLiteral("all"));
    QVERIFY(panel()->history()->recordAt(0)->soft);
  }
};

QTEST_MAIN(TestPurgePanel)
#include "test_purge_panel.moc"
