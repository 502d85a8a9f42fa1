// The request API scripts see (req, resp, ctx, edge.*) and the self-tests,
// through ScriptSimulator: the node's hook order without a network. The
// sample scripts in resources/scripts/ must pass their own self-tests.
#include "script/script_self_tests.hpp"
#include "script/script_simulator.hpp"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace edgelab;

namespace {

ScriptProgramPtr compile(const std::string& source, ScriptFailMode fail = ScriptFailMode::open) {
  std::string error;
  ScriptSettings settings;
  settings.fail = fail;
  auto program = ScriptProgram::compile(source, "t.lua", settings, error);
  if (!program) qWarning("compile: %s", error.c_str());
  return program;
}

SimulatedOutcome run_one(const ScriptProgramPtr& program, SimulatedRequest request = {}, SimulatedOrigin origin = {}) {
  ScriptSimulator simulator(program);
  return simulator.run(request, origin);
}

const std::string* header(const ScriptFields& fields, std::string_view name) {
  for (const auto& [n, v] : fields)
    if (iequal(n, name)) return &v;
  return nullptr;
}

}  // namespace

class TestScriptApi : public QObject {
  Q_OBJECT
 private slots:
  void sample_scripts_pass_their_self_tests_data();
  void sample_scripts_pass_their_self_tests();
  void request_fields_are_readable();
  void header_edits_reach_upstream_and_client();
  void header_injection_is_refused();
  void framing_headers_belong_to_the_node();
  void handles_die_with_their_call();
  void ctx_crosses_hooks_with_scalars_only();
  void respond_and_redirect_answer_at_the_edge();
  void per_request_caps_hold();
  void origin_response_decides_storage();
  void hooks_refuse_what_is_not_theirs();
  void fail_modes();
  void self_test_failures_name_the_test();
  void compile_errors_name_the_line();
  void host_objects_are_locked();
};

void TestScriptApi::sample_scripts_pass_their_self_tests_data() {
  QTest::addColumn<QString>("path");
  QDir dir(QStringLiteral(EDGELAB_RESOURCE_DIR "/scripts"));
  const auto files = dir.entryList({QStringLiteral("*.lua")}, QDir::Files, QDir::Name);
  QVERIFY(files.size() >= 7);
  for (const QString& f : files) QTest::newRow(f.toUtf8().constData()) << dir.filePath(f);
}

void TestScriptApi::sample_scripts_pass_their_self_tests() {
  QFETCH(QString, path);
  QFile file(path);
  QVERIFY(file.open(QIODevice::ReadOnly));
  const std::string source = file.readAll().toStdString();
  auto program = compile(source);
  QVERIFY(program);
  const SelfTestReport report = ScriptSelfTests::run(program);
  QVERIFY2(report.ok(), report.summary().c_str());
  QVERIFY2(report.run >= 3, "every sample carries at least three self-tests");
  QCOMPARE(report.passed, report.run);
}

void TestScriptApi::request_fields_are_readable() {
  auto program = compile(R"LUA(
function on_client_request(req, ctx)
  req.headers:set("X-Seen", table.concat({req.method, req.path, req.query_string, req.query.a, req.query["b c"],
    req.host, req.client_ip, req.geo.pop, req.geo.region, req.geo.city or "-", tostring(req.geo.lat)}, "|"))
end)LUA");
  QVERIFY(program);
  SimulatedRequest request;
  request.target = "/p/q?a=1%202&b+c=x&a=ignored";
  request.geo = {.pop = "paris", .region = "eu-west-3", .city = "Lyon", .lat = 48.85, .lon = 2.35};
  auto out = run_one(program, request);
  QVERIFY2(!out.script_failed, out.failure_message.c_str());
  const std::string* seen = header(out.upstream_headers, "X-Seen");
  QVERIFY(seen);
  QCOMPARE(*seen,
           std::string("GET|/p/q|a=1%202&b+c=x&a=ignored|1 2|x|example.test|203.0.113.10|paris|eu-west-3|Lyon|48.85"));
}

void TestScriptApi::header_edits_reach_upstream_and_client() {
  auto program = compile(R"LUA(
function on_client_request(req) req.headers:set("X-A", "1"); req.headers:remove("User-Agent") end
function on_origin_request(req) req.headers:set("X-B", req.headers:get("x-a") .. "2") end
function on_origin_response(resp) resp.headers:set("X-Stored", "yes"); resp.headers:remove("Cache-Control") end
function on_client_response(resp) resp.headers:set("X-Delivered", resp.headers:get("X-STORED")) end)LUA");
  QVERIFY(program);
  auto out = run_one(program);
  QVERIFY2(!out.script_failed, out.failure_message.c_str());
  QVERIFY(header(out.upstream_headers, "X-A") && *header(out.upstream_headers, "X-A") == "1");
  QVERIFY(header(out.upstream_headers, "X-B") && *header(out.upstream_headers, "X-B") == "12");
  QVERIFY(!header(out.upstream_headers, "User-Agent"));
  QVERIFY(header(out.headers, "X-Delivered") && *header(out.headers, "X-Delivered") == "yes");
  QVERIFY(!header(out.headers, "Cache-Control"));
  QCOMPARE(out.trace.size(), 4u);
}

void TestScriptApi::header_injection_is_refused() {
  for (const char* call : {R"(req.headers:set("X-A", "v\r\nX-Injected: 1"))", R"(req.headers:set("Bad Name", "v"))",
                           R"(req.headers:set("X-A", "a\0b"))", R"(req.headers:set("", "v"))",
                           R"(req.headers:set("X-A", ("v"):rep(9000)))"}) {
    auto program = compile(std::string("function on_client_request(req) ") + call + " end");
    QVERIFY(program);
    auto out = run_one(program);
    QVERIFY2(out.script_failed, call);
    QCOMPARE(out.failure, ScriptStatus::runtime_error);
    QVERIFY(!header(out.upstream_headers, "X-Injected"));
    QCOMPARE(out.status, 200u);  // fail-open: the request went on without the script
  }
}

void TestScriptApi::framing_headers_belong_to_the_node() {
  for (const char* name : {"Content-Length", "transfer-encoding", "Connection", "Host", "Cache-Status", "TE",
                           "CDN-Loop", "Via", "Date", "Age"}) {
    auto program =
        compile(std::string("function on_client_response(resp) resp.headers:set(\"") + name + "\", \"1\") end");
    auto out = run_one(program);
    QVERIFY2(out.script_failed, name);
    QVERIFY2(out.failure_message.find("belong to the node") != std::string::npos, out.failure_message.c_str());
  }
}

void TestScriptApi::handles_die_with_their_call() {
  auto program = compile(R"LUA(
local kept
function on_client_request(req)
  if kept then return kept.path end
  kept = req
end)LUA");
  QVERIFY(program);
  ScriptSimulator simulator(program);
  auto first = simulator.run({}, {});
  QVERIFY(!first.script_failed);
  auto second = simulator.run({}, {});
  QVERIFY(second.script_failed);
  QVERIFY2(second.failure_message.find("has ended") != std::string::npos, second.failure_message.c_str());
}

void TestScriptApi::ctx_crosses_hooks_with_scalars_only() {
  auto program = compile(R"LUA(
function on_client_request(req, ctx) ctx.user = "alice"; ctx.n = 41; ctx.f = 0.5; ctx.ok = true end
function on_client_response(resp, ctx)
  resp.headers:set("X-Ctx", ctx.user .. ctx.n + 1 .. tostring(ctx.f) .. tostring(ctx.ok) .. tostring(ctx.none))
end)LUA");
  auto out = run_one(program);
  QVERIFY2(!out.script_failed, out.failure_message.c_str());
  QCOMPARE(*header(out.headers, "X-Ctx"), std::string("alice420.5truenil"));
  auto tables = compile("function on_client_request(req, ctx) ctx.t = {} end");
  auto refused = run_one(tables);
  QVERIFY(refused.script_failed);
  QVERIFY(refused.failure_message.find("strings, numbers or booleans") != std::string::npos);
}

void TestScriptApi::respond_and_redirect_answer_at_the_edge() {
  auto program = compile(R"LUA(
function on_client_request(req)
  if req.path == "/r" then return req:redirect("https://example.test/x", 301) end
  req:respond(418, {["Content-Type"] = "text/plain", ["X-N"] = 7}, "teapot")
end
function on_client_response(resp) resp.headers:set("X-Never", "1") end)LUA");
  auto out = run_one(program);
  QCOMPARE(out.status, 418u);
  QCOMPARE(out.body, std::string("teapot"));
  QVERIFY(!out.reached_origin);
  QCOMPARE(*header(out.headers, "X-N"), std::string("7"));
  QVERIFY(!header(out.headers, "X-Never"));  // the script's own answer is final
  SimulatedRequest r;
  r.target = "/r";
  auto redirected = run_one(program, r);
  QCOMPARE(redirected.status, 301u);
  QCOMPARE(*header(redirected.headers, "Location"), std::string("https://example.test/x"));
  for (const char* bad :
       {"req:respond(99)", "req:respond(200, {['Content-Length'] = '5'}, 'x')", "req:redirect('/a', 200)",
        "req:redirect('/a\\r\\nX: y')", "req:respond(200); req:respond(201)", "req:respond(204, nil, 'x')",
        "req:respond(304, nil, 'x')"}) {
    auto refused = run_one(compile(std::string("function on_client_request(req) ") + bad + " end"));
    QVERIFY2(refused.script_failed, bad);
  }
}

void TestScriptApi::per_request_caps_hold() {
  struct Case {
    const char* body;
    const char* message;
  };
  for (const Case& c : {
           Case{"for i = 1, 10000 do req.headers:set('X-' .. i, 'v') end", "header edits"},
           Case{"req:respond(200, nil, ('x'):rep(1024 * 1024) .. ('x'):rep(1024 * 1024))", ""},
           Case{"for i = 1, 1e6 do edge.ratelimit('k' .. i, 1, 1) end", "max_ratelimit_keys"},
           Case{"for i = 1, 100 do ctx['k' .. i] = i end", "max_ctx_keys"},
       }) {
    auto out = run_one(compile(std::string("function on_client_request(req, ctx) ") + c.body + " end"));
    QVERIFY2(out.script_failed, c.body);
    QVERIFY2(out.failure_message.find(c.message) != std::string::npos, out.failure_message.c_str());
  }
  // edge.log past its cap drops lines instead of failing.
  auto logs = run_one(compile(R"LUA(
function on_client_request(req)
  local kept = 0
  for i = 1, 1000 do if edge.log("info", "line " .. i) then kept = kept + 1 end end
  req.headers:set("X-Kept", kept)
end)LUA"));
  QVERIFY(!logs.script_failed);
  QCOMPARE(*header(logs.upstream_headers, "X-Kept"), std::string("20"));
  QCOMPARE(logs.logs.size(), 20u);
}

void TestScriptApi::origin_response_decides_storage() {
  auto program = compile(R"LUA(
function on_origin_response(resp)
  resp:set_ttl(300); resp:add_tag("product-7"); resp:add_tag("product-7"); resp.status = 203
end)LUA");
  auto out = run_one(program);
  QVERIFY2(!out.script_failed, out.failure_message.c_str());
  QCOMPARE(out.ttl.value_or(-1), 300);
  QCOMPARE(out.tags, std::vector<std::string>{"product-7"});
  QCOMPARE(out.status, 203u);
  // A 304 (or 204) keeps its status: it has no body, any other status would lose its framing.
  SimulatedOrigin not_modified;
  not_modified.status = 304;
  not_modified.body.clear();
  auto from_304 = run_one(compile("function on_origin_response(resp) resp.status = 200 end"), {}, not_modified);
  QVERIFY(from_304.script_failed);
  QCOMPARE(from_304.status, 304u);
  auto uncacheable = run_one(compile("function on_origin_response(resp) resp:uncacheable() end"));
  QVERIFY(uncacheable.uncacheable);
  for (const char* bad :
       {"resp.status = 304", "resp.status = 99", "resp:add_tag('a b')", "resp:set_ttl(-1)", "resp.headers = {}"}) {
    auto refused = run_one(compile(std::string("function on_origin_response(resp) ") + bad + " end"));
    QVERIFY2(refused.script_failed, bad);
  }
}

void TestScriptApi::hooks_refuse_what_is_not_theirs() {
  for (const char* script : {"function on_client_response(resp) resp:set_ttl(5) end",
                             "function on_origin_request(req) req:set_cache_key({'/x'}) end",
                             "function on_origin_request(req) req:pass() end",
                             "function on_client_response(resp) resp.request.headers:set('X', '1') end",
                             "function on_client_request(req) edge.now = nil end"}) {
    auto out = run_one(compile(script));
    QVERIFY2(out.script_failed, script);
  }
  // Reading across is fine: the response hook sees the request.
  auto out = run_one(compile("function on_client_response(resp) resp.headers:set('X-P', resp.request.path) end"));
  QVERIFY(!out.script_failed);
  QCOMPARE(*header(out.headers, "X-P"), std::string("/"));
}

void TestScriptApi::fail_modes() {
  const std::string source = "function on_client_request(req) req.headers:set('X-A', '1'); error('boom') end";
  auto open = run_one(compile(source, ScriptFailMode::open));
  QVERIFY(open.script_failed);
  QCOMPARE(open.status, 200u);
  QVERIFY(open.reached_origin);
  QVERIFY(!header(open.upstream_headers, "X-A"));  // the failed hook's edits are dropped
  auto closed = run_one(compile(source, ScriptFailMode::closed));
  QCOMPARE(closed.status, 503u);
  QVERIFY(!closed.reached_origin);
  auto killed = run_one(compile("function on_client_response(resp) while true do end end", ScriptFailMode::closed));
  QCOMPARE(killed.failure, ScriptStatus::cpu_exceeded);
  QCOMPARE(killed.status, 503u);
}

void TestScriptApi::self_test_failures_name_the_test() {
  auto program = compile(R"LUA(
function on_client_request(req) req:respond(200, nil, "ok") end
tests = { { name = "right", request = "GET /", expect = { status = 200, body = "ok" } },
          { name = "wrong", request = "GET /", expect = { status = 403 } } })LUA");
  auto report = ScriptSelfTests::run(program);
  QCOMPARE(report.run, 2);
  QCOMPARE(report.passed, 1);
  QCOMPARE(report.summary(), std::string("test 2 (wrong): expected status 403, got 200"));
  for (const char* broken :
       {"tests = 5", "tests = { 7 }", "tests = { { request = 'nonsense', expect = {} } }",
        "tests = { { request = 'GET /', expect = { status = -1 } } }",
        "tests = { { request = 'GET /', expect = {}, ['repeat'] = 1e300 } }", "tests = { function() end }"}) {
    auto p = compile(std::string("function on_client_request(req) end\n") + broken);
    QVERIFY(p);
    auto r = ScriptSelfTests::run(p);
    QVERIFY2(!r.ok() || r.passed == r.run, broken);
  }
}

void TestScriptApi::compile_errors_name_the_line() {
  std::string error;
  QVERIFY(!ScriptProgram::compile("function on_client_request(req)\n  x = = 1\nend", "bad.lua", {}, error));
  QVERIFY2(error.rfind("bad.lua:2:", 0) == 0, error.c_str());
  QVERIFY(!ScriptProgram::compile("x = 1", "none.lua", {}, error));
  QVERIFY2(error.find("defines none of") != std::string::npos, error.c_str());
  QVERIFY(!ScriptProgram::compile(std::string(1u << 20, ' ') + " ", "big.lua", {}, error));
  QVERIFY2(error.find("max_source_bytes") != std::string::npos, error.c_str());
  QVERIFY(!ScriptProgram::compile("\x1bLua\x54", "binary.lua", {}, error));
}

void TestScriptApi::host_objects_are_locked() {
  for (const char* attempt : {"getmetatable(req).__index = nil", "setmetatable(req, {})", "rawset(req, 'path', 'x')",
                              "req.path = '/x'", "req.query.a = 1", "rawset(req.query, 'a', 1)", "req.geo.pop = 'x'",
                              "getmetatable(req.headers).__index = nil"}) {
    auto out = run_one(compile(std::string("function on_client_request(req) ") + attempt + " end"));
    QVERIFY2(out.script_failed, attempt);
  }
  auto out =
      run_one(compile("function on_client_request(req) req.headers:set('X-M', tostring(getmetatable(req)) .. ' ' .. "
                      "tostring(req):gsub('0x%x+', 'ADDR')) end"));
  QVERIFY2(!out.script_failed, out.failure_message.c_str());
  QVERIFY2(header(out.upstream_headers, "X-M")->find("locked") == 0, header(out.upstream_headers, "X-M")->c_str());
}

QTEST_APPLESS_MAIN(TestScriptApi)
#include "test_script_api.moc"
