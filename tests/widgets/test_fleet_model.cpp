// FleetModel against real nodes on loopback: figures from their admin APIs,
// a wrong token and a refused port each say why, a stopped node turns down,
// and the rest keeps updating. Every model runs under QAbstractItemModelTester.
#include "models/event_filter_proxy.hpp"
#include "models/event_log_model.hpp"
#include "models/fleet_model.hpp"
#include "models/fleet_sort_proxy.hpp"
#include "support/test_fleet.hpp"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTest>

using namespace edgelab;
using namespace edgelab::console;
using edgelab::test::TestFleet;

namespace {

AdminClient::Intervals fastPolls() {
  AdminClient::Intervals i;
  i.stats_ms = 200;
  i.status_ms = 500;
  i.request_timeout_ms = 1500;
  i.events_wait_ms = 2000;
  i.retry_ms = 300;
  return i;
}

NodeEndpoint endpointOf(const QString& name, std::uint16_t adminPort, const QString& tokenFile) {
  NodeEndpoint e;
  e.name = name;
  e.admin_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(adminPort));
  e.token_file = tokenFile;
  return e;
}

std::uint16_t closedPort() {
  QTcpServer server;
  server.listen(QHostAddress::LocalHost, 0);
  const auto port = server.serverPort();
  server.close();
  return port;
}

QString cell(const FleetModel& model, const QString& node, int column, int role = Qt::DisplayRole) {
  return model.index(model.rowOf(node), column).data(role).toString();
}

}  // namespace

class TestFleetModel : public QObject {
  Q_OBJECT
 private slots:
  void realNodes() {
    TestFleet fleet;
    fleet.start_origin();
    auto withAdmin = [&](const char* region, const QString& token) {
      return [region, token](NodeConfig& c) {
        c.region = region;
        c.admin = AdminConfig{{"127.0.0.1", 0}, token.toStdString()};
      };
    };
    auto& paris = fleet.start_node("paris", 0, withAdmin("fr-central", fleet.temp_path("paris.token")));
    auto& london = fleet.start_node("london", 0, withAdmin("eu-west-2", fleet.temp_path("london.token")));
    const QString wrongToken = fleet.temp_path("wrong.token");
    {
      QFile f(wrongToken);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("not-the-token\n");
    }

    QNetworkAccessManager network;
    FleetModel model(&network, fastPolls());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    EventLogModel events;
    QAbstractItemModelTester eventsTester(&events, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(&model, &FleetModel::nodeEvent, &events, &EventLogModel::append);

    model.addNode(endpointOf(QStringLiteral("paris"), paris.admin_port(), fleet.temp_path("paris.token")));
    model.addNode(endpointOf(QStringLiteral("london"), london.admin_port(), fleet.temp_path("london.token")));
    model.addNode(endpointOf(QStringLiteral("impostor"), paris.admin_port(), wrongToken));
    model.addNode(endpointOf(QStringLiteral("gone"), closedPort(), fleet.temp_path("london.token")));
    QCOMPARE(model.rowCount(), 4);

    QTRY_COMPARE_WITH_TIMEOUT(cell(model, "paris", FleetModel::HealthColumn), QStringLiteral("healthy"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(cell(model, "paris", FleetModel::CityColumn), QStringLiteral("Paris"), 5000);
    QVERIFY(model.index(model.rowOf("paris"), 0).data(FleetModel::HasLocationRole).toBool());
    QCOMPARE(cell(model, "paris", FleetModel::VersionColumn).isEmpty(), false);
    // London's status poll answers on its own schedule: Paris being shown says nothing about it.
    QTRY_COMPARE_WITH_TIMEOUT(cell(model, "london", FleetModel::CityColumn), QStringLiteral("London"), 5000);

    // Traffic shows as a rate, an L1 hit ratio and a sparkline.
    QCOMPARE(TestFleet::get(paris.port(), "/obj/a?size=100&ttl=60").result_int(), 200u);
    TestFleet::wait_until_stored(paris, 1);
    for (int i = 0; i < 19; ++i) QCOMPARE(TestFleet::get(paris.port(), "/obj/a?size=100&ttl=60").result_int(), 200u);
    QTRY_VERIFY_WITH_TIMEOUT(model.index(model.rowOf("paris"), 0).data(FleetModel::RateRole).toDouble() > 0, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(cell(model, "paris", FleetModel::HitL1Column).startsWith(QStringLiteral("95")), 5000);
    QVERIFY(!model.index(model.rowOf("paris"), FleetModel::RateColumn)
                 .data(FleetModel::SparklineRole)
                 .value<QList<double>>()
                 .isEmpty());

    // The two bad entries say why; the good ones are unaffected.
    QTRY_COMPARE_WITH_TIMEOUT(cell(model, "impostor", FleetModel::HealthColumn),
                              QStringLiteral("unreachable: 401 wrong token"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(cell(model, "gone", FleetModel::HealthColumn),
                              QStringLiteral("unreachable: connection refused"), 5000);
    QCOMPARE(model.index(model.rowOf("gone"), 0).data(FleetModel::HealthRole).toInt(), int(Health::unreachable));
    QCOMPARE(cell(model, "london", FleetModel::HealthColumn), QStringLiteral("healthy"));

    // A node that answered and stops is down, with the failing call and how long ago.
    fleet.stop_node(london);
    QTRY_VERIFY_WITH_TIMEOUT(cell(model, "london", FleetModel::HealthColumn)
                                 .startsWith(QStringLiteral("down: /admin/v1/stats connection refused")),
                             5000);
    QVERIFY(cell(model, "london", FleetModel::HealthColumn).endsWith(QStringLiteral(" s ago")));

    // Paris still updates: its sparkline keeps growing.
    const auto before =
        model.index(model.rowOf("paris"), 0).data(FleetModel::SparklineRole).value<QList<double>>().size();
    QTRY_VERIFY_WITH_TIMEOUT(
        model.index(model.rowOf("paris"), 0).data(FleetModel::SparklineRole).value<QList<double>>().size() > before + 2,
        5000);

    // The nodes' own events and the console's health verdicts are in the log.
    QTRY_VERIFY_WITH_TIMEOUT(events.kinds().contains(QStringLiteral("node_state")), 5000);
    QVERIFY(events.kinds().contains(QStringLiteral("health")));
    QVERIFY(events.nodes().contains(QStringLiteral("london")));

    // Sorting by a number column through the proxy the table uses.
    FleetSortProxy proxy;
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    // Numbers sort as numbers: paris is the only node with L1 hits in the last 10 s.
    proxy.sort(FleetModel::HitL1Column, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, FleetModel::NameColumn).data().toString(), QStringLiteral("paris"));
    // Equal health sorts by name: problems first, then the rest alphabetically.
    proxy.sort(FleetModel::HealthColumn, Qt::DescendingOrder);
    QStringList order;
    for (int r = 0; r < proxy.rowCount(); ++r) order << proxy.index(r, FleetModel::NameColumn).data().toString();
    QCOMPARE(order, (QStringList{"gone", "impostor", "london", "paris"}));
    proxy.setFilterKeyColumn(-1);
    proxy.setFilterFixedString(QStringLiteral("401"));
    QCOMPARE(proxy.rowCount(), 1);
  }

  void eventFilters() {
    EventLogModel events(3);
    QAbstractItemModelTester tester(&events, QAbstractItemModelTester::FailureReportingMode::QtTest);
    EventFilterProxy proxy;
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&events);
    events.append(1000, QStringLiteral("paris"), QStringLiteral("fault"), QStringLiteral("killed"));
    events.append(2000, QStringLiteral("london"), QStringLiteral("health"), QStringLiteral("down: refused"));
    events.append(3000, QStringLiteral("paris"), QStringLiteral("health"), QStringLiteral("healthy"));
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setNode(QStringLiteral("paris"));
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setKind(QStringLiteral("health"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setNode({});
    proxy.setText(QStringLiteral("REFUSED"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, EventLogModel::NodeColumn).data().toString(), QStringLiteral("london"));
    // Bounded: a fourth event drops the oldest.
    events.append(4000, QStringLiteral("tokyo"), QStringLiteral("fault"), QStringLiteral("cut"));
    QCOMPARE(events.rowCount(), 3);
    QCOMPARE(events.index(0, EventLogModel::NodeColumn).data().toString(), QStringLiteral("london"));
  }
};

QTEST_MAIN(TestFleetModel)
#include "test_fleet_model.moc"
