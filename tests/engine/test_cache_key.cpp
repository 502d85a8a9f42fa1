#include "cache/accept_language.hpp"
#include "cache/cache_key.hpp"

#include <QTest>

using namespace edgelab;

class TestCacheKey : public QObject {
  Q_OBJECT
 private slots:
  void primary_data();
  void primary();
  void vary_names();
  void variant_keys();
  void accept_language_data();
  void accept_language();
  void accept_language_spellings_share_a_variant();
};

void TestCacheKey::primary_data() {
  QTest::addColumn<QString>("host");
  QTest::addColumn<QString>("target");
  QTest::addColumn<QString>("expected");
  QTest::newRow("plain") << "Example.COM"
                         << "/a/b"
                         << "example.com/a/b";
  QTest::newRow("sorted query") << "h"
                                << "/p?b=2&a=1&c"
                                << "h/p?a=1&b=2&c";
  QTest::newRow("ignored params dropped") << "h"
                                          << "/p?utm_source=x&id=3&fbclid=y"
                                          << "h/p?id=3";
  QTest::newRow("only ignored params") << "h"
                                       << "/p?utm_source=x"
                                       << "h/p";
  QTest::newRow("empty params") << "h"
                                << "/p?&&a=1&"
                                << "h/p?a=1";
  QTest::newRow("default port") << "h:80"
                                << "/"
                                << "h/";
  QTest::newRow("other port kept") << "h:8080"
                                   << "/"
                                   << "h:8080/";
  QTest::newRow("fragment dropped") << "h"
                                    << "/p?a=1#frag"
                                    << "h/p?a=1";
  QTest::newRow("many params") << "h"
                               << "/p?z=1&y=1&x=1&w=1&v=1&u=1&t=1&s=1&r=1&q=1&p=1&o=1&n=1&m=1&l=1&k=1&j=1&i=1&h=1&g=1&"
                                  "f=1&e=1&d=1&c=1&b=1&a=1&a0=1&a1=1&a2=1&a3=1&a4=1&a5=1&a6=1&a7=1"
                               << "h/"
                                  "p?a0=1&a1=1&a2=1&a3=1&a4=1&a5=1&a6=1&a7=1&a=1&b=1&c=1&d=1&e=1&f=1&g=1&h=1&i=1&j=1&k="
                                  "1&l=1&m=1&n=1&o=1&p=1&q=1&r=1&s=1&t=1&u=1&v=1&w=1&x=1&y=1&z=1";
}

void TestCacheKey::primary() {
  QFETCH(QString, host);
  QFETCH(QString, target);
  QFETCH(QString, expected);
  CacheKeyBuilder keys({"utm_source", "fbclid"});
  QCOMPARE(QString::fromStdString(keys.primary_key(host.toStdString(), target.toStdString())), expected);
}

void TestCacheKey::vary_names() {
  http::fields r;
  r.insert(http::field::vary, "Accept-Encoding, accept-language");
  r.insert(http::field::vary, "Accept-Encoding");
  std::vector<std::string> names;
  QVERIFY(parse_vary(r, names));
  QCOMPARE(names, (std::vector<std::string>{"accept-encoding", "accept-language"}));
  http::fields star;
  star.insert(http::field::vary, "Accept, *");
  QVERIFY(!parse_vary(star, names));
}

void TestCacheKey::variant_keys() {
  std::vector<std::string> names{"accept-encoding"};
  http::fields a, b, c;
  a.set("Accept-Encoding", "gzip,  br");
  b.set("Accept-Encoding", "gzip, br");
  c.set("Accept-Encoding", "identity");
  std::string ka, kb, kc, none;
  variant_key("h/p", names, a, ka);
  variant_key("h/p", names, b, kb);
  variant_key("h/p", names, c, kc);
  variant_key("h/p", names, http::fields{}, none);
  QCOMPARE(ka, kb);
  QVERIFY(ka != kc);
  QVERIFY(none != ka);
}

void TestCacheKey::accept_language_data() {
  QTest::addColumn<QString>("value");
  QTest::addColumn<QString>("canonical");  // "(invalid)": kept as sent
  const QString invalid = "(invalid)";
  QTest::newRow("one") << "en" << "en";
  QTest::newRow("case") << "EN-us" << "en-us";
  QTest::newRow("whitespace") << " de ;  q=0.5 ,\ten " << "en,de;q=0.5";
  QTest::newRow("q spellings") << "fr;q=0.500, it;Q=0.50, de;q=1.000, en;q=1" << "de,en,fr;q=0.5,it;q=0.5";
  QTest::newRow("by weight") << "a;q=0.1, b;q=0.9, c" << "c,b;q=0.9,a;q=0.1";
  QTest::newRow("equal weights alphabetical") << "fr, de, en-GB" << "de,en-gb,fr";
  QTest::newRow("three decimals") << "x;q=0.005, y;q=0.05" << "y;q=0.05,x;q=0.005";
  QTest::newRow("zero kept") << "*, en;q=0, de;q=0.000" << "*,de;q=0,en;q=0";
  QTest::newRow("repeat keeps first") << "en;q=0.2, de, EN" << "de,en;q=0.2";
  QTest::newRow("empty members") << ",en,, ,de," << "de,en";
  QTest::newRow("empty") << "" << "";
  QTest::newRow("subtags") << "zh-Hant-TW, sl-rozaj-biske" << "sl-rozaj-biske,zh-hant-tw";
  QTest::newRow("bad q") << "en;q=2" << invalid;
  QTest::newRow("q too precise") << "en;q=0.1234" << invalid;
  QTest::newRow("one point five") << "en;q=1.5" << invalid;
  QTest::newRow("bare point") << "en;q=.5" << invalid;
  QTest::newRow("other parameter") << "en;level=1" << invalid;
  QTest::newRow("digit first") << "1en" << invalid;
  QTest::newRow("subtag too long") << "en-abcdefghi" << invalid;
  QTest::newRow("empty subtag") << "en--us" << invalid;
  QTest::newRow("trailing dash") << "en-" << invalid;
  QTest::newRow("token chars") << "en_US" << invalid;
  QTest::newRow("quoted") << "\"en\"" << invalid;
  QTest::newRow("primary tag too long") << "abcdefghi" << invalid;
  QString sixty_five;
  for (int i = 0; i < 65; ++i) sixty_five += QStringLiteral("x-%1,").arg(i);
  QTest::newRow("65 members") << sixty_five << invalid;
}

void TestCacheKey::accept_language() {
  QFETCH(QString, value);
  QFETCH(QString, canonical);
  std::string out = "prefix:";
  const bool ok = append_canonical_accept_language(value.toStdString(), out);
  if (canonical == "(invalid)") {
    QVERIFY2(!ok, out.c_str());
    QCOMPARE(out, std::string("prefix:"));
  } else {
    QVERIFY(ok);
    QCOMPARE(QString::fromStdString(out), "prefix:" + canonical);
  }
}

void TestCacheKey::accept_language_spellings_share_a_variant() {
  std::vector<std::string> names{"accept-language"};
  http::fields a, b, split, other, bad1, bad2;
  a.set("Accept-Language", "en-US,de;q=0.5");
  b.set("Accept-Language", "de;Q=0.500 , EN-us");
  split.insert("Accept-Language", "de;q=0.5");
  split.insert("Accept-Language", "en-us");
  other.set("Accept-Language", "en-US,de;q=0.6");
  bad1.set("Accept-Language", "en;q=9,  de");
  bad2.set("Accept-Language", "en;q=9, de");
  std::string ka, kb, ks, ko, kbad1, kbad2, none;
  variant_key("h/p", names, a, ka);
  variant_key("h/p", names, b, kb);
  variant_key("h/p", names, split, ks);
  variant_key("h/p", names, other, ko);
  variant_key("h/p", names, bad1, kbad1);
  variant_key("h/p", names, bad2, kbad2);
  variant_key("h/p", names, http::fields{}, none);
  QCOMPARE(ka, kb);
  QCOMPARE(ka, ks);
  QVERIFY(ka != ko);
  QVERIFY(none != ka);
  QCOMPARE(kbad1, kbad2);  // an invalid value still has its whitespace collapsed
  QVERIFY(kbad1 != ka);
}

QTEST_APPLESS_MAIN(TestCacheKey)
#include "test_cache_key.moc"
