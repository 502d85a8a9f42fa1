// The lab control API as the console uses it: a real default lab on loopback
// (LabService), asked over HTTP with its bearer token. Topology, users
// started, changed and stopped, faults as events and health, bad inputs as
// clear 4xx, sampled requests, per-second metrics.
#include "admin/admin_token.hpp"
#include "http/blocking_client.hpp"
#include "lab/lab_service.hpp"
#include "support/lab_harness.hpp"

#include <QElapsedTimer>
#include <QTest>

#include <boost/json.hpp>

#include <filesystem>
#include <map>
#include <set>

using namespace edgelab;
namespace json = boost::json;

namespace {

// Behaviour, not speed: under the sanitizers (several times slower, on two
// cores) users are sent more slowly so the lab keeps up.
#ifdef __SANITIZE_ADDRESS__
constexpr double kRateScale = 0.25;
#else
constexpr double kRateScale = 1.0;
#endif

using Answer = edgelab::test::LabAnswer;
using Lab = edgelab::test::LabHarness;

LabServiceOptions at_rate(double rps) {
  LabServiceOptions o;
  o.rps = rps;
  return o;
}

std::uint64_t requests_since(const Lab& lab, std::int64_t after_s) {
  std::uint64_t n = 0;
  auto a = lab.get("/lab/v1/metrics?after=" + std::to_string(after_s));
  for (const auto& s : a.body.at("seconds").as_array()) n += s.at("requests").to_number<std::uint64_t>();
  return n;
}

std::int64_t now_s() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string state_of(const Lab& lab, std::string_view node) {
  auto a = lab.get("/lab/v1/health");
  for (const auto& n : a.body.at("nodes").as_array())
    if (n.at("node").as_string() == node) return std::string(n.at("state").as_string());
  return "missing";
}

}  // namespace

class TestLabApi : public QObject {
  Q_OBJECT
 private slots:
  void topology_lists_every_node_with_its_admin_url();
  void traffic_changes_rate_and_stop_stops_requests();
  void kill_is_a_fault_event_then_a_health_event();
  void bad_inputs_are_clear_errors();
  void samples_arrive_and_are_capped();
  void metrics_seconds_accumulate_with_offload();
};

void TestLabApi::topology_lists_every_node_with_its_admin_url() {
  LabServiceOptions options = at_rate(20);
  options.start_traffic = false;
  Lab lab(options);
  auto health = lab.call(http::verb::get, "/health", {}, std::string());
  QCOMPARE(health.status, 200u);
  QCOMPARE(health.body.at("ok").as_bool(), true);

  auto a = lab.get("/lab/v1/topology");
  QCOMPARE(a.status, 200u);
  QCOMPARE(a.body.at("name").as_string(), "default");
  QCOMPARE(a.body.at("origin").at("region").as_string(), "us-east-1");
  const auto& nodes = a.body.at("nodes").as_array();
  QCOMPARE(nodes.size(), 15u);
  QCOMPARE(a.body.at("links").as_array().size(), 15u);
  std::set<std::string> roles;
  const json::object* paris = nullptr;
  for (const auto& v : nodes) {
    const auto& n = v.as_object();
    roles.insert(std::string(n.at("role").as_string()));
    QVERIFY(n.at("admin_url").as_string().starts_with("http://127.0.0.1:"));
    QVERIFY(n.at("data_url").as_string().starts_with("http://127.0.0.1:"));
    QVERIFY(std::filesystem::path(std::string(n.at("token_file").as_string())).is_absolute());
    QVERIFY(std::filesystem::exists(std::string(n.at("token_file").as_string())));
    for (const char* key : {"name", "region", "city", "continent", "lat", "lon", "upstream", "capacity_rps"})
      QVERIFY2(n.contains(key), key);
    if (n.at("name").as_string() == "edge-fr-central") paris = &n;
  }
  QCOMPARE(roles, (std::set<std::string>{"edge", "shield"}));
  QVERIFY(paris);
  QCOMPARE(paris->at("city").as_string(), "Paris");
  QCOMPARE(paris->at("continent").as_string(), "Europe");

  // The admin URL is the node's real admin API.
  std::string error;
  auto token = read_admin_token(std::string(paris->at("token_file").as_string()), error);
  QVERIFY2(token, error.c_str());
  const std::string admin = std::string(paris->at("admin_url").as_string());
  BlockingClient client({"127.0.0.1", static_cast<std::uint16_t>(std::stoi(admin.substr(admin.rfind(':') + 1)))});
  auto status = client.get("/admin/v1/status", {{"Authorization", "Bearer " + *token}});
  QVERIFY(status);
  QCOMPARE(status->result_int(), 200u);
  QVERIFY(status->body().find("edge-fr-central") != std::string::npos);

  // Users were not started: none ran.
  auto traffic = lab.get("/lab/v1/traffic");
  QCOMPARE(traffic.body.at("running").as_bool(), false);
}

void TestLabApi::traffic_changes_rate_and_stop_stops_requests() {
  Lab lab(at_rate(5));
  auto before = lab.get("/lab/v1/traffic");
  QCOMPARE(before.status, 200u);
  QCOMPARE(before.body.at("running").as_bool(), true);
  QCOMPARE(before.body.at("rps").to_number<double>(), 5.0);
  for (const char* key : {"mix", "objects", "zipf", "seed"}) QVERIFY2(before.body.as_object().contains(key), key);

  const double fast_rps = 300 * kRateScale;
  auto changed = lab.put_traffic(R"({"rps":)" + std::to_string(static_cast<int>(fast_rps)) +
                                 R"(,"objects":200,"zipf":1.1,"mix":[1,1,0]})");
  QCOMPARE(changed.status, 200u);
  QCOMPARE(changed.body.at("rps").to_number<double>(), static_cast<double>(static_cast<int>(fast_rps)));
  QCOMPARE(changed.body.at("objects").to_number<int>(), 200);
  QCOMPARE(changed.body.at("mix").as_array().size(), 3u);
  QCOMPARE(lab.get("/lab/v1/traffic").body.at("rps").to_number<double>(), changed.body.at("rps").to_number<double>());
  // Some second after the change holds several times what the old rate could send in one.
  const std::int64_t changed_at = now_s();
  std::uint64_t busiest = 0;
  for (int i = 0; i < 40 && busiest <= 25; ++i) {
    QTest::qWait(200);
    const Answer metrics = lab.get("/lab/v1/metrics?after=" + std::to_string(changed_at));
    for (const auto& s : metrics.body.at("seconds").as_array())
      busiest = std::max(busiest, s.at("requests").to_number<std::uint64_t>());
  }
  QVERIFY2(busiest > 25, qPrintable(QString::number(busiest)));

  auto stopped = lab.put_traffic(R"({"running":false})");
  QCOMPARE(stopped.status, 200u);
  QCOMPARE(stopped.body.at("running").as_bool(), false);
  QVERIFY(lab.wait_for_event(
      [](const json::object& e) {
        return e.at("kind").as_string() == "traffic" && e.at("message").as_string().starts_with("users stopped");
      },
      std::chrono::seconds(5)));
  // Requests in flight finish within a second or so; then nothing more is sent.
  const std::int64_t quiet_from = now_s() + 2;
  QTest::qWait(4200);
  auto metrics = lab.get("/lab/v1/metrics?after=" + std::to_string(quiet_from - 1));
  QVERIFY(!metrics.body.at("seconds").as_array().empty());
  QCOMPARE(requests_since(lab, quiet_from - 1), 0u);

  // And started again.
  QCOMPARE(lab.put_traffic(R"({"running":true,"rps":50})").body.at("running").as_bool(), true);
  QVERIFY(lab.wait_for_event(
      [](const json::object& e) {
        return e.at("kind").as_string() == "traffic" && e.at("message").as_string().starts_with("users started");
      },
      std::chrono::seconds(5)));
}

void TestLabApi::kill_is_a_fault_event_then_a_health_event() {
  LabServiceOptions options = at_rate(50);
  options.health_interval = std::chrono::milliseconds(200);
  Lab lab(options);
  QCOMPARE(state_of(lab, "edge-fr-central"), std::string("healthy"));
  QCOMPARE(state_of(lab, "shield-eu-central-1"), std::string("healthy"));

  auto kill = lab.fault(R"({"action":"kill","node":"edge-fr-central"})");
  QCOMPARE(kill.status, 200u);
  const auto& event = kill.body.at("event").as_object();
  QCOMPARE(event.at("kind").as_string(), "fault");
  QCOMPARE(event.at("node").as_string(), "edge-fr-central");
  for (const char* key : {"id", "time_ms", "message"}) QVERIFY2(event.contains(key), key);

  auto is = [](std::string kind, std::string node, std::string state) {
    return [=](const json::object& e) {
      return e.at("kind").as_string() == kind && e.at("node").as_string() == node &&
             (state.empty() || (e.contains("state") && e.at("state").as_string() == state));
    };
  };
  QVERIFY(lab.wait_for_event(is("fault", "edge-fr-central", ""), std::chrono::seconds(5)));
  QVERIFY2(lab.wait_for_event(is("health", "edge-fr-central", "down"), std::chrono::seconds(5)),
           "no health event saying edge-fr-central is down");
  QCOMPARE(state_of(lab, "edge-fr-central"), std::string("down"));
  // A second kill of a node that is down is refused.
  QCOMPARE(lab.fault(R"({"action":"kill","node":"edge-fr-central"})").status, 409u);

  auto revive = lab.fault(R"({"action":"revive","node":"edge-fr-central"})");
  QCOMPARE(revive.status, 200u);
  QVERIFY(lab.wait_for_event(is("health", "edge-fr-central", "healthy"), std::chrono::seconds(5)));
  QCOMPARE(state_of(lab, "edge-fr-central"), std::string("healthy"));

  // Origin and link faults answer with their event too.
  auto slow = lab.fault(R"({"action":"origin-slow","ms":30})");
  QCOMPARE(slow.status, 200u);
  QCOMPARE(slow.body.at("event").at("node").as_string(), "origin");
  QCOMPARE(lab.fault(R"({"action":"origin-slow","ms":0})").status, 200u);
  QCOMPARE(lab.fault(R"({"action":"link-delay","node":"edge-fr-central","ms":40})").status, 200u);
  auto topology = lab.get("/lab/v1/topology");
  for (const auto& l : topology.body.at("links").as_array())
    if (l.at("from").as_string() == "edge-fr-central") QCOMPARE(l.at("delay_ms").to_number<double>(), 40.0);
}

void TestLabApi::bad_inputs_are_clear_errors() {
  LabServiceOptions options = at_rate(10);
  options.start_traffic = false;
  Lab lab(options);
  struct Case {
    http::verb method;
    std::string target;
    std::string body;
    std::optional<std::string> token;
    unsigned status;
    std::string names;  // the error message names this
  };
  const std::vector<Case> cases = {
      {http::verb::get, "/lab/v1/topology", "", std::string(), 401, "token"},
      {http::verb::get, "/lab/v1/topology", "", std::string(64, '0'), 401, "token"},
      {http::verb::post, "/lab/v1/faults", R"({"action":"kill","node":"edge-atlantis"})", {}, 404, "edge-atlantis"},
      {http::verb::post, "/lab/v1/faults", R"({"action":"explode","node":"edge-fr-central"})", {}, 400, "explode"},
      {http::verb::post, "/lab/v1/faults", R"({"action":"kill"})", {}, 400, "node"},
      {http::verb::post, "/lab/v1/faults", R"({"action":"link-delay","node":"edge-fr-central"})", {}, 400, "ms"},
      {http::verb::post, "/lab/v1/faults", R"({"action":"kill","node":"edge-fr-central","when":1})", {}, 400, "when"},
      {http::verb::post, "/lab/v1/faults", R"({"action":"kill",)", {}, 400, "JSON"},
      {http::verb::put, "/lab/v1/traffic", R"({"rps":-5})", {}, 400, "rps"},
      {http::verb::put, "/lab/v1/traffic", R"({"rps":"fast"})", {}, 400, "rps"},
      {http::verb::put, "/lab/v1/traffic", R"({"rps":50000})", {}, 400, "rps"},
      {http::verb::put, "/lab/v1/traffic", R"({"mix":[1,2]})", {}, 400, "mix"},
      {http::verb::put, "/lab/v1/traffic", R"({"mix":[0,0,0]})", {}, 400, "mix"},
      {http::verb::put, "/lab/v1/traffic", R"({"objects":0})", {}, 400, "objects"},
      {http::verb::put, "/lab/v1/traffic", R"({"zipf":4})", {}, 400, "zipf"},
      {http::verb::put, "/lab/v1/traffic", R"({"running":"yes"})", {}, 400, "running"},
      {http::verb::put, "/lab/v1/traffic", R"({"speed":3})", {}, 400, "speed"},
      {http::verb::put, "/lab/v1/traffic", "not json", {}, 400, "JSON"},
      {http::verb::put, "/lab/v1/traffic", "[1]", {}, 400, "object"},
      {http::verb::get, "/lab/v1/events?timeout_ms=40000", "", {}, 400, "timeout_ms"},
      {http::verb::get, "/lab/v1/samples?after=x", "", {}, 400, "after"},
      {http::verb::get, "/lab/v1/metrics?since=3", "", {}, 400, "since"},
      {http::verb::get, "/lab/v1/nothing", "", {}, 404, "/lab/v1/nothing"},
      {http::verb::delete_, "/lab/v1/traffic", "", {}, 405, "PUT"},
      {http::verb::get, "/lab/v1/faults", "", {}, 405, "POST"},
  };
  for (const auto& c : cases) {
    auto a = lab.call(c.method, c.target, c.body, c.token);
    const QString what = QString::fromStdString(c.target + " " + c.body + " -> " + a.text);
    QVERIFY2(a.status == c.status, qPrintable(what));
    QVERIFY2(a.body.is_object() && a.body.as_object().contains("error"), qPrintable(what));
    QVERIFY2(a.body.at("error").as_string().find(c.names) != std::string::npos, qPrintable(what));
  }
  // None of them changed anything.
  auto traffic = lab.get("/lab/v1/traffic");
  QCOMPARE(traffic.body.at("rps").to_number<double>(), 10.0);
  QCOMPARE(traffic.body.at("running").as_bool(), false);
  QCOMPARE(state_of(lab, "edge-fr-central"), std::string("healthy"));
  auto metrics = lab.get("/lab/v1/metrics");
  QVERIFY(metrics.body.at("api").at("auth_failures").to_number<int>() >= 2);
}

void TestLabApi::samples_arrive_and_are_capped() {
  Lab lab(at_rate(std::max(300 * kRateScale, 150.0)));  // above the ~100 samples per second
  std::uint64_t next = 0;
  std::map<std::int64_t, int> per_second;
  std::set<std::uint64_t> ids;
  std::size_t total = 0;
  QElapsedTimer timer;
  timer.start();
  while (timer.elapsed() < 3200) {
    auto a = lab.get("/lab/v1/samples?after=" + std::to_string(next) + "&timeout_ms=2000");
    QCOMPARE(a.status, 200u);
    next = a.body.at("next").to_number<std::uint64_t>();
    for (const auto& v : a.body.at("samples").as_array()) {
      const auto& s = v.as_object();
      QVERIFY(ids.insert(s.at("id").to_number<std::uint64_t>()).second);
      ++per_second[s.at("time_ms").to_number<std::int64_t>() / 1000];
      ++total;
      for (const char* key : {"city", "lat", "lon", "pop", "latency_ms", "status"}) QVERIFY2(s.contains(key), key);
      static const std::set<std::string> tiers{"L1", "L2", "shield", "origin", "error"};
      QVERIFY(tiers.contains(std::string(s.at("tier").as_string())));
      QVERIFY(s.at("url").as_string().starts_with("/obj/"));
    }
  }
  QVERIFY2(total > 50, qPrintable(QString::number(total)));
  for (const auto& [second, n] : per_second) QVERIFY2(n <= 100, qPrintable(QString::number(n)));
  // The ring holds the last ~10 s: an old id gets what is still there, at once.
  auto again = lab.get("/lab/v1/samples?after=0&timeout_ms=0");
  QCOMPARE(again.status, 200u);
  QVERIFY(again.body.at("samples").as_array().size() <= 1000u);
}

void TestLabApi::metrics_seconds_accumulate_with_offload() {
  Lab lab(at_rate(100));
  QTest::qWait(3300);
  auto a = lab.get("/lab/v1/metrics");
  QCOMPARE(a.status, 200u);
  const auto& seconds = a.body.at("seconds").as_array();
  QVERIFY2(seconds.size() >= 2, a.text.c_str());
  std::int64_t last = 0;
  std::uint64_t requests = 0;
  for (const auto& v : seconds) {
    const auto& s = v.as_object();
    QVERIFY(s.at("t").to_number<std::int64_t>() > last);
    last = s.at("t").to_number<std::int64_t>();
    requests += s.at("requests").to_number<std::uint64_t>();
    for (const char* key : {"errors", "origin_requests", "p50_ms", "p99_ms", "continents"})
      QVERIFY2(s.contains(key), key);
    std::uint64_t by_tier = 0;
    for (const char* tier : {"L1", "L2", "shield", "origin", "error"})
      by_tier += s.at("tiers").at(tier).to_number<std::uint64_t>();
    QCOMPARE(by_tier, s.at("requests").to_number<std::uint64_t>());
  }
  QVERIFY(requests > 0);
  QVERIFY(a.body.at("offload_10s").is_number());
  QVERIFY(a.body.at("offload_run").is_number());
  // After T: only newer seconds, and more of them as time goes on.
  QTest::qWait(1300);
  auto newer = lab.get("/lab/v1/metrics?after=" + std::to_string(last));
  QVERIFY(!newer.body.at("seconds").as_array().empty());
  for (const auto& s : newer.body.at("seconds").as_array()) QVERIFY(s.at("t").to_number<std::int64_t>() > last);
}

QTEST_GUILESS_MAIN(TestLabApi)
#include "test_lab_api.moc"
