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

QTEST_APPLESS_MAIN(TestCacheKey)
#include "test_cache_key.moc"
