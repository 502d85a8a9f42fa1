// The admin listener over TLS: the controller verifies the node's certificate
// (and refuses one it does not trust), plain HTTP gets nothing, and unusable
// certificate files stop the node with a message naming them.
#include "admin/tls_context.hpp"
#include "control/purge_fanout.hpp"
#include "support/test_certificate.hpp"
#include "support/test_fleet.hpp"

#include <QTest>

#include <future>

using namespace edgelab;
using edgelab::test::TestFleet;

namespace {

FanoutReport purge_over(TestFleet& fleet, const EdgeNode& node, std::shared_ptr<net::ssl::context> client_tls) {
  FleetNode f;
  f.name = node.name();
  f.admin_url = "https://127.0.0.1:" + std::to_string(node.admin_port());
  f.endpoint = *AdminEndpoint::from_url(f.admin_url, node.admin_token(), std::move(client_tls));
  std::promise<FanoutReport> done;
  std::make_shared<PurgeFanout>(fleet.context().get_executor(), std::vector<FleetNode>{f},
                                FanoutOptions{.max_attempts = 1})
      ->run(FleetPurge{.fleet_seq = 1, .kind = PurgeKind::tag, .value = "t"}, {},
            [&](FanoutReport r) { done.set_value(std::move(r)); });
  return done.get_future().get();
}

EdgeNode& start_tls_node(TestFleet& fleet, const test::TestCertificate& cert) {
  return fleet.start_node("paris", 0, [&](NodeConfig& c) {
    c.admin = AdminConfig{{"127.0.0.1", 0}, "", TlsFiles{cert.cert_file, cert.key_file}};
  });
}

}  // namespace

class TestAdminTls : public QObject {
  Q_OBJECT
 private slots:
  void fan_out_over_https_verifies_the_certificate();
  void untrusted_certificate_is_refused();
  void plain_http_to_the_tls_listener_gets_no_answer();
  void unusable_certificate_files_stop_the_node();
};

void TestAdminTls::fan_out_over_https_verifies_the_certificate() {
  TestFleet fleet;
  fleet.start_origin();
  auto cert = test::make_test_certificate(fleet.temp_path("").toStdString());
  auto& node = start_tls_node(fleet, cert);
  QCOMPARE(TestFleet::get(node.port(), "/obj/a?ttl=100&tags=t").result_int(), 200u);
  std::string error;
  auto trusted = make_client_tls(cert.cert_file, error);
  QVERIFY2(trusted, error.c_str());
  auto report = purge_over(fleet, node, trusted);
  QVERIFY2(report.ok(true), report_table(report).c_str());
  QCOMPARE(report.nodes[0].l1, 1u);
  QCOMPARE(node.purges().fleet_seq(), 1u);
}

void TestAdminTls::untrusted_certificate_is_refused() {
  TestFleet fleet;
  fleet.start_origin();
  auto cert = test::make_test_certificate(fleet.temp_path("").toStdString(), "node");
  auto other = test::make_test_certificate(fleet.temp_path("").toStdString(), "other");
  auto& node = start_tls_node(fleet, cert);
  std::string error;
  auto report = purge_over(fleet, node, make_client_tls(other.cert_file, error));
  QCOMPARE(report.nodes[0].state, NodePurgeReport::State::failed);
  QVERIFY2(report.nodes[0].error.find("certificate") != std::string::npos, report.nodes[0].error.c_str());
  QCOMPARE(node.purges().seq(), 0u);
}

void TestAdminTls::plain_http_to_the_tls_listener_gets_no_answer() {
  TestFleet fleet;
  fleet.start_origin();
  auto cert = test::make_test_certificate(fleet.temp_path("").toStdString());
  auto& node = start_tls_node(fleet, cert);
  auto res = TestFleet::admin_get(node, "/admin/v1/status");
  QCOMPARE(res.result(), http::status::unknown);  // the client saw the connection close
  QCOMPARE(node.metrics().admin_auth_failures.load(), 0u);
}

void TestAdminTls::unusable_certificate_files_stop_the_node() {
  QTemporaryDir dir;
  auto cert = test::make_test_certificate(dir.path().toStdString(), "a");
  auto other = test::make_test_certificate(dir.path().toStdString(), "b");
  net::io_context ioc;
  struct Case {
    TlsFiles files;
    std::string expect;
  };
  for (const auto& [files, expect] : {Case{{dir.filePath("none.crt").toStdString(), cert.key_file}, "cert_file"},
                                      Case{{cert.cert_file, dir.filePath("none.key").toStdString()}, "key_file"},
                                      Case{{cert.cert_file, other.key_file}, "mismatch"}}) {
    NodeConfig c;
    c.name = "paris";
    c.listen = {"127.0.0.1", 0};
    c.upstream = {"127.0.0.1", 9};
    c.admin = AdminConfig{{"127.0.0.1", 0}, "", files};
    std::string error;
    QVERIFY(!EdgeNode::create(ioc, c, error));
    QVERIFY2(error.find("admin.tls: ") == 0 && error.find(expect) != std::string::npos, error.c_str());
  }
  auto parsed = parse_node_config(
      "{\"name\":\"n\",\"listen\":\"127.0.0.1:1\",\"upstream\":\"http://127.0.0.1:2\","
      "\"admin\":{\"listen\":\"127.0.0.1:3\",\"tls\":{\"cert_file\":\"c.pem\"}}}");
  QVERIFY(!parsed);
  QVERIFY2(parsed.error().message.find("admin.tls.key_file") != std::string::npos, parsed.error().message.c_str());
}

QTEST_GUILESS_MAIN(TestAdminTls)
#include "test_admin_tls.moc"
