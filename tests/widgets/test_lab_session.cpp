// The console's lab path end to end: ConsoleSession and LabControlsWidget
// against a stand-in lab control API that answers exactly as the contract
// (briefs/lab_api_contract.md) says, served by the engine's HttpServer in front
// of a real node. The real lab API lands in another branch; this checks the
// console's side: topology -> fleet rows and places, health -> the table,
// metrics -> status figures, a fault sent from the UI reaching the lab and its
// event coming back, a cut shown on the link, bad input as a clear error.
#include "admin/admin_http.hpp"
#include "http/http_server.hpp"
#include "models/console_session.hpp"
#include "support/test_fleet.hpp"
#include "views/lab_controls_widget.hpp"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <boost/json.hpp>

#include <mutex>

using namespace edgelab;
using namespace edgelab::console;
using edgelab::test::TestFleet;
namespace json = boost::json;

namespace {

// The stand-in lab: one PoP ("paris"), bearer token "lab-token".
class FakeLab {
 public:
  FakeLab(net::io_context& ioc, std::uint16_t parisAdminPort, std::string parisTokenFile)
      : admin_port_(parisAdminPort), token_file_(std::move(parisTokenFile)) {
    server_ = std::make_shared<HttpServer>(ioc, ServerLimits{}, [this](HttpExchangePtr x) { handle(std::move(x)); });
    if (auto ec = server_->listen({"127.0.0.1", 0})) qFatal("fake lab: %s", ec.message().c_str());
  }
  ~FakeLab() {
    std::promise<void> done;
    server_->shutdown([&] { done.set_value(); });
    done.get_future().wait_for(std::chrono::seconds(5));
  }
  std::uint16_t port() const { return server_->port(); }
  int faults() {
    std::lock_guard lock(mutex_);
    return static_cast<int>(events_.size());
  }

 private:
  void handle(HttpExchangePtr x) {
    const Request& req = x->request();
    const bool keep = req.keep_alive();
    if (req[http::field::authorization] != "Bearer lab-token")
      return x->respond(json_error(http::status::unauthorized, "missing or invalid bearer token", keep));
    std::string_view target = req.target();
    const std::string path(target.substr(0, target.find('?')));
    auto query = [&](std::string_view key) -> std::int64_t {
      const auto at = target.find(std::string(key) + "=");
      return at == std::string_view::npos ? 0 : std::atoll(std::string(target.substr(at + key.size() + 1)).c_str());
    };
    std::lock_guard lock(mutex_);
    auto ok = [&](json::object body) { x->respond(json_response(http::status::ok, body, keep)); };
    const auto nowMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    if (path == "/lab/v1/topology") {
      return ok({{"name", "default"},
                 {"origin",
                  {{"name", "origin"},
                   {"region", "us-east-1"},
                   {"city", "Virginia"},
                   {"lat", 39.0},
                   {"lon", -77.5},
                   {"data_url", "http://127.0.0.1:1"}}},
                 {"nodes", json::array{{{"name", "paris"},
                                        {"role", "edge"},
                                        {"region", "fr-central"},
                                        {"city", "Paris"},
                                        {"continent", "Europe"},
                                        {"lat", 48.86},
                                        {"lon", 2.35},
                                        {"data_url", "http://127.0.0.1:1"},
                                        {"admin_url", "http://127.0.0.1:" + std::to_string(admin_port_)},
                                        {"token_file", token_file_},
                                        {"upstream", "origin"},
                                        {"capacity_rps", 2000}}}},
                 {"links", json::array{{{"from", "paris"}, {"to", "origin"}, {"delay_ms", 40.1}, {"cut", cut_}}}}});
    }
    if (path == "/lab/v1/health")
      return ok(
          {{"nodes", json::array{{{"node", "paris"}, {"state", state_}, {"reason", reason_}, {"since_ms", nowMs}}}}});
    if (path == "/lab/v1/metrics")
      return ok(
          {{"seconds", json::array{{{"t", nowMs / 1000}, {"requests", 123}, {"errors", 2}, {"origin_requests", 40}}}},
           {"offload_10s", 0.62},
           {"offload_run", 0.53}});
    if (path == "/lab/v1/traffic") {
      if (req.method() == http::verb::put) {
        const json::object body = json::parse(req.body()).as_object();
        if (auto* running = body.if_contains("running")) running_ = running->as_bool();
      }
      return ok({{"running", running_},
                 {"rps", 250},
                 {"mix", json::array{0.7, 0.2, 0.1}},
                 {"objects", 1000},
                 {"zipf", 0.9},
                 {"seed", 1}});
    }
    if (path == "/lab/v1/faults") {
      const json::object body = json::parse(req.body()).as_object();
      const std::string action(body.at("action").as_string());
      const std::string node = body.contains("node") ? std::string(body.at("node").as_string()) : "";
      if (!action.starts_with("origin") && node != "paris")
        return x->respond(json_error(http::status::not_found, "unknown node \"" + node + "\"", keep));
      if (action == "kill") {
        state_ = "down";
        reason_ = "killed by a fault";
      }
      if (action == "cut") cut_ = true;
      json::object event{{"id", events_.size() + 1},
                         {"time_ms", nowMs},
                         {"kind", "fault"},
                         {"node", node},
                         {"message", action + " " + node}};
      events_.push_back(event);
      return ok({{"event", event}});
    }
    if (path == "/lab/v1/events" || path == "/lab/v1/samples") {
      const bool samples = path == "/lab/v1/samples";
      const std::int64_t after = query("after");
      json::array list;
      if (samples) {
        if (after < 3)
          list.push_back({{"id", after + 1},
                          {"time_ms", nowMs},
                          {"city", "Lyon"},
                          {"lat", 45.76},
                          {"lon", 4.84},
                          {"pop", "paris"},
                          {"tier", "L1"},
                          {"latency_ms", 12.0},
                          {"status", 200},
                          {"url", "/obj/a"}});
      } else {
        for (const auto& e : events_)
          if (e.at("id").to_number<std::int64_t>() > after) list.push_back(e);
      }
      const std::int64_t next = list.empty() ? after : list.back().at("id").to_number<std::int64_t>();
      json::object body{{samples ? "samples" : "events", list}, {"next", next}};
      if (!list.empty()) return ok(body);
      // Nothing new: answer a little later, as a long-poll would.
      auto timer = std::make_shared<net::steady_timer>(x->executor(), std::chrono::milliseconds(200));
      timer->async_wait([x, timer, body, keep](boost::system::error_code) {
        x->respond(json_response(http::status::ok, body, keep));
      });
      return;
    }
    x->respond(json_error(http::status::not_found, "no such endpoint: " + path, keep));
  }

  std::uint16_t admin_port_;
  std::string token_file_;
  std::shared_ptr<HttpServer> server_;
  std::mutex mutex_;
  std::vector<json::object> events_;
  std::string state_ = "healthy", reason_;
  bool cut_ = false, running_ = true;
};

}  // namespace

class TestLabSession : public QObject {
  Q_OBJECT
 private slots:
  void faultFromTheUiComesBack() {
    TestFleet fleet;
    fleet.start_origin();
    const QString token = fleet.temp_path("paris.token");
    auto& paris = fleet.start_node("paris", 0, [&](NodeConfig& c) {
      c.admin = AdminConfig{{"127.0.0.1", 0}, token.toStdString()};
    });
    FakeLab lab(fleet.context(), paris.admin_port(), token.toStdString());
    const QString labToken = fleet.temp_path("lab.token");
    {
      QFile f(labToken);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("lab-token\n");
    }
    AdminClient::Intervals fast;
    fast.stats_ms = 200;
    fast.status_ms = 300;
    ConsoleSession session(fast);
    QSignalSpy samples(&session, &ConsoleSession::samplesArrived);
    session.connectLab(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(lab.port())), labToken);
    LabControlsWidget controls(&session);

    // The topology makes the fleet: one row, placed and named by the lab.
    FleetModel& model = session.fleet();
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 5000);
    const QModelIndex row = model.index(0, 0);
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0, FleetModel::CityColumn).data().toString(), QStringLiteral("Paris"), 5000);
    QCOMPARE(row.data(FleetModel::LatitudeRole).toDouble(), 48.86);
    QCOMPARE(row.data(FleetModel::UpstreamRole).toString(), QStringLiteral("origin"));
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0, FleetModel::HealthColumn).data().toString(), QStringLiteral("healthy"),
                              5000);

    // Metrics and traffic reach the status figures.
    QTRY_COMPARE_WITH_TIMEOUT(session.labSummary().offload_10s, 0.62, 5000);
    QCOMPARE(session.labSummary().offload_run, 0.53);
    QCOMPARE(session.labSummary().requests_per_s, 123.0);
    QCOMPARE(session.labSummary().name, QStringLiteral("default"));
    QTRY_COMPARE_WITH_TIMEOUT(session.labSummary().state, QStringLiteral("running"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(samples.count() >= 1, 5000);

    // A kill sent from the lab controls: the lab gets it, its event comes back to the
    // log, and the lab's health verdict shows in the table.
    controls.sendFault(QStringLiteral("kill"), QStringLiteral("paris"));
    QTRY_COMPARE_WITH_TIMEOUT(lab.faults(), 1, 5000);
    auto logged = [&](const QString& kind, const QString& message) {
      for (int r = 0; r < session.events().rowCount(); ++r)
        if (session.events().index(r, EventLogModel::KindColumn).data().toString() == kind &&
            session.events().index(r, EventLogModel::MessageColumn).data().toString().contains(message))
          return true;
      return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(logged(QStringLiteral("fault"), QStringLiteral("kill paris")), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0, FleetModel::HealthColumn).data().toString(),
                              QStringLiteral("down: killed by a fault"), 5000);

    // A cut: the topology is read again and the link is drawn cut.
    controls.sendFault(QStringLiteral("cut"), QStringLiteral("paris"));
    QTRY_VERIFY_WITH_TIMEOUT(model.index(0, 0).data(FleetModel::LinkCutRole).toBool(), 5000);

    // An unknown PoP is the lab's clear 404, logged.
    controls.sendFault(QStringLiteral("revive"), QStringLiteral("atlantis"));
    QTRY_VERIFY_WITH_TIMEOUT(logged(QStringLiteral("fault"), QStringLiteral("404 unknown node \"atlantis\"")), 5000);

    // Stopping the users through the traffic API.
    std::optional<ApiResult> put;
    session.lab()->putTraffic(QJsonObject{{QStringLiteral("running"), false}}, [&](const ApiResult& r) { put = r; });
    QTRY_VERIFY_WITH_TIMEOUT(put.has_value(), 5000);
    QVERIFY2(put->ok(), qPrintable(put->error));
    QTRY_COMPARE_WITH_TIMEOUT(session.labSummary().state, QStringLiteral("stopped"), 5000);
    session.lab()->stop();
  }
};

QTEST_MAIN(TestLabSession)
#include "test_lab_session.moc"
