// The parts of the lab's simulated users that need no sockets: the traffic
// mix and Zipf popularity, the population weights, reading Cache-Status into
// a tier, and fault specifications.
#include "lab/fault_schedule.hpp"
#include "lab/served_tier.hpp"
#include "lab/traffic_mix.hpp"
#include "lab/user_population.hpp"

#include <QTest>

#include <cmath>

using namespace edgelab;

namespace {
const RegionCatalogue& catalogue() {
  static const RegionCatalogue c = *RegionCatalogue::load(EDGELAB_RESOURCES "/regions.json");
  return c;
}
}  // namespace

class TestTrafficModel : public QObject {
  Q_OBJECT
 private slots:
  void mix_proportions_data();
  void mix_proportions();
  void zipf_popularity();
  void targets_say_how_to_cache();
  void population_weights();
  void served_tier_data();
  void served_tier();
  void fault_specs_data();
  void fault_specs();
};

void TestTrafficModel::mix_proportions_data() {
  QTest::addColumn<double>("static_share");
  QTest::addColumn<double>("semi_share");
  QTest::addColumn<double>("dynamic_share");
  QTest::newRow("default 70/20/10") << 0.7 << 0.2 << 0.1;
  QTest::newRow("unnormalized 5/3/2") << 5.0 << 3.0 << 2.0;
  QTest::newRow("static only") << 1.0 << 0.0 << 0.0;
  QTest::newRow("no static") << 0.0 << 0.5 << 0.5;
  QTest::newRow("dynamic only") << 0.0 << 0.0 << 3.0;
}

void TestTrafficModel::mix_proportions() {
  QFETCH(double, static_share);
  QFETCH(double, semi_share);
  QFETCH(double, dynamic_share);
  TrafficConfig config;
  config.share[0] = static_share;
  config.share[1] = semi_share;
  config.share[2] = dynamic_share;
  const TrafficMix mix(config);
  std::mt19937_64 random(7);
  constexpr int kDraws = 200'000;
  int counts[kObjectClasses] = {};
  for (int i = 0; i < kDraws; ++i) ++counts[static_cast<int>(mix.pick(random).klass)];
  const double total = static_share + semi_share + dynamic_share;
  const double expected[] = {static_share / total, semi_share / total, dynamic_share / total};
  for (int c = 0; c < kObjectClasses; ++c) {
    const double seen = static_cast<double>(counts[c]) / kDraws;
    QVERIFY2(std::abs(seen - expected[c]) < 0.005,
             qPrintable(QStringLiteral("class %1: %2 drawn, %3 expected").arg(c).arg(seen).arg(expected[c])));
    if (expected[c] == 0) QCOMPARE(counts[c], 0);
  }
}

void TestTrafficModel::zipf_popularity() {
  for (double s : {0.6, 0.9, 1.2}) {
    const WeightedChoice zipf = WeightedChoice::zipf(1000, s);
    std::mt19937_64 random(11);
    std::vector<int> counts(1000, 0);
    constexpr int kDraws = 400'000;
    for (int i = 0; i < kDraws; ++i) ++counts[zipf(random)];
    // The most popular objects come up as often as Zipf says (within 3%)...
    for (std::uint32_t rank : {0u, 1u, 9u}) {
      const double seen = static_cast<double>(counts[rank]) / kDraws;
      QVERIFY2(std::abs(seen / zipf.probability(rank) - 1.0) < 0.03,
               qPrintable(QStringLiteral("s=%1 rank %2: %3 vs %4").arg(s).arg(rank).arg(seen).arg(zipf.probability(rank))));
    }
    // ... rank 1 against rank 2 is 2^s, and the tail is still reached.
    QVERIFY(std::abs(zipf.probability(0) / zipf.probability(1) - std::pow(2.0, s)) < 1e-9);
    QVERIFY(counts[999] > 0 || s > 1.0);
  }
}

void TestTrafficModel::targets_say_how_to_cache() {
  TrafficConfig config;
  config.object_bytes = 1000;
  config.static_ttl_s = 3600;
  config.semi_ttl_s = 5;
  config.semi_swr_s = 20;
  const TrafficMix mix(config);
  QCOMPARE(mix.target({ObjectClass::static_asset, 3}), std::string("/obj/static-3?size=1000&ttl=3600&tags=static"));
  QCOMPARE(mix.target({ObjectClass::semi_dynamic, 0}),
           std::string("/obj/semi-0?size=1000&cc=public%2C%20max-age%3D5%2C%20stale-while-revalidate%3D20&tags=semi"));
  QCOMPARE(mix.target({ObjectClass::dynamic, 9}), std::string("/obj/dyn-9?size=1000&cc=private%2C%20no-store"));
  QCOMPARE(mix.path({ObjectClass::semi_dynamic, 4}), std::string("/obj/semi-4"));
}

void TestTrafficModel::population_weights() {
  auto users = UserPopulation::build(catalogue(), {});
  QVERIFY(users);
  // 50 regions, 45 cities: Tokyo, Seoul, Mumbai, Singapore and Frankfurt host two regions each.
  QCOMPARE(users->cities().size(), 45u);
  std::size_t tokyo = 0, iowa = 0;
  for (std::size_t i = 0; i < users->cities().size(); ++i) {
    if (users->cities()[i].city == "Tokyo") tokyo = i;
    if (users->cities()[i].city == "Iowa") iowa = i;
  }
  QVERIFY(users->share(tokyo) > 40 * users->share(iowa));
  std::mt19937_64 random(3);
  std::vector<int> counts(users->cities().size(), 0);
  constexpr int kDraws = 300'000;
  for (int i = 0; i < kDraws; ++i) ++counts[users->pick(random)];
  QVERIFY(std::abs(static_cast<double>(counts[tokyo]) / kDraws - users->share(tokyo)) < 0.005);

  // Overrides: everyone in Paris (the second region of a shared city would speak for it too).
  std::map<std::string, double> only_paris;
  for (const auto& r : catalogue().regions()) only_paris[r.name] = 0;
  only_paris["fr-central"] = 1;
  auto paris = UserPopulation::build(catalogue(), only_paris);
  QVERIFY(paris);
  for (int i = 0; i < 1000; ++i) QCOMPARE(paris->cities()[paris->pick(random)].city, std::string("Paris"));
  only_paris["fr-central"] = 0;
  only_paris["jp-east"] = 2;  // Tokyo's second region
  auto tokyo_only = UserPopulation::build(catalogue(), only_paris);
  QVERIFY(tokyo_only);
  QCOMPARE(tokyo_only->cities()[tokyo_only->pick(random)].city, std::string("Tokyo"));
  only_paris["jp-east"] = 0;
  auto nobody = UserPopulation::build(catalogue(), only_paris);
  QVERIFY(!nobody);
  QVERIFY(nobody.error().find("no users") != std::string::npos);
}

void TestTrafficModel::served_tier_data() {
  QTest::addColumn<QString>("cache_status");
  QTest::addColumn<unsigned>("status");
  QTest::addColumn<QString>("tier");
  QTest::newRow("edge L1 hit, stored shield member before it")
      << "shield-eu; fwd=uri-miss; stored, edge-fr; hit; ttl=80; detail=L1" << 200u << "l1_hit";
  QTest::newRow("edge L2 hit") << "shield-eu; hit; detail=L1, edge-fr; hit; ttl=5; detail=L2" << 200u << "l2_hit";
  QTest::newRow("stale served at the edge") << "edge-fr; hit; fwd=stale; detail=L1" << 200u << "l1_hit";
  QTest::newRow("shield hit") << "shield-eu; hit; ttl=80; detail=L1, edge-fr; fwd=uri-miss; stored" << 200u
                              << "shield_hit";
  QTest::newRow("shield L2 hit") << "shield-eu; hit; detail=L2, edge-fr; fwd=uri-miss; stored" << 200u << "shield_hit";
  QTest::newRow("origin through both") << "shield-eu; fwd=uri-miss; stored, edge-fr; fwd=uri-miss; stored" << 200u
                                       << "origin";
  QTest::newRow("collapsed at the shield waited for the origin")
      << "shield-eu; fwd=uri-miss; collapsed, edge-fr; fwd=uri-miss" << 200u << "origin";
  QTest::newRow("uncacheable") << "shield-eu; fwd=uri-miss, edge-fr; fwd=uri-miss" << 200u << "origin";
  QTest::newRow("no shield") << "edge-fr; fwd=uri-miss; stored" << 200u << "origin";
  QTest::newRow("hit inside a name is not a hit") << "hitachi; fwd=uri-miss, edge-hit; fwd=uri-miss" << 200u
                                                      << "origin";
  QTest::newRow("quoted name and detail") << "\"Edge FR\"; hit; detail=\"L2\"" << 200u << "l2_hit";
  QTest::newRow("hit=?0 is no hit") << "edge-fr; hit=?0; fwd=uri-miss" << 200u << "origin";
  QTest::newRow("not a structured list") << "edge-fr; hit; detail=L1," << 200u << "origin";
  QTest::newRow("5xx") << "edge-fr; hit; detail=L1" << 503u << "error";
  QTest::newRow("no response") << "" << 0u << "error";
}

void TestTrafficModel::served_tier() {
  QFETCH(QString, cache_status);
  QFETCH(unsigned, status);
  QFETCH(QString, tier);
  const ServedTier served = edgelab::served_tier(cache_status.toStdString(), status);
  QCOMPARE(QString::fromStdString(std::string(to_string(served))), tier);
}

void TestTrafficModel::fault_specs_data() {
  QTest::addColumn<QString>("spec");
  QTest::addColumn<QString>("expected");  // "at action target value" or the error's words
  QTest::newRow("kill") << "3s:kill:edge-fr-central" << "3000 kill edge-fr-central 0";
  QTest::newRow("revive in ms") << "1500ms:revive:edge-fr-central" << "1500 revive edge-fr-central 0";
  QTest::newRow("plain seconds") << "2.5:cut:edge-x" << "2500 cut edge-x 0";
  QTest::newRow("link delay") << "1:link-delay:edge-x:150" << "1000 link-delay edge-x 150";
  QTest::newRow("origin slow") << "0:origin-slow:200" << "0 origin-slow  200";
  QTest::newRow("origin down") << "4:origin-down" << "4000 origin-down  0";
  QTest::newRow("no action") << "3s" << "expected AT:ACTION";
  QTest::newRow("bad time") << "soon:kill:x" << "\"soon\" is not a time";
  QTest::newRow("negative time") << "-1:kill:x" << "is not a time";
  QTest::newRow("unknown action") << "1:explode:x" << "unknown action \"explode\"";
  QTest::newRow("kill without node") << "1:kill" << "\"kill\" takes 1 argument";
  QTest::newRow("empty node") << "1:kill:" << "the node name is empty";
  QTest::newRow("delay not a number") << "1:link-delay:edge-x:lots" << "\"lots\" is not a delay";
  QTest::newRow("origin-down with extra") << "1:origin-down:now" << "takes 0 argument";
}

void TestTrafficModel::fault_specs() {
  QFETCH(QString, spec);
  QFETCH(QString, expected);
  auto step = parse_fault(spec.toStdString());
  if (!step) {
    QVERIFY2(step.error().find(expected.toStdString()) != std::string::npos, step.error().c_str());
    return;
  }
  QCOMPARE(QStringLiteral("%1 %2 %3 %4")
               .arg(step->at.count())
               .arg(QString::fromStdString(step->action), QString::fromStdString(step->target))
               .arg(step->value_ms),
           expected);
}

QTEST_GUILESS_MAIN(TestTrafficModel)
#include "test_traffic_model.moc"
