// The cache inspector's models against real nodes on loopback: a shield and
// three edges behind it, one edge holding 10,000 objects. The object model
// pages through all of them (exact count, filters, sort done by the node),
// "where it lives" finds an object on the shield and the two edges that asked
// for it, and the detail model shows its stored headers. Every model runs
// under QAbstractItemModelTester.
#include "models/cache_object_model.hpp"
#include "models/fleet_model.hpp"
#include "models/object_detail_model.hpp"
#include "models/object_locations_model.hpp"
#include "models/tier_heat_model.hpp"
#include "support/test_fleet.hpp"
#include "views/cache_inspector_widget.hpp"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTest>

#include <memory>

using namespace edgelab;
using namespace edgelab::console;
using edgelab::test::TestFleet;

namespace {

constexpr int kObjects = 10'000;
constexpr auto kHost = "www.test.example";

AdminClient::Intervals fastPolls() {
  AdminClient::Intervals i;
  i.stats_ms = 200;
  i.status_ms = 500;
  i.request_timeout_ms = 5000;
  return i;
}

int sizeOf(int i) { return (i * 37) % 500 + 10; }

}  // namespace

class TestCacheInspector : public QObject {
  Q_OBJECT

  std::unique_ptr<TestFleet> fleet_;
  EdgeNode* shield_ = nullptr;
  std::vector<EdgeNode*> edges_;
  QNetworkAccessManager network_;
  std::unique_ptr<FleetModel> model_;

  EdgeNode& addNode(const std::string& name, const char* region, std::uint16_t upstream) {
    const QString token = fleet_->temp_path(QString::fromStdString(name) + ".token");
    return fleet_->start_node(name, upstream, [region, token](NodeConfig& c) {
      c.region = region;
      c.admin = AdminConfig{{"127.0.0.1", 0}, token.toStdString()};
    });
  }

  void addEndpoint(const EdgeNode& node, const QString& name, const QString& role) {
    NodeEndpoint e;
    e.name = name;
    e.role = role;
    e.admin_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(node.admin_port()));
    e.token_file = fleet_->temp_path(name + ".token");
    model_->addNode(e);
  }

  // Pages until the model has everything (bounded: the view would stop scrolling too).
  static void loadAll(CacheObjectModel& m) {
    QTRY_VERIFY_WITH_TIMEOUT(!m.loading(), 10000);
    for (int page = 0; page < 200 && m.canFetchMore({}); ++page) {
      m.fetchMore({});
      QTRY_VERIFY_WITH_TIMEOUT(!m.loading(), 10000);
    }
    QVERIFY(!m.canFetchMore({}));
    QVERIFY2(m.lastError().isEmpty(), qPrintable(m.lastError()));
  }

 private slots:
  void initTestCase() {
    fleet_ = std::make_unique<TestFleet>();
    fleet_->start_origin();
    shield_ = &addNode("shield", "eu-central-1", 0);
    for (const char* region : {"fr-central", "eu-west-2", "eu-north-1"})
      edges_.push_back(&addNode(std::string("edge-") + region, region, shield_->port()));
    // 10,000 objects on the first edge, over one kept connection.
    BlockingClient client(TestFleet::at(edges_[0]->port()), std::chrono::seconds(10));
    for (int i = 0; i < kObjects; ++i) {
      char target[128];
      std::snprintf(target, sizeof target, "/obj/o%05d?size=%d&ttl=600&tags=t%d", i, sizeOf(i), i % 10);
      auto res = client.get(target, {{"Host", kHost}});
      const std::string what = res ? std::to_string(res->result_int()) + " " + std::string((*res)["Cache-Status"]) +
                                         " " + res->body().substr(0, 200)
                                   : std::string("no answer (the connection failed or timed out)");
      QVERIFY2(res && res->result_int() == 200, (std::string(target) + ": " + what).c_str());
    }
    TestFleet::wait_until_stored(*edges_[0], kObjects);
    // One object the shield and two edges hold; the third edge never asked.
    for (EdgeNode* edge : {edges_[1], edges_[2]}) {
      auto res = TestFleet::get(edge->port(), "/obj/shared?size=100&ttl=600&tags=news");
      QCOMPARE(res.result_int(), 200);
    }
    TestFleet::wait_until_stored(*edges_[1], 1);
    TestFleet::wait_until_stored(*edges_[2], 1);

    model_ = std::make_unique<FleetModel>(&network_, fastPolls());
    addEndpoint(*shield_, QStringLiteral("shield"), QStringLiteral("shield"));
    addEndpoint(*edges_[0], QStringLiteral("edge-fr-central"), QStringLiteral("edge"));
    addEndpoint(*edges_[1], QStringLiteral("edge-eu-west-2"), QStringLiteral("edge"));
    addEndpoint(*edges_[2], QStringLiteral("edge-eu-north-1"), QStringLiteral("edge"));
    QTRY_VERIFY_WITH_TIMEOUT(model_->tierFigures(1).l1.objects >= kObjects, 10000);
  }

  void cleanupTestCase() {
    model_.reset();
    fleet_.reset();
  }

  void pagesThroughEveryObject() {
    CacheObjectModel m;
    m.setNode(model_->clientAt(1), false);
    QTRY_COMPARE_WITH_TIMEOUT(m.totalCount(), qint64(kObjects), 10000);
    // The first page only: never the whole cache at once, until a view asks for more.
    QTRY_VERIFY_WITH_TIMEOUT(!m.loading(), 10000);
    QCOMPARE(m.rowCount(), CacheObjectModel::kPageSize);
    QTest::qWait(200);
    QCOMPARE(m.rowCount(), CacheObjectModel::kPageSize);
    // (The tester asks for more whenever it may, as a scrolling view does.)
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    loadAll(m);
    QCOMPARE(m.rowCount(), kObjects);
    QSet<QString> keys;
    QString previous;
    for (int row = 0; row < m.rowCount(); ++row) {
      const QString key = m.rowAt(row)->key;
      QVERIFY2(previous.toUtf8() < key.toUtf8(), qPrintable(key));  // the node's key order, across pages
      keys.insert(key);
      previous = key;
    }
    QCOMPARE(keys.size(), kObjects);
  }

  void filtersNarrowOnTheNode() {
    CacheObjectModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setNode(model_->clientAt(1), false);
    m.setFilter({.kind = CacheObjectFilter::Kind::tag, .value = QStringLiteral("t3")});
    loadAll(m);
    QCOMPARE(m.totalCount(), qint64(kObjects / 10));
    QCOMPARE(m.rowCount(), kObjects / 10);
    for (int row = 0; row < m.rowCount(); ++row) QCOMPARE(m.rowAt(row)->tags, QStringList{QStringLiteral("t3")});

    m.setFilter({.kind = CacheObjectFilter::Kind::prefix, .value = QStringLiteral("http://www.test.example/obj/o001")});
    loadAll(m);
    QCOMPARE(m.rowCount(), 100);  // o00100 .. o00199
    QCOMPARE(m.totalCount(), qint64(100));

    m.setFilter({.tier = QStringLiteral("L1"), .stale_only = true});
    loadAll(m);
    QCOMPARE(m.rowCount(), 0);  // everything is fresh (ttl 600)
    QCOMPARE(m.totalCount(), qint64(0));
  }

  void sortsOnTheNode() {
    CacheObjectModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m.setNode(model_->clientAt(1), false);
    m.sort(CacheObjectModel::SizeColumn, Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!m.loading() && m.rowCount() > 0, 10000);
    // The first page already holds the largest objects of the whole cache.
    QVERIFY(m.rowAt(0)->size >= m.rowAt(m.rowCount() - 1)->size);
    loadAll(m);
    QCOMPARE(m.rowCount(), kObjects);
    for (int row = 1; row < m.rowCount(); ++row) QVERIFY(m.rowAt(row - 1)->size >= m.rowAt(row)->size);
    m.sort(CacheObjectModel::HitsColumn, Qt::AscendingOrder);
    loadAll(m);
    QCOMPARE(m.rowCount(), kObjects);
  }

  void whereItLivesAcrossTheFleet() {
    ObjectLocationsModel locations(model_.get());
    QAbstractItemModelTester tester(&locations, QAbstractItemModelTester::FailureReportingMode::QtTest);
    locations.locate(QStringLiteral("http://www.test.example/obj/shared?size=100&ttl=600&tags=news"));
    QTRY_COMPARE_WITH_TIMEOUT(locations.answered(), 4, 10000);
    const auto placements = locations.placements();
    QCOMPARE(placements.value(QStringLiteral("shield")), Placement::fresh);
    QCOMPARE(placements.value(QStringLiteral("edge-eu-west-2")), Placement::fresh);
    QCOMPARE(placements.value(QStringLiteral("edge-eu-north-1")), Placement::fresh);
    QCOMPARE(placements.value(QStringLiteral("edge-fr-central")), Placement::absent);
    QVERIFY(locations.tiersOf(QStringLiteral("shield")).contains(QStringLiteral("L1")));

    ObjectDetailModel detail;
    QAbstractItemModelTester detailTester(&detail, QAbstractItemModelTester::FailureReportingMode::QtTest);
    detail.load(model_->clientAt(model_->rowOf(QStringLiteral("edge-eu-west-2"))),
                QStringLiteral("www.test.example/obj/shared?size=100&ttl=600&tags=news"));
    QTRY_COMPARE_WITH_TIMEOUT(detail.variantCount(), 1, 10000);
    const QModelIndex variant = detail.index(0, 0);
    QVERIFY(detail.rowCount(variant) > 0);
    bool cacheControl = false;
    for (int row = 0; row < detail.rowCount(variant); ++row)
      cacheControl = cacheControl || detail.index(row, 0, variant)
                                             .data()
                                             .toString()
                                             .compare(QStringLiteral("cache-control"), Qt::CaseInsensitive) == 0;
    QVERIFY(cacheControl);
  }

  void inspectorFollowsTheSelection() {
    QItemSelectionModel selection(model_.get());
    CacheInspectorWidget inspector(model_.get(), &selection);
    inspector.resize(1000, 600);
    inspector.show();
    TierHeatModel heat(model_.get());
    QAbstractItemModelTester heatTester(&heat, QAbstractItemModelTester::FailureReportingMode::QtTest);
    selection.select(model_->index(1, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(inspector.nodeName(), QStringLiteral("edge-fr-central"));
    QTRY_COMPARE_WITH_TIMEOUT(inspector.objects()->totalCount(), qint64(kObjects), 10000);
    // The tier chain walks edge -> shield -> (origin).
    selection.select(model_->index(2, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(inspector.nodeName(), QStringLiteral("edge-eu-west-2"));
    QTRY_VERIFY_WITH_TIMEOUT(inspector.objects()->rowCount() == 1, 10000);
    inspector.inspectObject(QStringLiteral("www.test.example/obj/shared?size=100&ttl=600&tags=news"));
    QTRY_COMPARE_WITH_TIMEOUT(inspector.locations()->answered(), 4, 10000);
  }
};

QTEST_MAIN(TestCacheInspector)
#include "test_cache_inspector.moc"
