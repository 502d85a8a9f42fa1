// Hostile edge scripts against a live node: each is deployed, set off by a
// request, and must be contained (the request gets the script's failure
// mode, the abort is counted by reason) while the same node answers a
// concurrent plain request in under 50 ms. Scripts that must not load at all
// are refused at deploy with a 400.
#include "support/script_admin.hpp"
#include "support/test_fleet.hpp"

#include <boost/json.hpp>

#include <QTest>

#include <chrono>
#include <future>
#include <memory>
#include <thread>

using namespace edgelab;
using namespace edgelab::test;

namespace {

// The hostile body runs only for /evil, so plain requests pass through the same script.
std::string wrap(const std::string& hook, const std::string& body) {
  return "function " + hook +
         "(x, ctx)\n  local path = (x.request or x).path\n  if path ~= '/obj/evil' then return end\n" + body +
         "\nend\n";
}

}  // namespace

class TestScriptHostile : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase();
  void cleanupTestCase();
  void cleanup() { delete_script(*node_); }  // a failed row leaves no script for the next
  void contained_data();
  void contained();
  void refused_at_deploy_data();
  void refused_at_deploy();

 private:
  std::unique_ptr<TestFleet> fleet_;
  EdgeNode* node_ = nullptr;
  int serial_ = 0;
};

void TestScriptHostile::initTestCase() {
  fleet_ = std::make_unique<TestFleet>(2);
  fleet_->start_origin();
  node_ = &fleet_->start_node("paris", 0, [](NodeConfig& c) { c.admin = AdminConfig{{"127.0.0.1", 0}, ""}; });
  QCOMPARE(TestFleet::get(node_->port(), "/obj/plain?size=100&ttl=3600").result_int(), 200u);
  TestFleet::wait_until_stored(*node_, 1);
}

void TestScriptHostile::cleanupTestCase() { fleet_.reset(); }

void TestScriptHostile::contained_data() {
  QTest::addColumn<QString>("hook");
  QTest::addColumn<QString>("body");
  QTest::addColumn<QString>("reason");  // the aborts that may be counted ("a|b": whichever limit comes first)

  const QString req = QStringLiteral("on_client_request");
  struct Row {
    const char* name;
    QString hook;
    const char* body;
    const char* reason;
  };
  const Row rows[] = {
      {"while true", req, "while true do end", "cpu_exceeded"},
      {"loop inside pcall", req, "pcall(function() while true do end end)", "cpu_exceeded"},
      {"loop inside coroutine.wrap", req, "coroutine.wrap(function() while true do end end)()", "cpu_exceeded"},
      {"loop in an xpcall handler", req, "xpcall(error, function() while true do end end)", "cpu_exceeded"},
      {"kill caught and retried", req, "for i = 1, 100 do pcall(function() while true do end end) end", "cpu_exceeded"},
      {"deep recursion", req, "local function f(n) return f(n + 1) + 1 end f(1)",
       "runtime_error|memory_exceeded|cpu_exceeded"},
      {"a table that grows forever", req, "local t = {} while true do t[#t + 1] = {} end",
       "memory_exceeded|cpu_exceeded"},
      {"rep 2^31", req, "local s = ('x'):rep(2^31)", "runtime_error"},
      {"string doubling 64 times", req, "local s = 'x' for i = 1, 64 do s = s .. s end", "memory_exceeded"},
      {"concat of a huge table", req,
       "local t = {} for i = 1, 3e5 do t[i] = 'xxxxxxxxxx' end local s = table.concat(t)",
       "runtime_error|cpu_exceeded"},
      {"unpack 1e8", req, "table.unpack({}, 1, 1e8)", "runtime_error"},
      {"find with a?^28", req, "string.find(('a'):rep(28), ('a?'):rep(28) .. ('a'):rep(28))", "runtime_error"},
      {"match a+a+a+a+a+b", req, "local r = ('a'):rep(100):match('a+a+a+a+a+b') if r then error('matched') end",
       "runtime_error"},
      {"gsub pathological", req, "local s = ('a'):rep(20000):gsub('a-a-a-a-a-a-b', 'x')", "runtime_error"},
      {"format %99999999d", req, "local s = string.format('%99999999d', 1)", "runtime_error"},
      {"coroutine bomb", req, "for i = 1, 1e6 do coroutine.wrap(function() end)() end", "coroutines_exceeded"},
      {"io", req, "io.open('/etc/passwd')", "runtime_error"},
      {"os", req, "os.execute('touch /tmp/edgelab-owned')", "runtime_error"},
      {"debug", req, "debug.sethook()", "runtime_error"},
      {"package", req, "package.loadlib('libc.so.6', 'system')", "runtime_error"},
      {"require ffi", req, "local ffi = require 'ffi'", "runtime_error"},
      {"load(string.dump(f))", req, "load(string.dump(function() end))()", "runtime_error"},
      {"string metatable", req, "getmetatable('').__index.rep = function() end", "runtime_error"},
      {"rewrite string.rep", req, "string.rep = nil", "runtime_error"},
      {"rawset on a library", req, "rawset(string, 'rep', nil)", "runtime_error"},
      {"rawset on edge", req, "rawset(edge, 'now', function() return 0 end)", "runtime_error"},
      {"setmetatable on a library", req, "setmetatable(math, {})", "runtime_error"},
      {"looping __index called from C", req,
       "local t = setmetatable({}, {__index = function() while true do end end}) local s = table.concat({t.x})",
       "cpu_exceeded"},
      {"looping __tostring", req, "tostring(setmetatable({}, {__tostring = function() while true do end end}))",
       "cpu_exceeded"},
      {"error object whose __tostring loops", req,
       "error(setmetatable({}, {__tostring = function() while true do end end}))", "runtime_error"},
      {"__gc on a script table", req, "setmetatable({}, {__gc = function() while true do end end})", "runtime_error"},
      {"error in on_client_request", req, "error('client request')", "runtime_error"},
      {"error in on_origin_request", QStringLiteral("on_origin_request"), "error('origin request')", "runtime_error"},
      {"error in on_origin_response", QStringLiteral("on_origin_response"), "error('origin response')",
       "runtime_error"},
      {"error in on_client_response", QStringLiteral("on_client_response"), "error('client response')",
       "runtime_error"},
      {"10000 headers set", req, "for i = 1, 10000 do x.headers:set('X-H' .. i, 'v') end", "runtime_error"},
      {"a 100 MB body", req, "x:respond(200, nil, ('x'):rep(100 * 1024 * 1024))", "runtime_error"},
      {"a 100 MB body in pieces", req,
       "local t = {} for i = 1, 100 do t[i] = ('x'):rep(1024 * 1024) end x:respond(200, nil, table.concat(t))",
       "memory_exceeded"},
      {"edge.log in a loop", req, "while true do edge.log('info', 'spam') end", "cpu_exceeded"},
      {"edge.ratelimit with a million keys", req, "for i = 1, 1e6 do edge.ratelimit('k' .. i, 1, 1) end",
       "runtime_error"},
      {"a 100 KB header value", QStringLiteral("on_client_response"), "x.headers:set('X-A', ('v'):rep(100000))",
       "runtime_error"},
      {"header injection", req, "x.headers:set('X-A', 'v\\r\\nX-Injected: 1')", "runtime_error"},
      {"yield out of the hook", req, "coroutine.yield()", "yielded"},
  };
  for (const Row& row : rows)
    QTest::newRow(row.name) << row.hook << QString::fromUtf8(row.body) << QString::fromUtf8(row.reason);
}

void TestScriptHostile::contained() {
  QFETCH(QString, hook);
  QFETCH(QString, body);
  QFETCH(QString, reason);
  const std::string source = wrap(hook.toStdString(), body.toStdString());
  for (const char* mode : {"open", "closed"}) {
    auto deployed = put_script(*node_, source, std::string("fail=") + mode);
    QVERIFY2(deployed.result_int() == 200, deployed.body().c_str());
    auto aborts = [&] {
      std::uint64_t n = 0;
      for (const QString& r : reason.split(QLatin1Char('|'))) n += script_counter(*node_, "aborts." + r.toStdString());
      return n;
    };
    const std::string counter = "aborts." + reason.toStdString();
    const std::uint64_t before = aborts();

    // A new URL each time: the origin hooks must not be skipped by a hit.
    const std::string target = std::string("/obj/evil?size=7&mode=") + mode + "&row=" + std::to_string(++serial_);
    auto evil = std::async(std::launch::async, [this, target] { return TestFleet::get(node_->port(), target); });
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    const auto start = std::chrono::steady_clock::now();
    auto plain = TestFleet::get(node_->port(), "/obj/plain?size=100&ttl=3600");
    const auto plain_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    auto answer = evil.get();

    QCOMPARE(plain.result_int(), 200u);
    QCOMPARE(plain.body().size(), 100u);
    QVERIFY2(plain_ms < 50, (std::to_string(plain_ms) + " ms for a plain request beside it").c_str());
    QVERIFY2(answer["X-Injected"].empty(), "an injected header reached the client");
    {
      const unsigned expected = std::string(mode) == "open" ? 200u : 503u;
      QVERIFY2(answer.result_int() == expected,
               (std::string(mode) + ": " + std::to_string(answer.result_int()) + " " + answer.body()).c_str());
      QVERIFY2(aborts() == before + 1,
               (counter + " in " + boost::json::serialize(script_status(*node_).at("script").at("aborts"))).c_str());
    }
  }
  // The node still answers, and nothing of the script is left behind.
  QCOMPARE(delete_script(*node_).result_int(), 200u);
  QCOMPARE(TestFleet::get(node_->port(), "/obj/evil?size=7").result_int(), 200u);
  QVERIFY(!QFile::exists(QStringLiteral("/tmp/edgelab-owned")));
}

void TestScriptHostile::refused_at_deploy_data() {
  QTest::addColumn<QByteArray>("source");
  QTest::addColumn<QString>("message");
  QTest::newRow("syntax error") << QByteArray("function on_client_request(req)\n  if then\nend\n")
                                << QStringLiteral("script.lua:2:");
  QTest::newRow("larger than 1 MiB") << QByteArray(1024 * 1024 + 10, ' ') + "function on_client_request() end"
                                     << QStringLiteral("max_source_bytes");
  QTest::newRow("a binary chunk") << QByteArray("\x1bLuaT\x00\x19\x93\r\n\x1a\n", 12) << QStringLiteral("binary");
  QTest::newRow("endless main chunk") << QByteArray("while true do end") << QStringLiteral("stopped");
  QTest::newRow("main chunk eats memory")
      << QByteArray("local t = {} while true do t[#t + 1] = {} end") << QStringLiteral("stopped");
  QTest::newRow("no hooks") << QByteArray("local x = 1") << QStringLiteral("defines none of");
  QTest::newRow("a failing self-test")
      << QByteArray("function on_client_request(req) end\ntests = {{request = 'GET /', expect = {status = 500}}}")
      << QStringLiteral("self-test failed");
  QTest::newRow("a self-test that spins") << QByteArray(
                                                 "function on_client_request(req) while true do end end\n"
                                                 "tests = {{request = 'GET /', expect = {status = 200}}}")
                                          << QStringLiteral("self-test failed");
}

void TestScriptHostile::refused_at_deploy() {
  QFETCH(QByteArray, source);
  QFETCH(QString, message);
  auto res = put_script(*node_, source.toStdString());
  QCOMPARE(res.result_int(), 400u);
  QVERIFY2(res.body().find(message.toStdString()) != std::string::npos, res.body().c_str());
  QVERIFY(script_status(*node_).at("script").is_null());
  QCOMPARE(TestFleet::get(node_->port(), "/obj/plain?size=100&ttl=3600").result_int(), 200u);
}

QTEST_GUILESS_MAIN(TestScriptHostile)
#include "test_script_hostile.moc"
