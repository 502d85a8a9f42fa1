// Geography for the lab: Haversine against known city pairs, the region
// catalogue (and its errors), the WAN latency model, and anycast routing with
// spill and failover.
#include "geo/geo_router.hpp"
#include "geo/region_catalogue.hpp"
#include "geo/wan_latency.hpp"

#include <QTest>

using namespace edgelab;

class TestGeo : public QObject {
  Q_OBJECT
 private slots:
  void haversine_data();
  void haversine();
  void catalogue_has_the_fifty_regions();
  void catalogue_errors_name_the_entry_data();
  void catalogue_errors_name_the_entry();
  void latency_model();
  void routes_to_the_nearest_pop();
  void spills_when_full_and_fails_over_when_down();
};

void TestGeo::haversine_data() {
  QTest::addColumn<double>("lat1");
  QTest::addColumn<double>("lon1");
  QTest::addColumn<double>("lat2");
  QTest::addColumn<double>("lon2");
  QTest::addColumn<double>("km");  // published great-circle distances, to 1%
  QTest::newRow("London-Paris") << 51.5074 << -0.1278 << 48.8566 << 2.3522 << 344.0;
  QTest::newRow("New York-Los Angeles") << 40.7128 << -74.0060 << 34.0522 << -118.2437 << 3936.0;
  QTest::newRow("Tokyo-Sydney") << 35.6762 << 139.6503 << -33.8688 << 151.2093 << 7823.0;
  QTest::newRow("Sao Paulo-Lagos") << -23.5505 << -46.6333 << 6.5244 << 3.3792 << 6342.0;
  QTest::newRow("same place") << 1.3 << 103.8 << 1.3 << 103.8 << 0.0;
  QTest::newRow("antipodes") << 0.0 << 0.0 << 0.0 << 180.0 << 20015.1;
}

void TestGeo::haversine() {
  QFETCH(double, lat1);
  QFETCH(double, lon1);
  QFETCH(double, lat2);
  QFETCH(double, lon2);
  QFETCH(double, km);
  const double got = great_circle_km({lat1, lon1}, {lat2, lon2});
  QVERIFY2(std::abs(got - km) <= std::max(1.0, km * 0.01), qPrintable(QString::number(got)));
  QCOMPARE(great_circle_km({lat2, lon2}, {lat1, lon1}), got);
}

void TestGeo::catalogue_has_the_fifty_regions() {
  auto catalogue = RegionCatalogue::load(EDGELAB_RESOURCES "/regions.json");
  QVERIFY2(catalogue, catalogue ? "" : catalogue.error().c_str());
  QCOMPARE(catalogue->regions().size(), 50u);
  const Region* virginia = catalogue->find("us-east-1");
  QVERIFY(virginia);
  QCOMPARE(virginia->city, std::string("Virginia"));
  QCOMPARE(virginia->at.lat, 39.0);
  QCOMPARE(catalogue->find("af-morocco")->at.lon, -7.6);
  std::map<std::string, int> per_continent;
  for (const auto& r : catalogue->regions()) ++per_continent[r.continent];
  QCOMPARE(per_continent.size(), 6u);
  QVERIFY(!catalogue->find("atlantis"));
}

void TestGeo::catalogue_errors_name_the_entry_data() {
  QTest::addColumn<QString>("json");
  QTest::addColumn<QString>("message");
  QTest::newRow("not json") << "{" << "invalid JSON";
  QTest::newRow("no list") << "{\"places\":[]}" << "expected {\"regions\"";
  QTest::newRow("empty") << "{\"regions\":[]}" << "no regions";
  QTest::newRow("missing city")
      << "{\"regions\":[{\"name\":\"a\",\"continent\":\"Europe\",\"lat\":1,\"lon\":1}]}" << "regions[0].city";
  QTest::newRow("latitude") << "{\"regions\":[{\"name\":\"a\",\"city\":\"c\",\"continent\":\"Europe\",\"lat\":91,"
                               "\"lon\":1}]}"
                            << "regions[0].lat: out of range";
  QTest::newRow("continent") << "{\"regions\":[{\"name\":\"a\",\"city\":\"c\",\"continent\":\"Atlantis\",\"lat\":1,"
                                "\"lon\":1}]}"
                             << "not one of the six";
  QTest::newRow("twice") << "{\"regions\":[{\"name\":\"a\",\"city\":\"c\",\"continent\":\"Europe\",\"lat\":1,\"lon\":1},"
                            "{\"name\":\"a\",\"city\":\"d\",\"continent\":\"Africa\",\"lat\":2,\"lon\":2}]}"
                         << "regions[1].name: \"a\" appears twice";
}

void TestGeo::catalogue_errors_name_the_entry() {
  QFETCH(QString, json);
  QFETCH(QString, message);
  auto catalogue = RegionCatalogue::parse(json.toStdString());
  QVERIFY(!catalogue);
  QVERIFY2(catalogue.error().find(message.toStdString()) != std::string::npos, catalogue.error().c_str());
}

void TestGeo::latency_model() {
  WanLatencyModel model;  // 200 km/ms, inflation 1.5, base 0.5 ms
  QCOMPARE(model.one_way(0.0).count(), 500);
  QCOMPARE(model.one_way(1000.0).count(), 8000);  // 0.5 + 1000 * 1.5 / 200
  // Virginia to Tokyo: ~10,900 km, so about 82 ms one way and 164 ms a round trip.
  const auto tokyo = model.one_way(GeoPoint{39.0, -77.5}, GeoPoint{35.7, 139.7});
  QVERIFY2(tokyo > std::chrono::milliseconds(78) && tokyo < std::chrono::milliseconds(86),
           qPrintable(QString::number(tokyo.count())));
  model.jitter_ms = 5;
  std::mt19937 random(7);
  for (int i = 0; i < 100; ++i) {
    const auto d = model.one_way(1000.0, random);
    QVERIFY(d >= std::chrono::microseconds(8000) && d <= std::chrono::microseconds(13000));
  }
}

void TestGeo::routes_to_the_nearest_pop() {
  GeoRouter router({{"eu-west-2", {51.5, -0.1}}, {"us-east-1", {39.0, -77.5}}, {"ap-northeast-1", {35.7, 139.7}}});
  const auto now = std::chrono::steady_clock::now();
  QCOMPARE(router.route({48.9, 2.4}, now)->pop, 0u);     // Paris -> London
  QCOMPARE(router.route({40.7, -74.0}, now)->pop, 1u);   // New York -> Virginia
  QCOMPARE(router.route({37.6, 126.9}, now)->pop, 2u);   // Seoul -> Tokyo
  auto ranked = router.by_distance({48.9, 2.4});
  QCOMPARE(ranked.front().first, 0u);
  QVERIFY(ranked[0].second < ranked[1].second && ranked[1].second < ranked[2].second);
  QVERIFY(!router.route({48.9, 2.4}, now)->spilled);
}

void TestGeo::spills_when_full_and_fails_over_when_down() {
  GeoRouter router({{"eu-west-2", {51.5, -0.1}, 3}, {"eu-central-1", {50.1, 8.7}}, {"us-east-1", {39.0, -77.5}}});
  const GeoPoint paris{48.9, 2.4};
  const auto second = std::chrono::steady_clock::time_point(std::chrono::seconds(1000));
  for (int i = 0; i < 3; ++i) QCOMPARE(router.route(paris, second)->pop, 0u);
  auto spilled = router.route(paris, second);  // London is full this second
  QCOMPARE(spilled->pop, 1u);
  QVERIFY(spilled->spilled);
  QVERIFY2(spilled->why.find("eu-west-2 is over capacity") != std::string::npos, spilled->why.c_str());
  QCOMPARE(router.route(paris, second + std::chrono::seconds(1))->pop, 0u);  // a new second, room again

  router.set_health(0, PopHealth::down);
  auto failover = router.route(paris, second + std::chrono::seconds(2));
  QCOMPARE(failover->pop, 1u);
  QVERIFY2(failover->why.find("down") != std::string::npos, failover->why.c_str());
  router.set_health(1, PopHealth::degraded);  // degraded is still used, after the healthy ones
  QCOMPARE(router.route(paris, second + std::chrono::seconds(2))->pop, 2u);
  router.set_health(2, PopHealth::down);
  QCOMPARE(router.route(paris, second + std::chrono::seconds(2))->pop, 1u);
  router.set_health(1, PopHealth::down);
  QVERIFY(!router.route(paris, second + std::chrono::seconds(2)));
}

QTEST_GUILESS_MAIN(TestGeo)
#include "test_geo.moc"
