#include "core/node_config.hpp"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace edgelab;

class TestNodeConfig : public QObject {
  Q_OBJECT
 private slots:
  void the_documented_example_loads();
  void errors_name_the_key_data();
  void errors_name_the_key();
  void missing_file();
};

void TestNodeConfig::the_documented_example_loads() {
  auto c = parse_node_config(
      "{\"name\":\"paris\",\"listen\":\"127.0.0.1:18081\",\"upstream\":\"http://"
      "127.0.0.1:18080\",\"l1\":{\"max_bytes\":67108864},\"l2\":{\"path\":\"/tmp/"
      "paris-l2\",\"max_bytes\":1073741824},\"admin\":{\"listen\":\"127.0.0.1:19081\",\"token_file\":\"/tmp/"
      "paris.token\"}}");
  QVERIFY2(c, c ? "" : c.error().message.c_str());
  QCOMPARE(c->name, std::string("paris"));
  QCOMPARE(c->listen.port, 18081);
  QCOMPARE(c->upstream.port, 18080);
  QCOMPARE(c->l1_max_bytes, 67108864u);
  QCOMPARE(c->l2->path, std::string("/tmp/paris-l2"));
  QCOMPARE(c->l2->max_bytes, 1073741824u);
  QCOMPARE(c->admin->listen.port, 19081);
  QCOMPARE(c->admin->token_file, std::string("/tmp/paris.token"));
}

void TestNodeConfig::errors_name_the_key_data() {
  QTest::addColumn<QString>("json");
  QTest::addColumn<QString>("expected");
  const QString base = QStringLiteral("\"name\":\"n\",\"listen\":\"127.0.0.1:1\",\"upstream\":\"http://127.0.0.1:2\"");
  QTest::newRow("not json") << "{"
                            << "invalid JSON";
  QTest::newRow("not an object") << "[1]"
                                 << "must be a JSON object";
  QTest::newRow("unknown top-level key") << "{" + base + ",\"lsiten\":\"x\"}"
                                         << "lsiten: unknown key";
  QTest::newRow("unknown nested key") << "{" + base + ",\"l1\":{\"max_byte\":1}}"
                                      << "l1.max_byte: unknown key";
  QTest::newRow("wrong type") << "{" + base + ",\"l1\":{\"max_bytes\":\"big\"}}"
                              << "l1.max_bytes: expected an unsigned integer";
  QTest::newRow("negative") << "{" + base + ",\"l1\":{\"max_bytes\":-1}}"
                            << "l1.max_bytes: expected an unsigned integer";
  QTest::newRow("missing name") << "{\"listen\":\"127.0.0.1:1\",\"upstream\":\"http://127.0.0.1:2\"}"
                                << "name: required";
  const QString rest = ",\"listen\":\"127.0.0.1:1\",\"upstream\":\"http://127.0.0.1:2\"}";
  QTest::newRow("name with CRLF") << "{\"name\":\"a\\r\\nX-Injected: 1\"" + rest << "name: must be 1..64 letters";
  QTest::newRow("name with a space") << "{\"name\":\"my node\"" + rest << "name: must be 1..64 letters";
  QTest::newRow("name with a semicolon") << "{\"name\":\"a;hit\"" + rest << "name: must be 1..64 letters";
  QTest::newRow("name starting with a digit") << "{\"name\":\"1a\"" + rest << "name: must be 1..64 letters";
  QTest::newRow("empty name") << "{\"name\":\"\"" + rest << "name: must be 1..64 letters";
  QTest::newRow("name of 65") << "{\"name\":\"" + QString(65, QLatin1Char('a')) + "\"" + rest
                              << "name: must be 1..64 letters";
  QTest::newRow("bad listen") << "{\"name\":\"n\",\"listen\":\"nowhere\",\"upstream\":\"http://127.0.0.1:2\"}"
                              << "listen: expected \"host:port\"";
  QTest::newRow("bad port") << "{\"name\":\"n\",\"listen\":\"127.0.0.1:70000\",\"upstream\":\"http://127.0.0.1:2\"}"
                            << "listen: expected";
  QTest::newRow("bad upstream") << "{\"name\":\"n\",\"listen\":\"127.0.0.1:1\",\"upstream\":\"ftp://x\"}"
                                << "upstream: expected";
  QTest::newRow("l2 without path") << "{" + base + ",\"l2\":{\"max_bytes\":5}}"
                                   << "l2.path: required";
  QTest::newRow("l1 not object") << "{" + base + ",\"l1\":5}"
                                 << "l1: expected an object";
  QTest::newRow("admin without listen") << "{" + base + ",\"admin\":{}}"
                                        << "admin.listen: required";
  QTest::newRow("bool expected") << "{" + base + ",\"cache\":{\"coalescing\":\"yes\"}}"
                                 << "cache.coalescing: expected true or false";
  QTest::newRow("ignore list of strings") << "{" + base + ",\"cache\":{\"ignore_query_params\":[1]}}"
                                          << "cache.ignore_query_params";
  QTest::newRow("tiny header limit") << "{" + base + ",\"limits\":{\"header_bytes\":10}}"
                                     << "limits.header_bytes: must be at least";
}

void TestNodeConfig::errors_name_the_key() {
  QFETCH(QString, json);
  QFETCH(QString, expected);
  auto c = parse_node_config(json.toStdString());
  QVERIFY(!c);
  QVERIFY2(QString::fromStdString(c.error().message).contains(expected), c.error().message.c_str());
}

void TestNodeConfig::missing_file() {
  auto c = load_node_config("/nonexistent/edgelab.json");
  QVERIFY(!c);
  QVERIFY(QString::fromStdString(c.error().message).contains(QStringLiteral("cannot read")));
}

QTEST_APPLESS_MAIN(TestNodeConfig)
#include "test_node_config.moc"
