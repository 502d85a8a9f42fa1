// Edge scripts on a live node, over real sockets: deployed through the admin
// API, run on misses and hits (the fresh-hit step too), at every hook, with
// their failure modes, kept across a restart and removed again.
#include "support/script_admin.hpp"
#include "support/test_fleet.hpp"

#include <boost/json.hpp>

#include <QTest>

#include <future>
#include <thread>

using namespace edgelab;
using namespace edgelab::test;
namespace json = boost::json;

namespace {

const std::string kHeaderRewrite =
    "function on_client_response(resp, ctx)\n"
    "  resp.headers:set('X-Frame-Options', 'DENY')\n"
    "  resp.headers:set('X-Script-Path', resp.request.path)\n"
    "  resp.headers:remove('ETag')\n"
    "end\n";

bool has(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }
std::string status_of(const Response& r) { return std::string(r["Cache-Status"]); }

void enable_admin(NodeConfig& c) { c.admin = AdminConfig{{"127.0.0.1", 0}, ""}; }

}  // namespace

class TestScriptNode : public QObject {
  Q_OBJECT
 private slots:
  void header_rewrite_on_misses_and_fresh_hits();
  void client_request_runs_on_hits_and_answers();
  void cache_key_and_pass();
  void a_refresh_keeps_the_scripts_cache_key();
  void client_hooks_run_once_at_the_pop();
  void origin_hooks_edit_the_fetch_and_the_stored_object();
  void fail_open_and_fail_closed();
  void refused_deploys_name_the_problem();
  void live_script_survives_a_restart();
  void delete_removes_the_script();
  void a_request_in_flight_keeps_its_version();
};

void TestScriptNode::header_rewrite_on_misses_and_fresh_hits() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, enable_admin);
  auto deployed = put_script(node, kHeaderRewrite, "name=rewrite.lua");
  QCOMPARE(deployed.result_int(), 200u);
  json::value body = parse_body(deployed);
  QCOMPARE(std::string(body.at("version").as_string()).size(), 16u);
  QCOMPARE(body.at("hooks").as_array().size(), 1u);

  auto miss = TestFleet::get(node.port(), "/obj/a?size=100&ttl=60");
  QCOMPARE(miss.result_int(), 200u);
  QCOMPARE(std::string(miss["X-Frame-Options"]), std::string("DENY"));
  QCOMPARE(std::string(miss["X-Script-Path"]), std::string("/obj/a"));
  QVERIFY(miss.find(http::field::etag) == miss.end());
  QCOMPARE(miss.body().size(), 100u);
  TestFleet::wait_until_stored(node, 1);
  for (int i = 0; i < 3; ++i) {
    auto hit = TestFleet::get(node.port(), "/obj/a?size=100&ttl=60");
    QVERIFY2(has(status_of(hit), "hit"), status_of(hit).c_str());
    QCOMPARE(std::string(hit["X-Frame-Options"]), std::string("DENY"));
    QVERIFY(hit.find(http::field::etag) == hit.end());
    QCOMPARE(hit.body().size(), 100u);
    QCOMPARE(std::string(hit[http::field::content_length]), std::string("100"));
  }
  QCOMPARE(fleet.origin().requests(), 1u);
  QVERIFY(script_counter(node, "invocations") >= 4);
  // The stored object is untouched: without the script its ETag is back.
  QCOMPARE(delete_script(node).result_int(), 200u);
  auto plain = TestFleet::get(node.port(), "/obj/a?size=100&ttl=60");
  QVERIFY(plain.find(http::field::etag) != plain.end());
  QVERIFY(plain["X-Frame-Options"].empty());
}

void TestScriptNode::client_request_runs_on_hits_and_answers() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, enable_admin);
  QCOMPARE(TestFleet::get(node.port(), "/obj/secret?size=10&ttl=60").result_int(), 200u);
  TestFleet::wait_until_stored(node, 1);
  const std::string deny =
      "function on_client_request(req)\n"
      "  if req.path == '/obj/secret' and req.headers:get('X-Key') ~= 'k' then\n"
      "    return req:respond(403, {['Content-Type'] = 'text/plain'}, 'no\\n')\n"
      "  end\n"
      "end\n";
  QCOMPARE(put_script(node, deny).result_int(), 200u);
  auto refused = TestFleet::get(node.port(), "/obj/secret?size=10&ttl=60");
  QCOMPARE(refused.result_int(), 403u);
  QCOMPARE(refused.body(), std::string("no\n"));
  auto allowed = TestFleet::get(node.port(), "/obj/secret?size=10&ttl=60", {{"X-Key", "k"}});
  QCOMPARE(allowed.result_int(), 200u);
  QVERIFY2(has(status_of(allowed), "hit"), status_of(allowed).c_str());
  QCOMPARE(fleet.origin().requests(), 1u);
}

void TestScriptNode::cache_key_and_pass() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, enable_admin);
  const std::string script =
      "function on_client_request(req)\n"
      "  if req.path == '/obj/pass' then return req:pass() end\n"
      "  if req.query.utm then req:set_cache_key({req.path .. '?size=' .. req.query.size}) end\n"
      "end\n";
  QCOMPARE(put_script(node, script).result_int(), 200u);
  QCOMPARE(TestFleet::get(node.port(), "/obj/k?size=20&utm=1").body().size(), 20u);
  TestFleet::wait_until_stored(node, 1);
  auto second = TestFleet::get(node.port(), "/obj/k?size=20&utm=2");
  QVERIFY2(has(status_of(second), "hit"), status_of(second).c_str());
  QCOMPARE(fleet.origin().requests(), 1u);
  // The key is the normalised URL: a URL purge of it finds the object.
  TestFleet::admin_post(node, "/admin/v1/purge",
                        "{\"kind\":\"url\",\"value\":\"http://www.test.example/obj/k?size=20\"}");
  auto after_purge = TestFleet::get(node.port(), "/obj/k?size=20&utm=3");
  QVERIFY2(has(status_of(after_purge), "fwd=uri-miss"), status_of(after_purge).c_str());
  QCOMPARE(fleet.origin().requests(), 2u);
  TestFleet::get(node.port(), "/obj/pass?size=5&ttl=60");
  TestFleet::get(node.port(), "/obj/pass?size=5&ttl=60");
  QCOMPARE(fleet.origin().requests(), 4u);
}

void TestScriptNode::a_refresh_keeps_the_scripts_cache_key() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, enable_admin);
  // The key drops utm; the object is fresh for 2 s, then served stale while one refresh runs. (With
  // max-age=1 the refreshed copy could be stale at once: the origin's Date has whole seconds.)
  const std::string script =
      "function on_client_request(req) req:set_cache_key({req.path .. '?cc=' .. req.query.cc}) end\n";
  QCOMPARE(put_script(node, script).result_int(), 200u);
  const std::string target = "/obj/swr?cc=max-age%3D2,stale-while-revalidate%3D30&size=10&utm=";
  QCOMPARE(TestFleet::get(node.port(), target + "1").result_int(), 200u);
  TestFleet::wait_until_stored(node, 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(3100));
  auto stale = TestFleet::get(node.port(), target + "2");
  QVERIFY2(has(status_of(stale), "fwd=stale"), status_of(stale).c_str());
  for (int i = 0; i < 100 && fleet.origin().requests() < 2; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  QCOMPARE(fleet.origin().requests(), 2u);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  // The refresh was stored under the script's key and left the coalescer: a fresh hit, no new fetch.
  auto refreshed = TestFleet::get(node.port(), target + "3");
  QVERIFY2(has(status_of(refreshed), "hit; ttl="), status_of(refreshed).c_str());
  QCOMPARE(fleet.origin().requests(), 2u);
}

void TestScriptNode::client_hooks_run_once_at_the_pop() {
  TestFleet fleet;
  fleet.start_origin();
  auto& shield = fleet.start_node("shield", 0, enable_admin);
  auto& pop = fleet.start_node("paris", shield.port(), enable_admin);
  const std::string script =
      "function on_client_request(req) req.headers:set('X-Client-Hook', req.geo.pop) end\n"
      "function on_origin_request(req) req.headers:set('X-Origin-Hook', req.geo.pop) end\n"
      "function on_client_response(resp) resp.headers:set('X-Delivered-By', resp.request.geo.pop) end\n";
  QCOMPARE(put_script(shield, script).result_int(), 200u);
  QCOMPARE(put_script(pop, script).result_int(), 200u);
  auto res = TestFleet::get(pop.port(), "/obj/chain?size=64&vary=X-Client-Hook");
  QCOMPARE(res.result_int(), 200u);
  // The shield's own client hook did not run on the PoP's request: the origin saw the PoP's value.
  QVERIFY2(has(res.body(), "|paris|"), res.body().c_str());
  QCOMPARE(std::string(res["X-Delivered-By"]), std::string("paris"));
  // Both nodes went upstream, so both origin hooks ran.
  QCOMPARE(script_counter(shield, "invocations"), 1u);
  QCOMPARE(script_counter(pop, "invocations"), 3u);
}

void TestScriptNode::origin_hooks_edit_the_fetch_and_the_stored_object() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, enable_admin);
  const std::string script =
      "function on_origin_request(req, ctx) req.headers:set('X-Upstream', 'from-script') end\n"
      "function on_origin_response(resp, ctx)\n"
      "  if resp.request.path == '/obj/nostore' then return resp:uncacheable() end\n"
      "  resp:set_ttl(120); resp:add_tag('scripted'); resp.headers:set('X-Stored-By', 'script')\n"
      "end\n";
  QCOMPARE(put_script(node, script).result_int(), 200u);
  // cc=no-store would never be stored; set_ttl overrides it.
  auto first = TestFleet::get(node.port(), "/obj/e?size=64&vary=X-Upstream&cc=no-store");
  QVERIFY2(has(first.body(), "|from-script|"), first.body().c_str());
  QCOMPARE(std::string(first["X-Stored-By"]), std::string("script"));
  TestFleet::wait_until_stored(node, 1);
  auto hit = TestFleet::get(node.port(), "/obj/e?size=64&vary=X-Upstream&cc=no-store");
  QVERIFY2(has(status_of(hit), "hit; ttl="), status_of(hit).c_str());
  QCOMPARE(std::string(hit["X-Stored-By"]), std::string("script"));
  QCOMPARE(fleet.origin().requests(), 1u);
  // The tag the script added purges it.
  QCOMPARE(TestFleet::admin_post(node, "/admin/v1/purge", "{\"kind\":\"tag\",\"value\":\"scripted\"}").result_int(),
           200u);
  TestFleet::get(node.port(), "/obj/e?size=64&vary=X-Upstream&cc=no-store");
  QCOMPARE(fleet.origin().requests(), 2u);
  TestFleet::get(node.port(), "/obj/nostore?size=5&ttl=60");
  TestFleet::get(node.port(), "/obj/nostore?size=5&ttl=60");
  QCOMPARE(fleet.origin().requests(), 4u);
}

void TestScriptNode::fail_open_and_fail_closed() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, enable_admin);
  const std::string script =
      "function on_client_request(req)\n"
      "  if req.path == '/obj/boom' then error('boom at the edge') end\n"
      "  if req.path == '/obj/spin' then while true do end end\n"
      "end\n";
  QCOMPARE(put_script(node, script, "fail=open").result_int(), 200u);
  QCOMPARE(TestFleet::get(node.port(), "/obj/boom?size=3").result_int(), 200u);
  QCOMPARE(TestFleet::get(node.port(), "/obj/spin?size=3").result_int(), 200u);
  QCOMPARE(script_counter(node, "aborts.runtime_error"), 1u);
  QCOMPARE(script_counter(node, "aborts.cpu_exceeded"), 1u);
  QCOMPARE(script_counter(node, "failed_open"), 2u);
  auto events = parse_body(TestFleet::admin_get(node, "/admin/v1/events?after=0&timeout_ms=0"));
  QVERIFY2(has(json::serialize(events), "script_abort"), json::serialize(events).c_str());
  QVERIFY(has(json::serialize(events), "boom at the edge"));

  QCOMPARE(put_script(node, script, "fail=closed&cpu_ms=5").result_int(), 200u);
  auto closed = TestFleet::get(node.port(), "/obj/boom?size=3");
  QCOMPARE(closed.result_int(), 503u);
  QCOMPARE(TestFleet::get(node.port(), "/obj/spin?size=3").result_int(), 503u);
  QCOMPARE(TestFleet::get(node.port(), "/obj/fine?size=3").result_int(), 200u);
  QCOMPARE(script_counter(node, "failed_closed"), 2u);
  QCOMPARE(std::string(script_status(node).at("script").at("fail").as_string()), std::string("closed"));
}

void TestScriptNode::refused_deploys_name_the_problem() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, enable_admin);
  QCOMPARE(put_script(node, kHeaderRewrite).result_int(), 200u);
  const std::string live = std::string(script_status(node).at("script").at("version").as_string());
  struct Case {
    std::string source, query, message;
  };
  const std::vector<Case> cases = {
      {"function on_client_request(req)\n  x = = 1\nend\n", "name=broken.lua", "broken.lua:2:"},
      {"function on_client_request(req) end\ntests = {{request = 'GET /', expect = {status = 404}}}\n", "",
       "self-test failed: test 1: expected status 404, got 200"},
      {std::string(1100 * 1024, '-'), "", "max_source_bytes"},
      {"\x1bLuaT\x00", "", "binary"},
      {"while true do end\nfunction on_client_request() end", "", "stopped"},
      {kHeaderRewrite, "fail=maybe", "fail must be open or closed"},
      {kHeaderRewrite, "cpu_ms=0", "cpu_ms"},
      {kHeaderRewrite, "memory_kib=1", "memory_kib"},
      {kHeaderRewrite, "colour=red", "unknown query parameter"},
      {kHeaderRewrite, "name=../../etc/passwd", "name must be"},
      {"", "", "empty"},
  };
  for (const auto& c : cases) {
    auto res = put_script(node, c.source, c.query);
    QCOMPARE(res.result_int(), 400u);
    QVERIFY2(has(res.body(), c.message.c_str()), res.body().c_str());
  }
  auto with_line = parse_body(put_script(node, cases[0].source, cases[0].query));
  QCOMPARE(with_line.at("line").as_int64(), 2);
  auto unauthorized = TestFleet::send(node.admin_port(), http::verb::put, "/admin/v1/script", kHeaderRewrite);
  QCOMPARE(unauthorized.result_int(), 401u);
  QCOMPARE(std::string(script_status(node).at("script").at("version").as_string()), live);
  QVERIFY(node.scripts().refused_deploys.load() >= cases.size());
}

void TestScriptNode::live_script_survives_a_restart() {
  TestFleet fleet;
  fleet.start_origin();
  const std::string file = fleet.temp_path("paris.script.json").toStdString();
  auto tweak = [&](NodeConfig& c) {
    enable_admin(c);
    c.script_file = file;
  };
  auto& first = fleet.start_node("paris", 0, tweak);
  auto deployed = parse_body(put_script(first, kHeaderRewrite, "fail=closed&cpu_ms=7"));
  const std::string version = std::string(deployed.at("version").as_string());
  fleet.stop_node(first);
  auto& second = fleet.start_node("paris", 0, tweak);
  auto status = script_status(second);
  QCOMPARE(std::string(status.at("script").at("version").as_string()), version);
  QCOMPARE(std::string(status.at("script").at("fail").as_string()), std::string("closed"));
  QCOMPARE(status.at("script").at("cpu_ms").to_number<double>(), 7.0);
  QCOMPARE(std::string(TestFleet::get(second.port(), "/obj/r?size=1")["X-Frame-Options"]), std::string("DENY"));
  // A state file that is not one is reported, and the node serves without a script.
  fleet.stop_node(second);
  QFile broken(QString::fromStdString(file));
  QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
  broken.write("{\"source\": 7}");
  broken.close();
  auto& third = fleet.start_node("paris", 0, tweak);
  QVERIFY(script_status(third).at("script").is_null());
  QCOMPARE(TestFleet::get(third.port(), "/obj/r?size=1").result_int(), 200u);
}

void TestScriptNode::delete_removes_the_script() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, enable_admin);
  QCOMPARE(delete_script(node).result_int(), 404u);
  QCOMPARE(put_script(node, kHeaderRewrite).result_int(), 200u);
  QCOMPARE(delete_script(node).result_int(), 200u);
  QVERIFY(script_status(node).at("script").is_null());
  QVERIFY(TestFleet::get(node.port(), "/obj/d?size=1")["X-Frame-Options"].empty());
}

void TestScriptNode::a_request_in_flight_keeps_its_version() {
  TestFleet fleet;
  fleet.start_origin();
  auto& node = fleet.start_node("paris", 0, enable_admin);
  auto version_script = [](const char* v) {
    return std::string("function on_client_response(resp) resp.headers:set('X-Version', '") + v + "') end\n";
  };
  QCOMPARE(put_script(node, version_script("one")).result_int(), 200u);
  auto slow = std::async(std::launch::async,
                         [&] { return TestFleet::get(node.port(), "/obj/slow?size=10&delay_ms=400&ttl=60"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  QCOMPARE(put_script(node, version_script("two")).result_int(), 200u);
  QCOMPARE(std::string(TestFleet::get(node.port(), "/obj/other?size=1")["X-Version"]), std::string("two"));
  QCOMPARE(std::string(slow.get()["X-Version"]), std::string("one"));
}

QTEST_GUILESS_MAIN(TestScriptNode)
#include "test_script_node.moc"
