// Lab topologies: the two that ship, nearest-shield assignment, and errors
// that name the problem.
#include "lab/topology.hpp"

#include <QTest>

#include <set>

using namespace edgelab;

namespace {
const RegionCatalogue& catalogue() {
  static const RegionCatalogue c = *RegionCatalogue::load(EDGELAB_RESOURCES "/regions.json");
  return c;
}
std::string shield_of(const Topology& t, std::string_view pop) {
  for (const auto& p : t.pops)
    if (p.region->name == pop) return p.shield ? t.shields[*p.shield].region->name : "none";
  return "?";
}
}  // namespace

class TestTopology : public QObject {
  Q_OBJECT
 private slots:
  void default_topology();
  void world50_topology();
  void explicit_and_no_shield();
  void errors_name_the_problem_data();
  void errors_name_the_problem();
};

void TestTopology::default_topology() {
  auto t = load_topology(EDGELAB_RESOURCES "/topologies/default.json", catalogue());
  QVERIFY2(t, t ? "" : t.error().c_str());
  QCOMPARE(t->pops.size(), 12u);
  QCOMPARE(t->shields.size(), 3u);
  QCOMPARE(t->origin->name, std::string("us-east-1"));
  std::set<std::string> continents;
  for (const auto& p : t->pops) continents.insert(p.region->continent);
  QCOMPARE(continents.size(), 6u);
  // Nearest shield by great-circle distance.
  QCOMPARE(shield_of(*t, "sa-brazil-south"), std::string("us-central"));
  QCOMPARE(shield_of(*t, "af-south-africa"), std::string("eu-central-1"));
  QCOMPARE(shield_of(*t, "me-uae"), std::string("eu-central-1"));
  QCOMPARE(shield_of(*t, "ap-south-1"), std::string("ap-southeast-1"));
  QCOMPARE(shield_of(*t, "ap-southeast-2"), std::string("ap-southeast-1"));
  QCOMPARE(t->pops.front().capacity_rps, 2000.0);
  QCOMPARE(t->pops.front().l1_bytes, 2097152u);
  QCOMPARE(t->pops.front().l2_bytes, 67108864u);
  QCOMPARE(t->shields.front().l2_bytes, 268435456u);
  QCOMPARE(t->traffic.rps, 250.0);
  QCOMPARE(t->traffic.objects, 1000u);
}

void TestTopology::world50_topology() {
  auto t = load_topology(EDGELAB_RESOURCES "/topologies/world50.json", catalogue());
  QVERIFY2(t, t ? "" : t.error().c_str());
  QCOMPARE(t->pops.size(), 50u);
  QCOMPARE(t->shields.size(), 5u);
  for (const auto& p : t->pops) QVERIFY(p.shield.has_value());
  QCOMPARE(shield_of(*t, "ap-northeast-2"), std::string("ap-northeast-1"));
}

void TestTopology::explicit_and_no_shield() {
  auto t = parse_topology(
      "{\"origin\":\"us-east-1\",\"shields\":[{\"region\":\"eu-central-1\"},{\"region\":\"us-central\"}],"
      "\"pops\":[{\"region\":\"fr-central\",\"shield\":\"us-central\",\"capacity_rps\":50},"
      "{\"region\":\"eu-west-2\",\"shield\":\"none\",\"l1_bytes\":1024}]}",
      catalogue());
  QVERIFY2(t, t ? "" : t.error().c_str());
  QCOMPARE(shield_of(*t, "fr-central"), std::string("us-central"));
  QCOMPARE(shield_of(*t, "eu-west-2"), std::string("none"));
  QCOMPARE(t->pops[0].capacity_rps, 50.0);
  QCOMPARE(t->pops[1].l1_bytes, 1024u);
}

void TestTopology::errors_name_the_problem_data() {
  QTest::addColumn<QString>("json");
  QTest::addColumn<QString>("message");
  const QString pops = "\"pops\":[{\"region\":\"fr-central\"}]";
  QTest::newRow("not json") << "{" << "invalid JSON";
  QTest::newRow("unknown key") << "{\"origin\":\"us-east-1\"," + pops + ",\"colour\":1}" << "unknown key \"colour\"";
  QTest::newRow("no origin") << "{" + pops + "}" << "origin: expected a region name";
  QTest::newRow("unknown origin") << "{\"origin\":\"mars-1\"," + pops + "}" << "origin: unknown region \"mars-1\"";
  QTest::newRow("no pops") << "{\"origin\":\"us-east-1\",\"pops\":[]}" << "pops: expected a non-empty array";
  QTest::newRow("unknown pop region") << "{\"origin\":\"us-east-1\",\"pops\":[{\"region\":\"paris\"}]}"
                                      << "pops[0].region: unknown region \"paris\"";
  QTest::newRow("pop twice") << "{\"origin\":\"us-east-1\",\"pops\":[{\"region\":\"fr-central\"},{\"region\":"
                                "\"fr-central\"}]}"
                             << "pops[1]: a second PoP";
  QTest::newRow("shield not listed") << "{\"origin\":\"us-east-1\",\"pops\":[{\"region\":\"fr-central\",\"shield\":"
                                        "\"eu-west-1\"}]}"
                                     << "pops[0].shield: \"eu-west-1\" is not one of the topology's shields";
  QTest::newRow("bad size") << "{\"origin\":\"us-east-1\",\"pops\":[{\"region\":\"fr-central\",\"l1_bytes\":\"big\"}]}"
                            << "pops[0].l1_bytes: expected a byte count";
  QTest::newRow("bad capacity") << "{\"origin\":\"us-east-1\",\"pops\":[{\"region\":\"fr-central\",\"capacity_rps\":-1}]}"
                                << "pops[0].capacity_rps";
  QTest::newRow("unknown pop key") << "{\"origin\":\"us-east-1\",\"pops\":[{\"region\":\"fr-central\",\"size\":1}]}"
                                   << "pops[0]: unknown key \"size\"";
  const QString head = "{\"origin\":\"us-east-1\"," + pops + ",\"traffic\":";
  QTest::newRow("traffic not object") << head + "[]}" << "traffic: expected an object";
  QTest::newRow("traffic unknown key") << head + "{\"users\":1}}" << "traffic: unknown key \"users\"";
  QTest::newRow("traffic rps") << head + "{\"rps\":0}}" << "traffic.rps: expected a number above 0";
  QTest::newRow("traffic zipf") << head + "{\"zipf\":\"high\"}}" << "traffic.zipf";
  QTest::newRow("traffic objects") << head + "{\"objects\":0.5}}" << "traffic.objects: expected a whole number";
  QTest::newRow("traffic mix class") << head + "{\"mix\":{\"video\":1}}}" << "traffic.mix: unknown class \"video\"";
  QTest::newRow("traffic mix zero") << head + "{\"mix\":{\"static\":0}}}" << "traffic.mix: the shares add up to 0";
  QTest::newRow("traffic mix negative") << head + "{\"mix\":{\"static\":-1}}}" << "traffic.mix.static";
  QTest::newRow("traffic population region") << head + "{\"population\":{\"atlantis\":3}}}"
                                             << "traffic.population: unknown region \"atlantis\"";
  QTest::newRow("traffic too many requests") << head + "{\"rps\":100000,\"duration_s\":86400}}"
                                             << "a run makes at most 20000000 requests";
  QTest::newRow("traffic population weight") << head + "{\"population\":{\"fr-central\":-3}}}"
                                             << "traffic.population.fr-central";
}

void TestTopology::errors_name_the_problem() {
  QFETCH(QString, json);
  QFETCH(QString, message);
  auto t = parse_topology(json.toStdString(), catalogue());
  QVERIFY(!t);
  QVERIFY2(t.error().find(message.toStdString()) != std::string::npos, t.error().c_str());
}

QTEST_GUILESS_MAIN(TestTopology)
#include "test_topology.moc"
