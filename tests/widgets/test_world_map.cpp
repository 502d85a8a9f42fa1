// The world map over a real fleet: PoPs appear at their regions' places,
// clicking one selects it in the shared selection model (which the fleet table
// follows), clicking the sea clears it, and sampled requests draw arcs.
#include "map/world_map_view.hpp"
#include "models/fleet_model.hpp"
#include "support/test_fleet.hpp"
#include "views/fleet_table_widget.hpp"

#include <QApplication>
#include <QHelpEvent>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

using namespace edgelab;
using namespace edgelab::console;
using edgelab::test::TestFleet;

class TestWorldMap : public QObject {
  Q_OBJECT
 private slots:
  void clickSelects() {
    TestFleet fleet;
    fleet.start_origin();
    QNetworkAccessManager network;
    AdminClient::Intervals fast;
    fast.stats_ms = 200;
    fast.status_ms = 300;
    FleetModel model(&network, fast);
    for (auto [name, region] :
         {std::pair{"paris", "fr-central"}, {"tokyo", "ap-northeast-1"}, {"sydney", "ap-southeast-2"}}) {
      const QString token = fleet.temp_path(QString::fromLatin1(name) + QStringLiteral(".token"));
      auto& node = fleet.start_node(name, 0, [&](NodeConfig& c) {
        c.region = region;
        c.admin = AdminConfig{{"127.0.0.1", 0}, token.toStdString()};
      });
      NodeEndpoint e;
      e.name = QString::fromLatin1(name);
      e.admin_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(node.admin_port()));
      e.token_file = token;
      model.addNode(e);
    }
    QItemSelectionModel selection(&model);
    WorldMapView map(&model, &selection);
    FleetTableWidget table(&model, &selection);
    map.resize(1000, 560);
    map.show();
    table.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    QTRY_VERIFY_WITH_TIMEOUT(map.nodePosition(QStringLiteral("tokyo")).has_value(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(map.nodePosition(QStringLiteral("paris")).has_value(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(map.nodePosition(QStringLiteral("sydney")).has_value(), 5000);
    QTest::qWait(100);  // the fit follows the last placement

    // East of Paris lies Tokyo, south of Tokyo Sydney.
    const QPointF paris = *map.nodePosition(QStringLiteral("paris"));
    const QPointF tokyo = *map.nodePosition(QStringLiteral("tokyo"));
    const QPointF sydney = *map.nodePosition(QStringLiteral("sydney"));
    QVERIFY(tokyo.x() > paris.x());
    QVERIFY(sydney.y() > tokyo.y());
    QVERIFY(map.rect().contains(tokyo.toPoint()));

    // Hover shows the PoP's figures.
    QHelpEvent hover(QEvent::ToolTip, tokyo.toPoint(), map.mapToGlobal(tokyo.toPoint()));
    QApplication::sendEvent(&map, &hover);
    QTRY_VERIFY_WITH_TIMEOUT(QToolTip::text().contains(QStringLiteral("<b>tokyo</b>")), 2000);
    QVERIFY2(QToolTip::text().contains(QStringLiteral("Tokyo")), qPrintable(QToolTip::text()));
    QToolTip::hideText();

    QSignalSpy clicked(&map, &WorldMapView::nodeClicked);
    QTest::mouseClick(&map, Qt::LeftButton, {}, tokyo.toPoint());
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.first().first().toString(), QStringLiteral("tokyo"));
    QVERIFY(selection.isRowSelected(model.rowOf(QStringLiteral("tokyo")), {}));
    // The table, through its sort proxy, shows the same row selected.
    const QModelIndexList rows = table.table()->selectionModel()->selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().data().toString(), QStringLiteral("tokyo"));

    // Selecting in the table moves the map's selection.
    table.table()->selectRow(table.proxy()->mapFromSource(model.index(model.rowOf(QStringLiteral("sydney")), 0)).row());
    QVERIFY(selection.isRowSelected(model.rowOf(QStringLiteral("sydney")), {}));

    // The open sea clears the selection.
    QTest::mouseClick(&map, Qt::LeftButton, {}, QPoint(5, 5));
    QVERIFY(!selection.hasSelection());

    // Sampled requests draw arcs to their PoP, then fade.
    map.addSamples(QJsonArray{QJsonObject{{QStringLiteral("lat"), 35.0},
                                          {QStringLiteral("lon"), 135.0},
                                          {QStringLiteral("pop"), QStringLiteral("tokyo")},
                                          {QStringLiteral("tier"), QStringLiteral("L1")}}});
    QCOMPARE(map.liveArcs(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(map.liveArcs(), 0, 4000);

    // Wheel zoom keeps the point under the cursor in place.
    const QPointF before = *map.nodePosition(QStringLiteral("paris"));
    QWheelEvent wheel(before, map.mapToGlobal(before), {}, QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(&map, &wheel);
    const QPointF after = *map.nodePosition(QStringLiteral("paris"));
    QVERIFY2(std::hypot(after.x() - before.x(), after.y() - before.y()) < 1.0, "zoom moved the point under the cursor");
    QVERIFY(std::hypot(map.nodePosition(QStringLiteral("tokyo"))->x() - after.x(), 0) > tokyo.x() - paris.x());
  }
};

QTEST_MAIN(TestWorldMap)
#include "test_world_map.moc"
