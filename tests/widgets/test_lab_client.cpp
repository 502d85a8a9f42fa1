// LabClient's plumbing against real HTTP servers on loopback. The lab control
// API itself is not on this branch yet, so the client is pointed at a node's
// admin listener: its answers (404 for /lab/v1/*, 401 for a wrong or missing
// token) and a refused port must come back as the clear errors the console shows.
#include "api/lab_client.hpp"
#include "support/test_fleet.hpp"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace edgelab;
using namespace edgelab::console;
using edgelab::test::TestFleet;

namespace {

ApiResult waitFor(const std::function<void(ApiConnection::Handler)>& call) {
  std::optional<ApiResult> result;
  call([&](const ApiResult& r) { result = r; });
  for (int i = 0; i < 500 && !result; ++i) QTest::qWait(10);
  return result.value_or(ApiResult{{}, QStringLiteral("no answer in 5 s"), 0, false});
}

}  // namespace

class TestLabClient : public QObject {
  Q_OBJECT
 private slots:
  void errorsAreClear() {
    TestFleet fleet;
    fleet.start_origin();
    const QString token = fleet.temp_path("paris.token");
    auto& paris = fleet.start_node("paris", 0, [&](NodeConfig& c) {
      c.admin = AdminConfig{{"127.0.0.1", 0}, token.toStdString()};
    });
    const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(paris.admin_port()));
    const QString wrong = fleet.temp_path("wrong.token");
    {
      QFile f(wrong);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("nope");
    }
    QNetworkAccessManager network;

    LabClient right(url, token, &network, {});
    ApiResult r = waitFor([&](auto h) { right.fetchTopology(h); });
    QCOMPARE(r.http_status, 404);
    QCOMPARE(r.error, QStringLiteral("404 no such endpoint: /lab/v1/topology"));
    QVERIFY(!r.transport_failure);
    r = waitFor([&](auto h) { right.postFault(QStringLiteral("kill"), QStringLiteral("paris"), 0, h); });
    QCOMPARE(r.http_status, 404);

    LabClient impostor(url, wrong, &network, {});
    r = waitFor([&](auto h) { impostor.putTraffic(QJsonObject{{QStringLiteral("rps"), 100}}, h); });
    QCOMPARE(r.error, QStringLiteral("401 wrong token"));

    LabClient anonymous(url, QString(), &network, {});
    r = waitFor([&](auto h) { anonymous.fetchTraffic(h); });
    QCOMPARE(r.error, QStringLiteral("401 no token"));

    LabClient missing(url, fleet.temp_path("absent.token"), &network, {});
    r = waitFor([&](auto h) { missing.fetchTraffic(h); });
    QVERIFY2(r.error.startsWith(QStringLiteral("token file ")), qPrintable(r.error));

    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const auto closed = probe.serverPort();
    probe.close();
    LabClient gone(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closed)), token, &network, {});
    r = waitFor([&](auto h) { gone.fetchTopology(h); });
    QCOMPARE(r.error, QStringLiteral("connection refused"));
    QVERIFY(r.transport_failure);

    // Started, its polls report each failing endpoint and nothing piles up.
    QSignalSpy failed(&right, &LabClient::pollFailed);
    right.start();
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() >= 4, 5000);
    QStringList paths;
    for (const auto& call : failed) paths << call.first().toString();
    QVERIFY(paths.contains(QStringLiteral("/lab/v1/topology")));
    QVERIFY(paths.contains(QStringLiteral("/lab/v1/health")));
    QVERIFY(paths.contains(QStringLiteral("/lab/v1/metrics")));
    QVERIFY(right.connection().inFlight() <= 4);
    right.stop();
    QCOMPARE(right.connection().inFlight(), 0);
  }
};

QTEST_GUILESS_MAIN(TestLabClient)
#include "test_lab_client.moc"
