// The `edge` host library inside the sandbox: digests and base64 against known
// vectors (FIPS 180-2, RFC 4231 style HMAC, RFC 4648), strict base64 decoding,
// and the table as read-only as every other shared one.
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

  void wrong_arguments_are_errors() {
    const ScriptResult r = run("return edge.sha256()");
    QCOMPARE(r.status, ScriptStatus::runtime_error);
    QVERIFY2(r.message.find("sha256") != std::string::npos, r.message.c_str());
  }

  void the_table_is_read_only() {
    for (const char* attempt : {"edge.sha256 = nil", "rawset(edge, 'sha256', print)", "setmetatable(edge, nil)"}) {
      ScriptIsolate isolate;
      const std::string source = std::string("function run() ") + attempt + " end function check() return edge.sha256('abc') end";
      QVERIFY(isolate.load(source, "tamper.lua").ok());
      QVERIFY2(!isolate.call("run").ok(), attempt);
    }
    const ScriptResult after = run("return edge.sha256('abc')");
    QVERIFY(after.ok());
    QCOMPARE(text_of(after.values.at(0)).substr(0, 8), std::string("ba7816bf"));
  }

  void results_are_bounded() {
    ScriptLimits limits;
    limits.max_string_bytes = 1000;
    ScriptIsolate isolate(limits);
    QVERIFY(isolate.load("function run() return edge.base64_encode(('x'):rep(900)) end", "big.lua").ok());
    const ScriptResult r = isolate.call("run");
    QVERIFY(!r.ok());
    QVERIFY2(r.message.find("max_string_bytes") != std::string::npos, r.message.c_str());
  }
};

QTEST_APPLESS_MAIN(TestScriptEdgeLibrary)
#include "test_script_edge_library.moc"
