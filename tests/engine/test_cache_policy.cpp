// RFC 9111 storage and freshness decisions as data-driven tables.
#include "cache/cache_directives.hpp"
#include "cache/cached_object.hpp"
#include "cache/freshness_policy.hpp"
#include "cache/http_date.hpp"

#include <QTest>

using namespace edgelab;

namespace {
constexpr std::int64_t kNow = 1'790'000'000;  // a fixed "now" for the tables

http::fields fields_from(const QString& text) {
  http::fields f;
  for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
    auto colon = line.indexOf(QLatin1Char(':'));
    f.insert(line.left(colon).trimmed().toStdString(), line.mid(colon + 1).trimmed().toStdString());
  }
  return f;
}
QString date_at(std::int64_t t) { return QString::fromStdString(format_http_date(t)); }
}  // namespace

class TestCachePolicy : public QObject {
  Q_OBJECT
 private slots:
  void storage_data();
  void storage();
  void directives_data();
  void directives();
  void http_dates();
  void age_is_corrected_for_upstream_age_and_delay_data();
  void age_is_corrected_for_upstream_age_and_delay();
  void hop_by_hop_includes_connection_tokens();
  void not_modified_refreshes_headers_and_clock();
  void stale_windows();
};

void TestCachePolicy::storage_data() {
  QTest::addColumn<int>("status");
  QTest::addColumn<QString>("response");
  QTest::addColumn<QString>("request");
  QTest::addColumn<bool>("storable");
  QTest::addColumn<qint64>("lifetime");
  QTest::addColumn<bool>("mustRevalidate");
  QTest::addColumn<bool>("noCache");
  QTest::addColumn<qint64>("swr");
  QTest::addColumn<qint64>("sie");
  const QString date = QStringLiteral("Date: ") + date_at(kNow) + QStringLiteral("\n");

  QTest::newRow("max-age") << 200 << date + "Cache-Control: max-age=60"
                           << "" << true << 60ll << false << false << 0ll << 0ll;
  QTest::newRow("s-maxage wins over max-age, implies proxy-revalidate")
      << 200 << date + "Cache-Control: max-age=60, s-maxage=300"
      << "" << true << 300ll << true << false << 0ll << 0ll;
  QTest::newRow("max-age wins over Expires")
      << 200 << date + "Cache-Control: max-age=10\nExpires: " + date_at(kNow + 1000) << "" << true << 10ll << false
      << false << 0ll << 0ll;
  QTest::newRow("Expires minus Date") << 200 << date + "Expires: " + date_at(kNow + 120) << "" << true << 120ll << false
                                      << false << 0ll << 0ll;
  QTest::newRow("invalid Expires is already expired, kept for its validator")
      << 200 << date + "Expires: 0\nETag: \"x\""
      << "" << true << 0ll << false << false << 0ll << 0ll;
  QTest::newRow("invalid Expires without validator is not worth storing")
      << 200 << date + "Expires: soon"
      << "" << false << 0ll << false << false << 0ll << 0ll;
  QTest::newRow("malformed max-age means stale") << 200 << date + "Cache-Control: max-age=abc\nETag: \"e\""
                                                 << "" << true << 0ll << false << false << 0ll << 0ll;
  QTest::newRow("conflicting max-age means stale") << 200 << date + "Cache-Control: max-age=10, max-age=20\nETag: \"e\""
                                                   << "" << true << 0ll << false << false << 0ll << 0ll;
  QTest::newRow("quoted max-age is accepted") << 200 << date + "Cache-Control: max-age=\"30\""
                                              << "" << true << 30ll << false << false << 0ll << 0ll;
  QTest::newRow("huge max-age capped at 2^31") << 200 << date + "Cache-Control: max-age=99999999999999"
                                               << "" << true << 2147483648ll << false << false << 0ll << 0ll;
  QTest::newRow("no-store") << 200 << date + "Cache-Control: no-store, max-age=60"
                            << "" << false << 0ll << false << false << 0ll << 0ll;
  QTest::newRow("private") << 200 << date + "Cache-Control: private, max-age=60"
                           << "" << false << 0ll << false << false << 0ll << 0ll;
  QTest::newRow("no-cache with validator: stored, always revalidated")
      << 200 << date + "Cache-Control: no-cache, max-age=60\nETag: \"v\""
      << "" << true << 60ll << false << true << 0ll << 0ll;
  QTest::newRow("no-cache without validator") << 200 << date + "Cache-Control: no-cache"
                                              << "" << false << 0ll << false << true << 0ll << 0ll;
  QTest::newRow("must-revalidate disables stale serving")
      << 200 << date + "Cache-Control: max-age=5, must-revalidate, stale-while-revalidate=30, stale-if-error=60"
      << "" << true << 5ll << true << false << 0ll << 0ll;
  QTest::newRow("stale-while-revalidate and stale-if-error")
      << 200 << date + "Cache-Control: max-age=5, stale-while-revalidate=30, stale-if-error=60"
      << "" << true << 5ll << false << false << 30ll << 60ll;
  QTest::newRow("Authorization without public is not stored")
      << 200 << date + "Cache-Control: max-age=60"
      << "Authorization: Bearer x" << false << 0ll << false << false << 0ll << 0ll;
  QTest::newRow("Authorization with public is stored")
      << 200 << date + "Cache-Control: public, max-age=60"
      << "Authorization: Bearer x" << true << 60ll << false << false << 0ll << 0ll;
  QTest::newRow("Authorization with s-maxage is stored")
      << 200 << date + "Cache-Control: s-maxage=60"
      << "Authorization: Bearer x" << true << 60ll << true << false << 0ll << 0ll;
  QTest::newRow("Set-Cookie is not stored by default") << 200 << date + "Cache-Control: max-age=60\nSet-Cookie: a=b"
                                                       << "" << false << 0ll << false << false << 0ll << 0ll;
  QTest::newRow("Vary star is never stored") << 200 << date + "Cache-Control: max-age=60\nVary: *"
                                             << "" << false << 0ll << false << false << 0ll << 0ll;
  QTest::newRow("CDN-Cache-Control overrides Cache-Control")
      << 200 << date + "Cache-Control: no-store\nCDN-Cache-Control: max-age=600"
      << "" << true << 600ll << false << false << 0ll << 0ll;
  QTest::newRow("CDN-Cache-Control no-store wins")
      << 200 << date + "Cache-Control: max-age=600\nCDN-Cache-Control: no-store"
      << "" << false << 0ll << false << false << 0ll << 0ll;
  QTest::newRow("CDN-Cache-Control shorter than Cache-Control")
      << 200 << date + "Cache-Control: max-age=3600\nCDN-Cache-Control: max-age=1"
      << "" << true << 1ll << false << false << 0ll << 0ll;
  QTest::newRow("CDN-Cache-Control replaces Expires too")
      << 200 << date + "Expires: " + date_at(kNow + 3600) + "\nCDN-Cache-Control: stale-if-error=30\nETag: \"e\""
      << "" << true << 0ll << false << false << 0ll << 30ll;
  QTest::newRow("CDN-Cache-Control with a decimal max-age is ignored")
      << 200 << date + "Cache-Control: max-age=60\nCDN-Cache-Control: max-age=1.5"
      << "" << true << 60ll << false << false << 0ll << 0ll;
  QTest::newRow("CDN-Cache-Control with a quoted max-age is ignored")
      << 200 << date + "Cache-Control: max-age=60\nCDN-Cache-Control: max-age=\"5\""
      << "" << true << 60ll << false << false << 0ll << 0ll;
  QTest::newRow("CDN-Cache-Control that is no dictionary is ignored")
      << 200 << date + "Cache-Control: max-age=60\nCDN-Cache-Control: max-age=5, Private"
      << "" << true << 60ll << false << false << 0ll << 0ll;
  QTest::newRow("CDN-Cache-Control with a trailing comma is ignored")
      << 200 << date + "Cache-Control: max-age=60\nCDN-Cache-Control: max-age=5,"
      << "" << true << 60ll << false << false << 0ll << 0ll;
  QTest::newRow("CDN-Cache-Control with a negative max-age is ignored")
      << 200 << date + "Cache-Control: max-age=60\nCDN-Cache-Control: max-age=-5"
      << "" << true << 60ll << false << false << 0ll << 0ll;
  QTest::newRow("CDN-Cache-Control booleans and parameters")
      << 200 << date + "CDN-Cache-Control: max-age=30;foo=bar, must-revalidate, no-cache=?0\nETag: \"e\""
      << "" << true << 30ll << true << false << 0ll << 0ll;
  QTest::newRow("Surrogate-Control sets the edge TTL")
      << 200 << date + "Cache-Control: max-age=10\nSurrogate-Control: max-age=3600"
      << "" << true << 3600ll << false << false << 0ll << 0ll;
  QTest::newRow("heuristic freshness from Last-Modified")
      << 200 << date + "Last-Modified: " + date_at(kNow - 1000) << "" << true << 100ll << false << false << 0ll << 0ll;
  QTest::newRow("heuristic freshness is capped at a day")
      << 200 << date + "Last-Modified: " + date_at(kNow - 10'000'000) << "" << true << 86400ll << false << false << 0ll
      << 0ll;
  QTest::newRow("no freshness, no validator: no default TTL")
      << 200 << date << "" << false << 0ll << false << false << 0ll << 0ll;
  QTest::newRow("404 with max-age is stored") << 404 << date + "Cache-Control: max-age=30"
                                              << "" << true << 30ll << false << false << 0ll << 0ll;
  QTest::newRow("500 with max-age is stored") << 500 << date + "Cache-Control: max-age=30"
                                              << "" << true << 30ll << false << false << 0ll << 0ll;
  QTest::newRow("503 without explicit freshness is not")
      << 503 << date + "Last-Modified: " + date_at(kNow - 1000) << "" << false << 0ll << false << false << 0ll << 0ll;
  QTest::newRow("599 (not understood) with max-age is stored")
      << 599 << date + "Cache-Control: max-age=30" << "" << true << 30ll << false << false << 0ll << 0ll;
  QTest::newRow("499 with Expires is stored") << 499 << date + "Expires: " + date_at(kNow + 60) << "" << true << 60ll
                                              << false << false << 0ll << 0ll;
  QTest::newRow("299 with public only: no heuristics for it")
      << 299 << date + "Cache-Control: public\nLast-Modified: " + date_at(kNow - 1000) << "" << false << 0ll << false
      << false << 0ll << 0ll;
  QTest::newRow("299 with must-understand is not stored")
      << 299 << date + "Cache-Control: max-age=30, must-understand, no-store" << "" << false << 0ll << false << false
      << 0ll << 0ll;
  QTest::newRow("200 with must-understand ignores no-store")
      << 200 << date + "Cache-Control: max-age=30, must-understand, no-store" << "" << true << 30ll << false << false
      << 0ll << 0ll;
  QTest::newRow("304 is never stored") << 304 << date + "Cache-Control: max-age=30"
                                       << "" << false << 0ll << false << false << 0ll << 0ll;
  QTest::newRow("206 is not stored") << 206 << date + "Cache-Control: max-age=30"
                                     << "" << false << 0ll << false << false << 0ll << 0ll;
  QTest::newRow("302 only with explicit freshness")
      << 302 << date + "Last-Modified: " + date_at(kNow - 1000) << "" << false << 0ll << false << false << 0ll << 0ll;
  QTest::newRow("302 with max-age") << 302 << date + "Cache-Control: max-age=30"
                                    << "" << true << 30ll << false << false << 0ll << 0ll;
  QTest::newRow("request no-store") << 200 << date + "Cache-Control: max-age=30"
                                    << "Cache-Control: no-store" << false << 0ll << false << false << 0ll << 0ll;
}

void TestCachePolicy::storage() {
  QFETCH(int, status);
  QFETCH(QString, response);
  QFETCH(QString, request);
  QFETCH(bool, storable);
  QFETCH(qint64, lifetime);
  QFETCH(bool, mustRevalidate);
  QFETCH(bool, noCache);
  QFETCH(qint64, swr);
  QFETCH(qint64, sie);
  StoreDecision d = decide_storage(http::verb::get, fields_from(request), static_cast<unsigned>(status),
                                   fields_from(response), kNow, StorePolicy{});
  QCOMPARE(d.storable, storable);
  if (!storable) return;
  QCOMPARE(d.lifetime, lifetime);
  QCOMPARE(d.must_revalidate, mustRevalidate);
  QCOMPARE(d.no_cache, noCache);
  QCOMPARE(d.stale_while_revalidate, swr);
  QCOMPARE(d.stale_if_error, sie);
}

void TestCachePolicy::directives_data() {
  QTest::addColumn<QString>("value");
  QTest::addColumn<qint64>("maxAge");  // -1: absent
  QTest::addColumn<bool>("noStore");
  QTest::addColumn<bool>("isPublic");
  QTest::newRow("spaces and case") << " Max-Age = 5 ,  PUBLIC" << 5ll << false << true;
  QTest::newRow("quoted comma") << "private=\"a, b\", max-age=7" << 7ll << false << false;
  QTest::newRow("empty items") << ",,no-store,," << -1ll << true << false;
  QTest::newRow("negative is malformed") << "max-age=-5" << 0ll << false << false;
  QTest::newRow("unknown extension ignored") << "foo=bar, max-age=1" << 1ll << false << false;
}

void TestCachePolicy::directives() {
  QFETCH(QString, value);
  QFETCH(qint64, maxAge);
  QFETCH(bool, noStore);
  QFETCH(bool, isPublic);
  auto d = parse_cache_directives(value.toStdString());
  QCOMPARE(d.max_age.has_value() ? *d.max_age : -1, maxAge);
  QCOMPARE(d.no_store, noStore);
  QCOMPARE(d.is_public, isPublic);
}

void TestCachePolicy::http_dates() {
  QCOMPARE(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").value_or(-1), 784111777);
  QCOMPARE(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT").value_or(-1), 784111777);
  QCOMPARE(parse_http_date("Sun Nov  6 08:49:37 1994").value_or(-1), 784111777);
  // Recipients are lenient (RFC 9110 5.6.7): month and zone in any case, zones that mean UTC.
  for (const char* lenient : {"Sun, 06 nov 1994 08:49:37 GMT", "Sun, 06 NOV 1994 08:49:37 gmt",
                              "sun, 06 Nov 1994 08:49:37 UTC", "Sun, 06 Nov 1994 08:49:37 +0000",
                              "Sunday, 06-nov-94 08:49:37 gmt", "Sun nov  6 08:49:37 1994"})
    QVERIFY2(parse_http_date(lenient).value_or(-1) == 784111777, lenient);
  QVERIFY(!parse_http_date("Sun, 06 Nov 1994 08:49:37 +0100").has_value());  // another zone: not guessed
  QVERIFY(!parse_http_date("Sun, 06 Nov 1994 08:49:37 GMTX").has_value());
  QVERIFY(!parse_http_date("Sun, 06 Nov 1994 08:49:37 UT Z").has_value());
  QVERIFY(!parse_http_date("0").has_value());
  QVERIFY(!parse_http_date("Sun, 06 Nov 1994 25:49:37 GMT").has_value());
  QVERIFY(!parse_http_date("").has_value());
  QCOMPARE(format_http_date(784111777), std::string("Sun, 06 Nov 1994 08:49:37 GMT"));
}

void TestCachePolicy::age_is_corrected_for_upstream_age_and_delay_data() {
  QTest::addColumn<QString>("age");
  QTest::addColumn<qint64>("dateOffset");  // Date = response_time + offset
  QTest::addColumn<qint64>("expected");
  QTest::newRow("Age from a shield counts") << "40" << 0ll << 42ll;  // 40 + 2 s round trip
  QTest::newRow("apparent age from an old Date wins") << "" << -100ll << 100ll;
  QTest::newRow("invalid Age is ignored") << "abc" << 0ll << 2ll;
  QTest::newRow("list Age uses the first member") << "7, 100" << 0ll << 9ll;
}

void TestCachePolicy::age_is_corrected_for_upstream_age_and_delay() {
  QFETCH(QString, age);
  QFETCH(qint64, dateOffset);
  QFETCH(qint64, expected);
  http::fields f;
  f.set("Date", format_http_date(kNow + dateOffset));
  if (!age.isEmpty()) f.set("Age", age.toStdString());
  QCOMPARE(corrected_initial_age(f, kNow - 2, kNow), expected);
}

void TestCachePolicy::hop_by_hop_includes_connection_tokens() {
  http::fields f;
  f.set(http::field::connection, "close, X-Secret");
  QVERIFY(is_hop_by_hop("Keep-Alive", f));
  QVERIFY(is_hop_by_hop("x-secret", f));
  QVERIFY(!is_hop_by_hop("Cache-Control", f));
}

void TestCachePolicy::not_modified_refreshes_headers_and_clock() {
  Response r{http::status::ok, 11};
  r.set("Date", format_http_date(kNow - 100));
  r.set("Cache-Control", "max-age=10");
  r.set("ETag", "\"a\"");
  r.set("X-Version", "1");
  r.body() = "hello";
  auto d = decide_storage(http::verb::get, {}, 200, r, kNow - 100, {});
  auto stored =
      make_cached_object("k", "k", {}, r, std::make_shared<const std::string>(r.body()), d, kNow - 100, kNow - 100);
  QVERIFY(!stored->is_fresh(kNow));
  http::fields not_modified;
  not_modified.set("Date", format_http_date(kNow));
  not_modified.set("Cache-Control", "max-age=60");
  not_modified.set("X-Version", "2");
  auto refreshed = refresh_cached_object(*stored, not_modified, {}, {}, kNow, kNow);
  QVERIFY(refreshed->is_fresh(kNow));
  QCOMPARE(refreshed->lifetime, 60);
  QCOMPARE(*refreshed->body, std::string("hello"));
  QVERIFY(refreshed->header_block.find("X-Version: 2") != std::string::npos);
  QVERIFY(refreshed->header_block.find("X-Version: 1") == std::string::npos);
}

void TestCachePolicy::stale_windows() {
  CachedObject o;
  o.response_time = kNow;
  o.lifetime = 10;
  o.stale_while_revalidate = 5;
  o.stale_if_error = 20;
  QVERIFY(o.is_fresh(kNow + 9));
  QVERIFY(!o.is_fresh(kNow + 10));
  QVERIFY(o.within_stale_while_revalidate(kNow + 14));
  QVERIFY(!o.within_stale_while_revalidate(kNow + 15));
  QVERIFY(o.within_stale_if_error(kNow + 29));
  o.must_revalidate = true;
  QVERIFY(!o.within_stale_if_error(kNow + 11));
}

QTEST_APPLESS_MAIN(TestCachePolicy)
#include "test_cache_policy.moc"
