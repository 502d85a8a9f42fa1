// Equal Earth projection: known points (reference values from d3-geo 3's
// geoEqualEarthRaw, in radians-free unit-sphere coordinates) and the inverse's round trip.
#include "map/equal_earth.hpp"

#include <QTest>

using edgelab::console::EqualEarth;

class TestEqualEarth : public QObject {
  Q_OBJECT
 private slots:
  void forward_data() {
    QTest::addColumn<double>("lon");
    QTest::addColumn<double>("lat");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    QTest::newRow("null island") << 0.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("antimeridian east") << 180.0 << 0.0 << 2.706630 << 0.0;
    QTest::newRow("antimeridian west") << -180.0 << 0.0 << -2.706630 << 0.0;
    QTest::newRow("north pole") << 0.0 << 90.0 << 0.0 << 1.317363;
    QTest::newRow("south pole") << 0.0 << -90.0 << 0.0 << -1.317363;
    QTest::newRow("Paris") << 2.35 << 48.86 << 0.029416 << 0.923415;
    QTest::newRow("Tokyo") << 139.69 << 35.69 << 1.909434 << 0.697854;
    QTest::newRow("Virginia") << -77.5 << 39.0 << -1.039252 << 0.757039;
    QTest::newRow("Sydney") << 151.2 << -33.87 << 2.086965 << -0.664706;
    QTest::newRow("Sao Paulo") << -46.6 << -23.5 << -0.672784 << -0.469005;
  }
  void forward() {
    QFETCH(double, lon);
    QFETCH(double, lat);
    QFETCH(double, x);
    QFETCH(double, y);
    const QPointF p = EqualEarth::forward(lon, lat);
    QVERIFY2(std::abs(p.x() - x) < 1e-5, qPrintable(QString::number(p.x(), 'f', 6)));
    QVERIFY2(std::abs(p.y() - y) < 1e-5, qPrintable(QString::number(p.y(), 'f', 6)));
  }

  void roundTrip_data() {
    QTest::addColumn<double>("lon");
    QTest::addColumn<double>("lat");
    for (double lat : {-89.0, -60.0, -33.87, 0.0, 12.5, 48.86, 75.0, 89.0})
      for (double lon : {-179.0, -77.5, 0.0, 2.35, 100.0, 179.5}) QTest::addRow("%g,%g", lon, lat) << lon << lat;
  }
  void roundTrip() {
    QFETCH(double, lon);
    QFETCH(double, lat);
    const auto back = EqualEarth::inverse(EqualEarth::forward(lon, lat));
    QVERIFY(back.has_value());
    QVERIFY2(std::abs(back->x() - lon) < 1e-6, qPrintable(QString::number(back->x(), 'f', 8)));
    QVERIFY2(std::abs(back->y() - lat) < 1e-6, qPrintable(QString::number(back->y(), 'f', 8)));
  }

  void inverseOutsideTheMap() {
    QVERIFY(!EqualEarth::inverse({0, 1.5}).has_value());
    QVERIFY(!EqualEarth::inverse({2.9, 0}).has_value());
    QVERIFY(!EqualEarth::inverse({EqualEarth::kMaxX, 1.2}).has_value());  // beyond the outline's curve
  }
};

QTEST_APPLESS_MAIN(TestEqualEarth)
#include "test_equal_earth.moc"
