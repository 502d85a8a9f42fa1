// The `edge` host library inside the sandbox: digests and base64 against known
// vectors (FIPS 180-2, RFC 4231 style HMAC, RFC 4648), strict base64 decoding,
// edge.json both ways with its bounds, and the tables as read-only as every
// other shared one.
#include "script/script_isolate.hpp"

#include <QTest>

#include <array>

using namespace edgelab;

namespace {

std::string text_of(const ScriptValue& v) { return std::holds_alternative<std::string>(v) ? std::get<std::string>(v) : "?"; }

ScriptResult run(const char* body) {
  ScriptIsolate isolate;
  const std::string source = std::string("function run() ") + body + " end";
  auto loaded = isolate.load(source, "edge.lua");
  if (!loaded.ok()) return loaded;
  return isolate.call("run");
}

}  // namespace

class TestScriptEdgeLibrary : public QObject {
  Q_OBJECT
 private slots:
  void answers_data() {
    QTest::addColumn<QByteArray>("expression");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("sha256 abc") << QByteArray("edge.sha256('abc')")
                                << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("sha256 empty") << QByteArray("edge.sha256('')")
                                  << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("hmac fox") << QByteArray("edge.hmac_sha256('key', 'The quick brown fox jumps over the lazy dog')")
                              << QByteArray("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    QTest::newRow("base64 foobar") << QByteArray("edge.base64_encode('foobar')") << QByteArray("Zm9vYmFy");
    QTest::newRow("base64 fo") << QByteArray("edge.base64_encode('fo')") << QByteArray("Zm8=");
    QTest::newRow("base64 f") << QByteArray("edge.base64_encode('f')") << QByteArray("Zg==");
    QTest::newRow("base64 empty") << QByteArray("edge.base64_encode('')") << QByteArray("");
    QTest::newRow("decode fo") << QByteArray("edge.base64_decode('Zm8=')") << QByteArray("fo");
    QTest::newRow("decode f") << QByteArray("edge.base64_decode('Zg==')") << QByteArray("f");
    QTest::newRow("json array") << QByteArray("edge.json.encode({1, 2.5, 'x', true, edge.json.null})")
                                << QByteArray("[1,2.5,\"x\",true,null]");
    QTest::newRow("json object escapes")
        << QByteArray("edge.json.encode({user = 'a\"b\\\\'}) == [[{\"user\":\"a\\\"b\\\\\"}]] and 'same' or edge.json.encode({user = 'a\"b\\\\'})")
        << QByteArray("same");
    QTest::newRow("json control chars")
        << QByteArray("edge.json.encode(string.char(1, 10)) == [[\"\\u0001\\n\"]] and 'same' or edge.json.encode(string.char(1, 10))")
        << QByteArray("same");
    QTest::newRow("json empty table") << QByteArray("edge.json.encode({})") << QByteArray("{}");
    QTest::newRow("json decode object")
        << QByteArray("(function() local v = edge.json.decode('{\"a\":[1,2,{\"b\":\"c\"}],\"n\":null}') "
                      "return v.a[3].b .. #v.a .. tostring(v.n == edge.json.null) end)()")
        << QByteArray("c3true");
    QTest::newRow("json decode big integer") << QByteArray("math.type(edge.json.decode('9007199254740993'))")
                                             << QByteArray("integer");
    QTest::newRow("json round trip")
        << QByteArray("edge.json.decode(edge.json.encode({k = {1, {x = 'y'}}})).k[2].x") << QByteArray("y");
    QTest::newRow("round trip bytes")
        << QByteArray("edge.base64_decode(edge.base64_encode('\\0\\1\\255 x')) == '\\0\\1\\255 x' and 'same' or 'differ'")
        << QByteArray("same");
  }
  void answers() {
    QFETCH(QByteArray, expression);
    QFETCH(QByteArray, expected);
    const ScriptResult r = run(("return " + expression).constData());
    QVERIFY2(r.ok(), r.message.c_str());
    QCOMPARE(text_of(r.values.at(0)), expected.toStdString());
  }

  void bad_base64_is_nil_and_a_reason_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("no padding") << QByteArray("Zm8");
    QTest::newRow("padding inside") << QByteArray("Zm=8");
    QTest::newRow("whitespace") << QByteArray("Zm9v YmFy");
    QTest::newRow("url alphabet") << QByteArray("Zm-_");
    QTest::newRow("three pads") << QByteArray("Z===");
  }
  void bad_base64_is_nil_and_a_reason() {
    QFETCH(QByteArray, text);
    const ScriptResult r = run(("local v, why = edge.base64_decode('" + text + "') return v == nil and why or 'decoded'").constData());
    QVERIFY2(r.ok(), r.message.c_str());
    QVERIFY2(text_of(r.values.at(0)).find("not base64") != std::string::npos, text_of(r.values.at(0)).c_str());
  }

  void bad_json_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("decode garbage") << QByteArray("local v, why = edge.json.decode('{nope') return why")
                                    << QByteArray("not JSON");
    QTest::newRow("decode too deep") << QByteArray("local v, why = edge.json.decode(('['):rep(100) .. (']'):rep(100)) return why")
                                     << QByteArray("deeper than 64");
    QTest::newRow("encode cycle") << QByteArray("local t = {} t.self = t return pcall(edge.json.encode, t) and 'no' or select(2, pcall(edge.json.encode, t))")
                                  << QByteArray("deeper than 64");
    QTest::newRow("encode nan") << QByteArray("return select(2, pcall(edge.json.encode, 0/0))") << QByteArray("NaN");
    QTest::newRow("encode function") << QByteArray("return select(2, pcall(edge.json.encode, print or run))")
                                     << QByteArray("no JSON form");
    QTest::newRow("encode sparse array") << QByteArray("return select(2, pcall(edge.json.encode, {[1] = 'a', [3] = 'c'}))")
                                         << QByteArray("keys must be strings");
    QTest::newRow("encode number key") << QByteArray("return select(2, pcall(edge.json.encode, {[2.5] = 1}))")
                                       << QByteArray("keys must be strings");
  }
  void bad_json() {
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, message);
    const ScriptResult r = run(body.constData());
    QVERIFY2(r.ok(), r.message.c_str());
    QVERIFY2(text_of(r.values.at(0)).find(message.toStdString()) != std::string::npos, text_of(r.values.at(0)).c_str());
  }

  void wrong_arguments_are_errors() {
    const ScriptResult r = run("return edge.sha256()");
    QCOMPARE(r.status, ScriptStatus::runtime_error);
    QVERIFY2(r.message.find("sha256") != std::string::npos, r.message.c_str());
  }

  void the_table_is_read_only() {
    for (const char* attempt : {"edge.sha256 = nil", "rawset(edge, 'sha256', print)", "setmetatable(edge, nil)",
                                "edge.json.encode = nil", "rawset(edge.json, 'decode', tostring)", "edge.json = {}"}) {
      ScriptIsolate isolate;
      const std::string source = std::string("function run() ") + attempt + " end function check() return edge.sha256('abc') end";
      QVERIFY(isolate.load(source, "tamper.lua").ok());
      QVERIFY2(!isolate.call("run").ok(), attempt);
    }
    const ScriptResult after = run("return edge.sha256('abc'), edge.json.encode({1})");
    QVERIFY(after.ok());
    QCOMPARE(text_of(after.values.at(0)).substr(0, 8), std::string("ba7816bf"));
    QCOMPARE(text_of(after.values.at(1)), std::string("[1]"));
  }

  void results_are_bounded() {
    ScriptLimits limits;
    limits.max_string_bytes = 1000;
    ScriptIsolate isolate(limits);
    QVERIFY(isolate.load("function run() return edge.base64_encode(('x'):rep(900)) end "
                         "function json() local t = {} for i = 1, 20 do t[i] = ('x'):rep(100) end "
                         "return edge.json.encode(t) end",
                         "big.lua")
                .ok());
    const ScriptResult r = isolate.call("run");
    QVERIFY(!r.ok());
    QVERIFY2(r.message.find("max_string_bytes") != std::string::npos, r.message.c_str());
    ScriptIsolate fresh(limits);
    QVERIFY(fresh.load("function json() local t = {} for i = 1, 20 do t[i] = ('x'):rep(100) end "
                       "return edge.json.encode(t) end",
                       "big.lua")
                .ok());
    const ScriptResult j = fresh.call("json");
    QVERIFY(!j.ok());
    QVERIFY2(j.message.find("max_string_bytes") != std::string::npos, j.message.c_str());
  }
};

QTEST_APPLESS_MAIN(TestScriptEdgeLibrary)
#include "test_script_edge_library.moc"
