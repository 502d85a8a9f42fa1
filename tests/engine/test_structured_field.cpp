// RFC 8941 dictionaries: what parses, to what, and what makes the whole field invalid.
#include "http/structured_field.hpp"

#include <QTest>

using namespace edgelab;

class TestStructuredField : public QObject {
  Q_OBJECT
 private slots:
  void dictionaries_data();
  void dictionaries();
  void values_are_typed();
  void lists_data();
  void lists();
  void parameters_are_kept();
};

void TestStructuredField::dictionaries_data() {
  QTest::addColumn<QString>("value");
  QTest::addColumn<bool>("valid");
  QTest::addColumn<QString>("keys");
  QTest::newRow("integers") << "max-age=60, s-maxage=0" << true << "max-age,s-maxage";
  QTest::newRow("boolean members") << "no-store, private" << true << "no-store,private";
  QTest::newRow("tabs around commas") << "a=1\t,\tb=2" << true << "a,b";
  QTest::newRow("parameters") << "a=1;x=2;y, b" << true << "a,b";
  QTest::newRow("inner list") << "a=(1 2 \"x\");p=1, b=?0" << true << "a,b";
  QTest::newRow("string, token, bytes, decimal") << "s=\"q\\\"x\", t=foo/bar, y=:aGk=:, d=-1.25" << true << "s,t,y,d";
  QTest::newRow("repeated key keeps its place") << "a=1, b=2, a=3" << true << "a,b";
  QTest::newRow("empty") << "" << true << "";
  QTest::newRow("uppercase key") << "Max-Age=1" << false << "";
  QTest::newRow("trailing comma") << "a=1," << false << "";
  QTest::newRow("leading comma") << ",a=1" << false << "";
  QTest::newRow("space before =") << "a =1" << false << "";
  QTest::newRow("integer of 16 digits") << "a=1234567890123456" << false << "";
  QTest::newRow("decimal with 4 fraction digits") << "a=1.2345" << false << "";
  QTest::newRow("decimal ending in a dot") << "a=1." << false << "";
  QTest::newRow("unterminated string") << "a=\"x" << false << "";
  QTest::newRow("bad escape") << "a=\"\\x\"" << false << "";
  QTest::newRow("control in string") << "a=\"\x01\"" << false << "";
  QTest::newRow("bad boolean") << "a=?2" << false << "";
  QTest::newRow("unterminated bytes") << "a=:aGk=" << false << "";
  QTest::newRow("unterminated inner list") << "a=(1 2" << false << "";
  QTest::newRow("garbage after a member") << "a=1 b=2" << false << "";
}

void TestStructuredField::dictionaries() {
  QFETCH(QString, value);
  QFETCH(bool, valid);
  QFETCH(QString, keys);
  const auto parsed = parse_structured_dictionary(value.toStdString());
  QCOMPARE(parsed.has_value(), valid);
  if (!parsed) return;
  QStringList seen;
  for (const auto& [key, item] : *parsed) seen << QString::fromStdString(key);
  QCOMPARE(seen.join(QLatin1Char(',')), keys);
}

void TestStructuredField::values_are_typed() {
  const auto parsed = parse_structured_dictionary("a=-42, b=1.5, c=\"t\\\\x\", d=tok, e, f=?0, a=7");
  QVERIFY(parsed);
  const auto& d = *parsed;
  QCOMPARE(int(d[0].second.type), int(StructuredItem::Type::integer));
  QCOMPARE(d[0].second.integer, 7);  // the later a replaced the first
  QCOMPARE(d[1].second.decimal, 1.5);
  QCOMPARE(d[2].second.text, std::string("t\\x"));
  QCOMPARE(int(d[3].second.type), int(StructuredItem::Type::token));
  QVERIFY(d[4].second.boolean);
  QVERIFY(!d[5].second.boolean);
}

void TestStructuredField::lists_data() {
  QTest::addColumn<QString>("value");
  QTest::addColumn<bool>("valid");
  QTest::addColumn<int>("members");
  QTest::newRow("Cache-Status of two caches") << "shield; fwd=uri-miss; stored, edge; hit; ttl=80; detail=L1" << true
                                              << 2;
  QTest::newRow("quoted cache name") << "\"Edge Cache\"; hit" << true << 1;
  QTest::newRow("inner list member") << "(a b);p, c" << true << 2;
  QTest::newRow("empty") << "" << true << 0;
  QTest::newRow("trailing comma") << "a, b," << false << 0;
  QTest::newRow("bad parameter value") << "a; ttl=1.2345" << false << 0;
  QTest::newRow("uppercase parameter") << "a; Hit" << false << 0;
  QTest::newRow("two items without a comma") << "a b" << false << 0;
}

void TestStructuredField::lists() {
  QFETCH(QString, value);
  QFETCH(bool, valid);
  QFETCH(int, members);
  const auto parsed = parse_structured_list(value.toStdString());
  QCOMPARE(parsed.has_value(), valid);
  if (parsed) QCOMPARE(int(parsed->size()), members);
}

void TestStructuredField::parameters_are_kept() {
  const auto list = parse_structured_list("edge; hit; ttl=-3; fwd=stale; fwd-status=503; key=\"k\"; ttl=80");
  QVERIFY(list && list->size() == 1);
  const StructuredItem& m = list->front();
  QCOMPARE(m.text, std::string("edge"));
  QVERIFY(m.parameter("hit") && m.parameter("hit")->boolean);
  QCOMPARE(m.parameter("ttl")->integer, 80);  // the later ttl replaced the first, in its place
  QCOMPARE(m.parameters[1].first, std::string("ttl"));
  QCOMPARE(m.parameter("fwd")->text, std::string("stale"));
  QCOMPARE(m.parameter("fwd-status")->integer, 503);
  QCOMPARE(m.parameter("key")->text, std::string("k"));
  QVERIFY(!m.parameter("stored"));
  const auto dict = parse_structured_dictionary("max-age=60;x=1");
  QVERIFY(dict && dict->front().second.parameter("x"));
}

QTEST_APPLESS_MAIN(TestStructuredField)
#include "test_structured_field.moc"
