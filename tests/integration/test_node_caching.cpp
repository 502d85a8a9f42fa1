// One node in front of a real origin on loopback: the caching behaviours a
// client can observe, asserted on responses and on the origin's counter.
#include "support/test_fleet.hpp"

#include <QTest>

#include <thread>

using namespace edgelab;
using edgelab::test::TestFleet;

namespace {
std::string cache_status(const Response& r) { return std::string(r["Cache-Status"]); }
bool contains(const std::string& haystack, const char* needle) { return haystack.find(needle) != std::string::npos; }
void sleep_ms(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

// Waits (bounded) until the origin has seen `count` requests.
bool wait_for_origin(SyntheticOrigin& origin, std::uint64_t count) {
  for (int i = 0; i < 200 && origin.requests() < count; ++i) sleep_ms(10);
  return origin.requests() >= count;
}
}  // namespace

class TestNodeCaching : public QObject {
  Q_OBJECT
 private slots:
  void miss_then_l1_hit();
  void head_is_served_from_a_cached_get();
  void head_on_a_cold_key_fetches_get_and_sends_no_body();
  void client_conditional_gets_304_from_cache();
  void stale_object_is_revalidated_with_304();
  void vary_keeps_variants_apart();
  void vary_star_is_never_served_from_cache();
  void uncacheable_responses_are_not_stored_data();
  void uncacheable_responses_are_not_stored();
  void server_error_with_max_age_is_stored();
  void oversize_objects_pass_through();
  void chunked_responses_are_relayed_and_stored_when_they_fit();
  void stale_if_error_serves_stale_when_origin_is_down();
  void must_revalidate_never_serves_stale();
  void stale_while_revalidate_serves_stale_and_refreshes_once();
  void surrogate_control_sets_ttl_and_is_stripped();
  void unsafe_method_invalidates_the_target();
  void admin_listener_serves_health_and_metrics();
  void pooled_connection_closed_by_the_origin_is_not_reused();
};

void TestNodeCaching::miss_then_l1_hit() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  auto first = TestFleet::get(node.port(), "/obj/a?size=1000&ttl=60");
  QCOMPARE(first.result_int(), 200u);
  QCOMPARE(first.body().size(), 1000u);
  QVERIFY(contains(cache_status(first), "paris; fwd=uri-miss; stored"));
  auto second = TestFleet::get(node.port(), "/obj/a?size=1000&ttl=60");
  QCOMPARE(second.body(), first.body());
  QVERIFY2(contains(cache_status(second), "paris; hit; ttl="), cache_status(second).c_str());
  QVERIFY(contains(cache_status(second), "detail=L1"));
  QVERIFY(!second["Age"].empty());
  // Parameter order does not make a new object.
  auto reordered = TestFleet::get(node.port(), "/obj/a?ttl=60&size=1000");
  QVERIFY(contains(cache_status(reordered), "; hit"));
  QCOMPARE(fleet.origin().requests(), 1u);
  QCOMPARE(node.metrics().l1_hits.load(), 2u);
  QCOMPARE(node.metrics().misses.load(), 1u);
}

void TestNodeCaching::head_is_served_from_a_cached_get() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  TestFleet::get(node.port(), "/obj/h?size=500");
  BlockingClient client(TestFleet::at(node.port()));
  Request head{http::verb::head, "/obj/h?size=500", 11};
  head.set(http::field::host, "www.test.example");
  auto res = client.request(head);
  QVERIFY(res);
  QCOMPARE(res->result_int(), 200u);
  QCOMPARE(std::string((*res)[http::field::content_length]), std::string("500"));
  QVERIFY(res->body().empty());
  QVERIFY(contains(cache_status(*res), "; hit"));
  // The connection is still usable: no stray body bytes were sent.
  auto after = client.get("/obj/h?size=500", {{"Host", "www.test.example"}});
  QVERIFY(after);
  QCOMPARE(after->body().size(), 500u);
  QCOMPARE(fleet.origin().requests(), 1u);
}

void TestNodeCaching::head_on_a_cold_key_fetches_get_and_sends_no_body() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  BlockingClient client(TestFleet::at(node.port()));
  Request head{http::verb::head, "/obj/cold-head?size=700", 11};
  head.set(http::field::host, "www.test.example");
  auto res = client.request(head);
  QVERIFY(res);
  QCOMPARE(res->result_int(), 200u);
  QVERIFY(res->body().empty());
  auto get = client.get("/obj/cold-head?size=700", {{"Host", "www.test.example"}});
  QVERIFY(get);
  QCOMPARE(get->body().size(), 700u);
  // Served by the HEAD's fetch: from cache, or joined while its body was arriving.
  QVERIFY2(contains(cache_status(*get), "paris; hit") || contains(cache_status(*get), "paris; fwd=uri-miss; collapsed"),
           cache_status(*get).c_str());
  QCOMPARE(fleet.origin().requests(), 1u);
}

void TestNodeCaching::client_conditional_gets_304_from_cache() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  auto full = TestFleet::get(node.port(), "/obj/c");
  std::string etag(full[http::field::etag]);
  QVERIFY(!etag.empty());
  auto conditional = TestFleet::get(node.port(), "/obj/c", {{"If-None-Match", etag}});
  QCOMPARE(conditional.result_int(), 304u);
  QVERIFY(conditional.body().empty());
  QCOMPARE(std::string(conditional[http::field::etag]), etag);
  auto other = TestFleet::get(node.port(), "/obj/c", {{"If-None-Match", "\"nope\""}});
  QCOMPARE(other.result_int(), 200u);
  auto since = TestFleet::get(node.port(), "/obj/c", {{"If-Modified-Since", "Tue, 03 Nov 2026 10:00:00 GMT"}});
  QCOMPARE(since.result_int(), 304u);
  QCOMPARE(fleet.origin().requests(), 1u);
  QCOMPARE(node.metrics().not_modified.load(), 2u);
}

void TestNodeCaching::stale_object_is_revalidated_with_304() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  TestFleet::get(node.port(), "/obj/r?ttl=2&size=300");
  sleep_ms(3100);
  auto res = TestFleet::get(node.port(), "/obj/r?ttl=2&size=300");
  QCOMPARE(res.result_int(), 200u);
  QCOMPARE(res.body().size(), 300u);
  QVERIFY2(contains(cache_status(res), "paris; fwd=stale; fwd-status=304"), cache_status(res).c_str());
  QCOMPARE(node.metrics().revalidated.load(), 1u);
  QCOMPARE(fleet.origin().requests(), 2u);  // the fetch and one conditional request
  auto again = TestFleet::get(node.port(), "/obj/r?ttl=2&size=300");
  QVERIFY(contains(cache_status(again), "; hit"));
}

void TestNodeCaching::vary_keeps_variants_apart() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  const std::string url = "/obj/v?vary=Accept-Encoding";
  auto gzip = TestFleet::get(node.port(), url, {{"Accept-Encoding", "gzip"}});
  auto br = TestFleet::get(node.port(), url, {{"Accept-Encoding", "br"}});
  QVERIFY(contains(gzip.body(), "|gzip|"));
  QVERIFY(contains(br.body(), "|br|"));
  QCOMPARE(fleet.origin().requests(), 2u);
  TestFleet::wait_until_stored(node, 2);
  auto gzip_again = TestFleet::get(node.port(), url, {{"Accept-Encoding", "gzip"}});
  QVERIFY(contains(gzip_again.body(), "|gzip|"));
  QVERIFY(contains(cache_status(gzip_again), "; hit"));
  auto br_again = TestFleet::get(node.port(), url, {{"Accept-Encoding", "br"}});
  QVERIFY(contains(br_again.body(), "|br|"));
  QCOMPARE(fleet.origin().requests(), 2u);
}

void TestNodeCaching::vary_star_is_never_served_from_cache() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  TestFleet::get(node.port(), "/obj/vs?vary=*");
  TestFleet::get(node.port(), "/obj/vs?vary=*");
  QCOMPARE(fleet.origin().requests(), 2u);
}

void TestNodeCaching::uncacheable_responses_are_not_stored_data() {
  QTest::addColumn<QString>("query");
  QTest::newRow("no-store") << "cc=no-store";
  QTest::newRow("private") << "cc=private%2C%20max-age%3D60";
  QTest::newRow("set-cookie") << "cookie=1";
  QTest::newRow("201 without explicit freshness") << "cc=must-revalidate&noetag=1&status=201";
  QTest::newRow("server error without explicit freshness") << "status=503&cc=must-revalidate";
}

void TestNodeCaching::uncacheable_responses_are_not_stored() {
  QFETCH(QString, query);
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  const std::string url = "/obj/u?" + query.toStdString();
  TestFleet::get(node.port(), url);
  auto second = TestFleet::get(node.port(), url);
  QVERIFY(!contains(cache_status(second), "; hit"));
  QCOMPARE(fleet.origin().requests(), 2u);
}

// RFC 9111 3: a 5xx with explicit freshness is stored like any final status.
void TestNodeCaching::server_error_with_max_age_is_stored() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  const std::string url = "/obj/down?status=503&cc=max-age%3D60";
  QCOMPARE(TestFleet::get(node.port(), url).result_int(), 503u);
  TestFleet::wait_until_stored(node, 1);
  auto second = TestFleet::get(node.port(), url);
  QCOMPARE(second.result_int(), 503u);
  QVERIFY2(contains(cache_status(second), "; hit"), cache_status(second).c_str());
  QCOMPARE(fleet.origin().requests(), 1u);
}

void TestNodeCaching::oversize_objects_pass_through() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, [](NodeConfig& c) { c.cache.max_object_bytes = 64 * 1024; });
  auto big = TestFleet::get(node.port(), "/obj/big?size=300000");
  QCOMPARE(big.result_int(), 200u);
  QCOMPARE(big.body().size(), 300000u);
  QVERIFY(contains(cache_status(big), "detail=oversize"));
  auto again = TestFleet::get(node.port(), "/obj/big?size=300000");
  QCOMPARE(again.body().size(), 300000u);
  QCOMPARE(fleet.origin().requests(), 2u);
  QVERIFY(node.metrics().hit_for_miss.load() >= 1u);
}

void TestNodeCaching::chunked_responses_are_relayed_and_stored_when_they_fit() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, [](NodeConfig& c) { c.cache.max_object_bytes = 64 * 1024; });
  auto small = TestFleet::get(node.port(), "/obj/chunk-small?size=20000&chunked=1");
  QCOMPARE(small.body().size(), 20000u);
  auto small_again = TestFleet::get(node.port(), "/obj/chunk-small?size=20000&chunked=1");
  QCOMPARE(small_again.body(), small.body());
  // From cache, or joined to the first fetch if it arrived while that was still being stored.
  QVERIFY2(contains(cache_status(small_again), "paris; hit") || contains(cache_status(small_again), "collapsed"),
           cache_status(small_again).c_str());
  // Larger than max_object_bytes with no length announced: relayed whole, not stored.
  auto big = TestFleet::get(node.port(), "/obj/chunk-big?size=300000&chunked=1");
  QCOMPARE(big.result_int(), 200u);
  QCOMPARE(big.body().size(), 300000u);
  auto big_again = TestFleet::get(node.port(), "/obj/chunk-big?size=300000&chunked=1");
  QCOMPARE(big_again.body().size(), 300000u);
  QCOMPARE(fleet.origin().requests(), 3u);
}

void TestNodeCaching::stale_if_error_serves_stale_when_origin_is_down() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node(
      "paris", 0, [](NodeConfig& c) { c.limits.upstream_connect_timeout = std::chrono::milliseconds(500); });
  const std::string url = "/obj/sie?cc=max-age%3D1%2C%20stale-if-error%3D60&size=200";
  TestFleet::get(node.port(), url);
  fleet.stop_origin();
  sleep_ms(2100);
  auto res = TestFleet::get(node.port(), url);
  QCOMPARE(res.result_int(), 200u);
  QCOMPARE(res.body().size(), 200u);
  QVERIFY2(contains(cache_status(res), "paris; hit; fwd=stale; fwd-status=50"), cache_status(res).c_str());
  QCOMPARE(node.metrics().stale_served.load(), 1u);
}

void TestNodeCaching::must_revalidate_never_serves_stale() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  const std::string url = "/obj/mr?cc=max-age%3D1%2C%20must-revalidate%2C%20stale-if-error%3D60";
  TestFleet::get(node.port(), url);
  fleet.origin().set_forced_status(503);
  sleep_ms(2100);
  auto res = TestFleet::get(node.port(), url);
  QCOMPARE(res.result_int(), 503u);
}

void TestNodeCaching::stale_while_revalidate_serves_stale_and_refreshes_once() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  // max-age=2: Age has whole-second resolution, so the refreshed copy stays
  // fresh for at least a second after the refresh.
  const std::string url = "/obj/swr?cc=max-age%3D2%2C%20stale-while-revalidate%3D30&delay_ms=300";
  TestFleet::get(node.port(), url);
  sleep_ms(3100);
  for (int i = 0; i < 5; ++i) {
    auto res = TestFleet::get(node.port(), url);
    QCOMPARE(res.result_int(), 200u);
    QVERIFY2(contains(cache_status(res), "paris; hit; fwd=stale"), cache_status(res).c_str());
  }
  QVERIFY(wait_for_origin(fleet.origin(), 2));
  for (int i = 0; i < 200 && node.metrics().revalidated.load() == 0; ++i) sleep_ms(10);
  QCOMPARE(node.metrics().revalidated.load(), 1u);
  QCOMPARE(fleet.origin().requests(), 2u);  // one background refresh for five stale hits
  auto fresh = TestFleet::get(node.port(), url);
  QVERIFY2(contains(cache_status(fresh), "paris; hit; ttl="), cache_status(fresh).c_str());
}

void TestNodeCaching::surrogate_control_sets_ttl_and_is_stripped() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  const std::string url = "/obj/sc?ttl=0&scc=max-age%3D3600";
  auto first = TestFleet::get(node.port(), url);
  QVERIFY(first["Surrogate-Control"].empty());
  auto second = TestFleet::get(node.port(), url);
  QVERIFY(second["Surrogate-Control"].empty());
  QVERIFY(contains(cache_status(second), "; hit"));
  QCOMPARE(fleet.origin().requests(), 1u);
}

void TestNodeCaching::unsafe_method_invalidates_the_target() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  TestFleet::get(node.port(), "/obj/inv");
  BlockingClient client(TestFleet::at(node.port()));
  Request post{http::verb::post, "/obj/inv", 11};
  post.set(http::field::host, "www.test.example");
  post.body() = "update";
  auto res = client.request(post);
  QVERIFY(res);
  QCOMPARE(res->result_int(), 200u);
  QVERIFY(contains(cache_status(*res), "fwd=method"));
  auto after = TestFleet::get(node.port(), "/obj/inv");
  QVERIFY2(contains(cache_status(after), "fwd=uri-miss"), cache_status(after).c_str());
  QCOMPARE(fleet.origin().requests(), 3u);
  QCOMPARE(node.metrics().invalidations.load(), 1u);
}

void TestNodeCaching::admin_listener_serves_health_and_metrics() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, [](NodeConfig& c) { c.admin = AdminConfig{{"127.0.0.1", 0}, ""}; });
  TestFleet::get(node.port(), "/obj/m");
  TestFleet::get(node.port(), "/obj/m");
  auto health = TestFleet::get(node.admin_port(), "/health");
  QCOMPARE(health.result_int(), 200u);
  QVERIFY(contains(health.body(), "\"ok\""));
  auto metrics = TestFleet::admin_get(node, "/metrics");
  QCOMPARE(metrics.result_int(), 200u);
  QVERIFY(contains(metrics.body(), "edgelab_l1_hits_total{node=\"paris\"} 1"));
  QVERIFY(contains(metrics.body(), "edgelab_misses_total{node=\"paris\"} 1"));
  QVERIFY(contains(metrics.body(), "edgelab_cache_objects{node=\"paris\",tier=\"L1\"} 1"));
  QVERIFY(contains(metrics.body(), "edgelab_request_duration_seconds_bucket{node=\"paris\",le=\"+Inf\"} 2"));
  QCOMPARE(TestFleet::admin_get(node, "/nope").result_int(), 404u);
}

void TestNodeCaching::pooled_connection_closed_by_the_origin_is_not_reused() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris");
  QCOMPARE(TestFleet::get(node.port(), "/obj/before").result_int(), 200u);
  QTRY_COMPARE_WITH_TIMEOUT(node.upstream().idle_count(), 1u, 2000);
  // The origin restarts: the node's idle pooled connection is now dead, and
  // the pool's idle watch drops it as soon as the close arrives.
  fleet.stop_origin();
  fleet.start_origin();
  QTRY_COMPARE_WITH_TIMEOUT(node.upstream().idle_count(), 0u, 2000);
  QCOMPARE(node.upstream().counters().idle_closed.load(), 1u);
  auto res = TestFleet::get(node.port(), "/obj/after");
  QCOMPARE(res.result_int(), 200u);
  QCOMPARE(node.upstream().counters().retries.load(), 0u);
  QCOMPARE(node.metrics().upstream_errors.load(), 0u);
}

QTEST_GUILESS_MAIN(TestNodeCaching)
#include "test_node_caching.moc"
