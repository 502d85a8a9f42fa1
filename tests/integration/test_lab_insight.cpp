// What the console reads about a running lab beyond its controls, over the
// lab API of a real default lab on loopback: the instance that tells one start
// of the lab from the next, latency by serving tier with hit/miss histograms,
// what-if questions (by position and by city, with the URL cached or not, and
// refused when malformed), and sampled requests with their Cache-Status,
// shield and client link.
#include "http/blocking_client.hpp"
#include "support/lab_harness.hpp"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

#include <boost/json.hpp>

#include <map>
#include <set>

using namespace edgelab;
using edgelab::test::LabAnswer;
using edgelab::test::LabHarness;
namespace json = boost::json;

namespace {

LabServiceOptions at_rate(double rps, bool running = true) {
  LabServiceOptions o;
  o.rps = rps;
  o.start_traffic = running;
  return o;
}

const char* const kTiers[] = {"L1", "L2", "shield", "origin"};

std::string percent_encoded(std::string_view text) {
  std::string out;
  for (unsigned char ch : text) {
    if (std::isalnum(ch) || ch == '.' || ch == '-' || ch == '_') {
      out.push_back(static_cast<char>(ch));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", ch);
      out += buf;
    }
  }
  return out;
}

// The data port of a node, from the topology.
std::uint16_t data_port(const LabHarness& lab, std::string_view node) {
  const LabAnswer topology = lab.get("/lab/v1/topology");  // kept: the loop reads into it
  for (const auto& n : topology.body.at("nodes").as_array())
    if (n.at("name").as_string() == node) {
      const std::string url(n.at("data_url").as_string());
      return static_cast<std::uint16_t>(std::stoi(url.substr(url.rfind(':') + 1)));
    }
  return 0;
}

bool has_tier(const json::object& hop, std::string_view tier) {
  for (const auto& t : hop.at("tiers").as_array())
    if (t.as_string() == tier) return true;
  return false;
}

}  // namespace

class TestLabInsight : public QObject {
  Q_OBJECT
 private slots:
  void topology_names_this_start_of_the_lab();
  void metrics_split_latency_by_serving_tier();
  void what_if_follows_the_path_and_sees_the_url_cached();
  void what_if_refuses_malformed_questions();
  void samples_carry_cache_status_shield_and_link();
};

void TestLabInsight::topology_names_this_start_of_the_lab() {
  std::string first;
  {
    LabHarness lab(at_rate(10, false));
    auto a = lab.get("/lab/v1/topology");
    QCOMPARE(a.status, 200u);
    first = std::string(a.body.at("instance").as_string());
    QVERIFY2(QRegularExpression("^[0-9]{13}-[0-9a-f]{16}$").match(QString::fromStdString(first)).hasMatch(),
             first.c_str());
    QCOMPARE(std::string(lab.get("/lab/v1/topology").body.at("instance").as_string()), first);  // the same lab
    QCOMPARE(a.body.at("name").as_string(), "default");                                         // and the fields it had
  }
  LabHarness again(at_rate(10, false));
  const std::string second(again.get("/lab/v1/topology").body.at("instance").as_string());
  QVERIFY2(second != first, second.c_str());
}

void TestLabInsight::metrics_split_latency_by_serving_tier() {
  LabHarness lab(at_rate(100));
  QTest::qWait(3300);
  auto a = lab.get("/lab/v1/metrics");
  QCOMPARE(a.status, 200u);
  const auto& body = a.body.as_object();
  const auto& bounds = body.at("histogram_bounds_ms").as_array();
  QCOMPARE(bounds.size(), 17u);
  for (std::size_t i = 0; i < bounds.size(); ++i) QCOMPARE(bounds[i].to_number<double>(), 0.25 * (1 << i));
  QCOMPARE(bounds.back().to_number<double>(), 16384.0);

  std::map<std::string, std::uint64_t> by_tier;
  const auto& seconds = body.at("seconds").as_array();
  QVERIFY2(seconds.size() >= 2, a.text.c_str());
  for (const auto& v : seconds) {
    const auto& s = v.as_object();
    const auto& tiers = s.at("tiers").as_object();
    const auto& latency = s.at("tier_latency").as_object();
    std::uint64_t hits = 0, misses = 0;
    for (const char* tier : kTiers) {
      const auto& l = latency.at(tier).as_object();
      const auto count = l.at("count").to_number<std::uint64_t>();
      QCOMPARE(count, tiers.at(tier).to_number<std::uint64_t>());
      if (count) QVERIFY(l.at("p50_ms").to_number<double>() <= l.at("p99_ms").to_number<double>());
      by_tier[tier] += count;
      (std::string_view(tier) == "L1" || std::string_view(tier) == "L2" ? hits : misses) += count;
    }
    const auto& histogram = s.at("histogram").as_object();
    std::uint64_t hit_counted = 0, miss_counted = 0;
    QCOMPARE(histogram.at("hit").as_array().size(), bounds.size());
    QCOMPARE(histogram.at("miss").as_array().size(), bounds.size());
    for (const auto& n : histogram.at("hit").as_array()) hit_counted += n.to_number<std::uint64_t>();
    for (const auto& n : histogram.at("miss").as_array()) miss_counted += n.to_number<std::uint64_t>();
    QCOMPARE(hit_counted, hits);
    QCOMPARE(miss_counted, misses);
  }
  // The run's figures cover at least the seconds shown (one more may have closed in between).
  const auto& requests = body.at("tier_requests").as_object();
  const auto& means = body.at("tier_mean_ms").as_object();
  for (const char* tier : kTiers) {
    QVERIFY2(requests.at(tier).to_number<std::uint64_t>() >= by_tier[tier], tier);
    const double mean = means.at(tier).to_number<double>();
    QVERIFY2(requests.at(tier).to_number<std::uint64_t>() ? mean > 0 : mean == 0, tier);
  }
  QVERIFY(by_tier["origin"] > 0);
  // A PoP's own hit is nearer than the origin, by the WAN legs at least.
  if (requests.at("L1").to_number<std::uint64_t>())
    QVERIFY2(means.at("L1").to_number<double>() < means.at("origin").to_number<double>(), a.text.c_str());
}

void TestLabInsight::what_if_follows_the_path_and_sees_the_url_cached() {
  LabHarness lab(at_rate(10, false));  // no users: only this test's request fills caches
  const std::string path = "/obj/whatif-paris?ttl=300";
  const std::string url = "http://www.test.example" + path;
  auto ask = [&](const std::string& where) {
    auto a = lab.get("/lab/v1/whatif?" + where + "&url=" + percent_encoded(url));
    if (a.status != 200) qWarning("%u %s", a.status, a.text.c_str());
    return a;
  };
  auto check_path = [](const LabAnswer& a, const char* pop, const char* shield) {
    const auto& body = a.body.as_object();
    QCOMPARE(body.at("pop").as_string(), pop);
    QCOMPARE(body.at("spilled").as_bool(), false);
    const auto& hops = body.at("path").as_array();
    QCOMPARE(hops.size(), 3u);
    const char* nodes[] = {pop, shield, "origin"};
    const char* roles[] = {"edge", "shield", "origin"};
    double sum = 0;
    for (std::size_t i = 0; i < 3; ++i) {
      const auto& hop = hops[i].as_object();
      QCOMPARE(hop.at("node").as_string(), nodes[i]);
      QCOMPARE(hop.at("role").as_string(), roles[i]);
      QVERIFY2(hop.at("link_ms").to_number<double>() > 0, a.text.c_str());
      QVERIFY2(!hop.contains("error"), a.text.c_str());
      sum += hop.at("link_ms").to_number<double>();
    }
    QVERIFY(std::abs(body.at("total_link_ms").to_number<double>() - sum) < 0.2);
  };

  auto before = ask("lat=48.86&lon=2.35");
  QCOMPARE(before.status, 200u);
  check_path(before, "edge-fr-central", "shield-eu-central-1");
  QCOMPARE(before.body.at("client").at("lat").to_number<double>(), 48.86);
  QVERIFY(before.body.at("path").at(0).at("tiers").as_array().empty());

  BlockingClient client({"127.0.0.1", data_port(lab, "edge-fr-central")});
  auto got = client.get(path, {{"Host", "www.test.example"}});
  QVERIFY(got && got->result_int() == 200);
  // The PoP stores the object once its whole body is in, which can be just after the client has it.
  LabAnswer after;
  for (int i = 0; i < 100; ++i) {
    after = ask("city=fr-central");
    if (has_tier(after.body.at("path").at(0).as_object(), "L1") &&
        has_tier(after.body.at("path").at(1).as_object(), "L1"))
      break;
    QTest::qWait(20);
  }
  check_path(after, "edge-fr-central", "shield-eu-central-1");
  QVERIFY2(has_tier(after.body.at("path").at(0).as_object(), "L1"), after.text.c_str());
  QVERIFY2(has_tier(after.body.at("path").at(1).as_object(), "L1"), after.text.c_str());
  QVERIFY(after.body.at("path").at(2).at("tiers").as_array().empty());
  // By city: the region's coordinates are the client's.
  QCOMPARE(after.body.at("client").at("region").as_string(), "fr-central");
  QCOMPARE(after.body.at("client").at("lat").to_number<double>(), 48.9);

  // London by the city's own name goes to its own PoP, which has not seen the URL.
  auto london = ask("city=London");
  QCOMPARE(london.status, 200u);
  check_path(london, "edge-eu-west-2", "shield-eu-central-1");
  QVERIFY(london.body.at("path").at(0).at("tiers").as_array().empty());
  QVERIFY(has_tier(london.body.at("path").at(1).as_object(), "L1"));  // the shared shield has it
}

void TestLabInsight::what_if_refuses_malformed_questions() {
  LabHarness lab(at_rate(10, false));
  const std::string url = "&url=" + percent_encoded("http://www.test.example/obj/a");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "lat: required"},
      {"lat=48.8" + url, "lon: required"},
      {"lat=91&lon=2" + url, "lat: expected a number from -90 to 90"},
      {"lat=-90.5&lon=2" + url, "lat:"},
      {"lat=north&lon=2" + url, "lat:"},
      {"lat=48&lon=-181" + url, "lon: expected a number from -180 to 180"},
      {"lat=48&lon=2e400" + url, "lon:"},
      {"city=atlantis" + url, "city: no region or city \"atlantis\""},
      {"city=fr-central&lat=48" + url, "city and lat/lon exclude each other"},
      {"lat=48&lon=2", "url: required"},
      {"lat=48&lon=2&url=" + percent_encoded("ftp://www.test.example/a"), "url: expected an absolute http(s) URL"},
      {"lat=48&lon=2&url=" + percent_encoded("/obj/a"), "url:"},
      {"lat=48&lon=2&url=" + percent_encoded("www.test.example/obj/a"), "url:"},
      {"lat=48&lon=2&url=" + percent_encoded("http:///obj/a"), "url:"},
      {"lat=48&lon=2&when=now" + url, "unknown parameter \"when\""},
  };
  for (const auto& [query, message] : cases) {
    auto a = lab.get("/lab/v1/whatif?" + query);
    const std::string what = query + " -> " + a.text;
    QVERIFY2(a.status == 400, what.c_str());
    QVERIFY2(a.body.at("error").as_string().find(message) != std::string::npos, what.c_str());
  }
  QCOMPARE(lab.call(http::verb::post, "/lab/v1/whatif?lat=1&lon=1" + url).status, 405u);
  QCOMPARE(lab.call(http::verb::get, "/lab/v1/whatif?lat=1&lon=1" + url, {}, std::string()).status, 401u);
}

void TestLabInsight::samples_carry_cache_status_shield_and_link() {
  LabHarness lab(at_rate(150));
  std::map<std::string, std::string> shield_of;  // PoP -> its shield, from the topology
  const LabAnswer topology = lab.get("/lab/v1/topology");
  for (const auto& n : topology.body.at("nodes").as_array()) {
    const std::string upstream(n.at("upstream").as_string());
    if (n.at("role").as_string() == "edge")
      shield_of[std::string(n.at("name").as_string())] = upstream == "origin" ? "" : upstream;
  }
  std::uint64_t next = 0;
  std::size_t answered = 0;
  std::set<std::string> tiers;
  QElapsedTimer timer;
  timer.start();
  while (timer.elapsed() < 2500) {
    auto a = lab.get("/lab/v1/samples?after=" + std::to_string(next) + "&timeout_ms=1000");
    QCOMPARE(a.status, 200u);
    next = a.body.at("next").to_number<std::uint64_t>();
    for (const auto& v : a.body.at("samples").as_array()) {
      const auto& s = v.as_object();
      const std::string text = json::serialize(s);
      for (const char* key : {"cache_status", "shield", "link_ms"}) QVERIFY2(s.contains(key), text.c_str());
      if (s.at("pop").is_null()) continue;
      const std::string pop(s.at("pop").as_string());
      QCOMPARE(std::string(s.at("shield").as_string()), shield_of.at(pop));
      QVERIFY2(s.at("link_ms").to_number<double>() > 0, text.c_str());
      if (s.at("status").to_number<int>() != 200) continue;
      ++answered;
      const std::string cache_status(s.at("cache_status").as_string());
      QVERIFY2(!cache_status.empty(), text.c_str());
      QVERIFY2(cache_status.find(pop) != std::string::npos, text.c_str());  // the PoP's own member
      const std::string tier(s.at("tier").as_string());
      tiers.insert(tier);
      if (tier == "L1") QVERIFY2(cache_status.find("detail=L1") != std::string::npos, text.c_str());
    }
  }
  QVERIFY2(answered > 30, qPrintable(QString::number(answered)));
  QVERIFY(tiers.contains("origin"));
}

QTEST_GUILESS_MAIN(TestLabInsight)
#include "test_lab_insight.moc"
