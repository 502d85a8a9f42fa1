// Headless lab runs on the default topology: simulated users over real
// sockets, a 60 s-equivalent run whose origin load stays within what tiering
// and coalescing allow, the latency shape per tier, the run database
// reopened and equal to what was recorded, and faults during a run.
#include "lab/lab_run.hpp"
#include "lab/run_database.hpp"

#include <QTemporaryDir>
#include <QTest>

#include <boost/json.hpp>

using namespace edgelab;

namespace {
// The subject here is behaviour, not speed: under the sanitizers (several
// times slower, on two cores) users arrive more slowly so the lab is not
// overloaded into timeouts.
#ifdef __SANITIZE_ADDRESS__
constexpr double kRateScale = 0.25;
#else
constexpr double kRateScale = 1.0;
#endif

const RegionCatalogue& catalogue() {
  static const RegionCatalogue c = *RegionCatalogue::load(EDGELAB_RESOURCES "/regions.json");
  return c;
}
const Topology& default_topology() {
  static const Topology t = *load_topology(EDGELAB_RESOURCES "/topologies/default.json", catalogue());
  return t;
}
std::uint64_t sum_requests(const std::vector<NodeSecond>& series) {
  std::uint64_t n = 0;
  for (const auto& s : series) n += s.requests;
  return n;
}
}  // namespace

class TestLabRun : public QObject {
  Q_OBJECT
 private slots:
  void sixty_second_equivalent_run();
  void faults_move_users_and_are_logged();
  void bad_settings_are_refused();
};

void TestLabRun::sixty_second_equivalent_run() {
  QTemporaryDir dir;
  std::string error;
  auto lab = LabFleet::start(default_topology(), {}, error);
  QVERIFY2(lab, error.c_str());
  LabRunOptions options;
  // 60 s of users at 25 req/s, sent at 500 req/s so the run takes seconds. No
  // request is shed however slow the machine: the in-flight cap is the whole run.
  options.traffic.rps = 500 * kRateScale;
  options.traffic.duration_s = 60;
  options.traffic.max_requests = 1500;
  options.traffic.max_in_flight = 1500;
  options.traffic.objects = 300;
  options.run_db_path = dir.filePath(QStringLiteral("runs.sqlite")).toStdString();
  LabRun run(*lab, default_topology(), catalogue(), options);
  auto report = run.run();
  QVERIFY2(report, report ? "" : report.error().c_str());
  qInfo().noquote() << QString::fromStdString(report->table());

  QCOMPARE(report->requests, 1500u);
  QCOMPARE(report->shed, 0u);
  QCOMPARE(report->no_route, 0u);
  QVERIFY2(report->error_kinds.empty(), report->table().c_str());
  // Tiering and coalescing: each cacheable object reaches the origin at most once per shield.
  QVERIFY(report->origin_cacheable_requests > 0);
  QCOMPARE(report->origin_facing_nodes, 3u);
  QVERIFY2(report->origin_cacheable_requests <= report->origin_fetch_bound(),
           qPrintable(QStringLiteral("%1 origin requests for cacheable objects, bound %2")
                          .arg(report->origin_cacheable_requests)
                          .arg(report->origin_fetch_bound())));
  // Every dynamic request reaches the origin.
  QVERIFY(report->origin_requests >= report->origin_cacheable_requests + report->class_requests[2]);
  QVERIFY(report->origin_offload() > 0.3);
  // The shape of the design's chart, from simulated distances: edge < shield < origin.
  const auto& t = report->tiers;
  for (auto tier : {ServedTier::l1_hit, ServedTier::shield_hit, ServedTier::origin})
    QVERIFY(t[static_cast<int>(tier)].count > 30);
  QVERIFY(t[static_cast<int>(ServedTier::l1_hit)].p50_us < t[static_cast<int>(ServedTier::shield_hit)].p50_us);
  QVERIFY(t[static_cast<int>(ServedTier::shield_hit)].p50_us < t[static_cast<int>(ServedTier::origin)].p50_us);
  std::uint64_t per_pop = 0;
  for (const auto& p : report->pops) per_pop += p.requests;
  QCOMPARE(per_pop, 1500u);

  // The per-second history saw the same requests at the PoPs, and the origin's.
  const MetricsHistory& history = *run.history();
  std::uint64_t at_pops = 0;
  for (const auto& n : lab->nodes())
    if (n.role == LabNode::Role::pop) at_pops += sum_requests(history.series(history.index_of(n.name)));
  QCOMPARE(at_pops, 1500u);
  QCOMPARE(sum_requests(history.series(history.index_of("origin"))), report->origin_requests);

  // The run database, reopened, holds exactly what was recorded.
  auto db = RunDatabase::open(options.run_db_path, error);
  QVERIFY2(db, error.c_str());
  auto runs = db->runs(error);
  QCOMPARE(runs.size(), 1u);
  QCOMPARE(runs[0].id, *run.run_id());
  QCOMPARE(runs[0].topology, std::string("default"));
  auto stored = db->load(*run.run_id(), error);
  QVERIFY2(stored, error.c_str());
  QCOMPARE(stored->report_json, boost::json::serialize(report->to_json()));
  QCOMPARE(stored->seconds.size(), history.nodes().size());
  for (std::size_t i = 0; i < history.nodes().size(); ++i)
    QVERIFY2(stored->seconds[history.nodes()[i]] == history.series(i), history.nodes()[i].c_str());
  QVERIFY(stored->events == report->events);
  boost::system::error_code ec;
  auto settings = boost::json::parse(stored->settings_json, ec);
  QVERIFY(!ec);
  QCOMPARE(settings.at("traffic").at("max_requests").to_number<std::uint64_t>(), 1500u);
  QVERIFY(!db->load(*run.run_id() + 1, error));
  QVERIFY(error.find("no run") != std::string::npos);
}

void TestLabRun::faults_move_users_and_are_logged() {
  std::string error;
  auto lab = LabFleet::start(default_topology(), {}, error);
  QVERIFY2(lab, error.c_str());
  LabRunOptions options;
  options.traffic.rps = 300 * kRateScale;
  options.traffic.duration_s = 3;
  options.traffic.objects = 100;
  for (const auto& r : catalogue().regions()) options.traffic.population[r.name] = 0;
  options.traffic.population["fr-central"] = 1;  // every user in Paris
  options.health.interval = std::chrono::milliseconds(200);
  options.health.timeout = std::chrono::milliseconds(200);
  for (const char* spec : {"1s:kill:edge-fr-central", "2s:revive:edge-fr-central", "1.5s:origin-slow:50"})
    options.faults.push_back(*parse_fault(spec));
  LabRun run(*lab, default_topology(), catalogue(), options);
  auto report = run.run();
  QVERIFY2(report, report ? "" : report.error().c_str());
  qInfo().noquote() << QString::fromStdString(report->table());

  auto has_event = [&](std::string_view what, std::string_view target, std::string_view detail) {
    for (const auto& e : report->events)
      if (e.what == what && e.target == target && e.detail.find(detail) != std::string::npos) return true;
    return false;
  };
  QVERIFY(has_event("kill", "edge-fr-central", ""));
  QVERIFY(has_event("revive", "edge-fr-central", ""));
  QVERIFY(has_event("origin_slow", "origin", "+50 ms"));
  QVERIFY(has_event("health", "edge-fr-central", "-> down"));
  QVERIFY(has_event("health", "edge-fr-central", "down -> healthy"));
  // While Paris was down its users went to the next nearest PoP (London).
  const PopFigures* paris = nullptr;
  const PopFigures* london = nullptr;
  for (const auto& p : report->pops) {
    if (p.name == "edge-fr-central") paris = &p;
    if (p.name == "edge-eu-west-2") london = &p;
  }
  QVERIFY(paris && london);
  const double rate = options.traffic.rps;
  QVERIFY2(london->spilled_in > rate / 6, qPrintable(QString::number(london->spilled_in)));
  QVERIFY(paris->requests > rate);  // before the kill and after the revive
  // Requests failed only in the moments before the health check saw the kill.
  const auto errors = report->tiers[static_cast<int>(ServedTier::error)].count;
  QVERIFY2(errors < report->requests / 8, report->table().c_str());
  QCOMPARE(report->requests, static_cast<std::uint64_t>(std::llround(rate * 3)));
}

void TestLabRun::bad_settings_are_refused() {
  std::string error;
  auto lab = LabFleet::start(default_topology(), {}, error);
  QVERIFY2(lab, error.c_str());
  auto attempt = [&](LabRunOptions options) {
    LabRun run(*lab, default_topology(), catalogue(), std::move(options));
    auto report = run.run();
    return report ? std::string() : report.error();
  };
  LabRunOptions unknown_node;
  unknown_node.faults.push_back(*parse_fault("1:kill:edge-atlantis"));
  QVERIFY(attempt(unknown_node).find("no node \"edge-atlantis\"") != std::string::npos);
  LabRunOptions too_late;
  too_late.traffic.duration_s = 2;
  too_late.faults.push_back(*parse_fault("5:origin-down"));
  QVERIFY(attempt(too_late).find("after the run's end") != std::string::npos);
  LabRunOptions nobody;
  for (const auto& r : catalogue().regions()) nobody.traffic.population[r.name] = 0;
  QVERIFY(attempt(nobody).find("no users") != std::string::npos);
  LabRunOptions bad_db;
  bad_db.run_db_path = "/proc/edgelab/none.sqlite";
  QVERIFY(attempt(bad_db).find("run database") != std::string::npos);
  QTemporaryDir dir;
  const QString not_db = dir.filePath(QStringLiteral("text.sqlite"));
  {
    QFile f(not_db);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is not a database, it is a text file of some length to look like one\n");
  }
  LabRunOptions text_db;
  text_db.run_db_path = not_db.toStdString();
  QVERIFY(attempt(text_db).find("run database") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestLabRun)
#include "test_lab_run.moc"
