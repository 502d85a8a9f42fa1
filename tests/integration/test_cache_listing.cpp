// GET /admin/v1/cache beyond plain key paging, over real sockets: a node with
// both tiers holding a few hundred objects of varying sizes, TTLs, tags and
// hits, paged through in every order with totals; stale=1 after a soft purge;
// bad parameter combinations as 400s naming the problem; the L2 bound.
#include "support/test_fleet.hpp"

#include <QTest>

#include <boost/json.hpp>

#include <future>
#include <set>

using namespace edgelab;
using edgelab::test::TestFleet;
namespace json = boost::json;

namespace {

constexpr int kObjects = 300;

std::string target_of(int i) {
  // Sizes and TTLs vary (with repeats, so ties are broken by key); three tags plus one on all.
  return "/obj/o" + std::to_string(i) + "?size=" + std::to_string(200 + (i * 37) % 3000) +
         "&ttl=" + std::to_string(100 + i % 40) + "&tags=all,t" + std::to_string(i % 3);
}

std::string percent_encoded(std::string_view text) {
  std::string out;
  for (unsigned char ch : text) {
    if (std::isalnum(ch) || ch == '/' || ch == '.' || ch == '-' || ch == '_') {
      out.push_back(static_cast<char>(ch));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", ch);
      out += buf;
    }
  }
  return out;
}

struct Paged {
  std::vector<json::object> entries;
  std::set<std::uint64_t> totals;  // every page's total
  int pages = 0;
};

// Every page of one tier's listing, following next_cursor.
Paged page_through(const EdgeNode& node, const std::string& tier, const std::string& query, int limit) {
  Paged out;
  std::string cursor;
  for (int page = 0; page < 100; ++page) {
    const std::string target = "/admin/v1/cache?tier=" + tier + "&limit=" + std::to_string(limit) + query +
                               (cursor.empty() ? "" : "&cursor=" + percent_encoded(cursor));
    auto res = TestFleet::admin_get(node, target);
    if (res.result_int() != 200) qFatal("%s answered %u: %s", target.c_str(), res.result_int(), res.body().c_str());
    const auto listing = json::parse(res.body()).at("tiers").at(tier).as_object();
    ++out.pages;
    for (const auto& e : listing.at("entries").as_array()) out.entries.push_back(e.as_object());
    if (const auto* total = listing.if_contains("total")) out.totals.insert(total->to_number<std::uint64_t>());
    if (listing.at("next_cursor").is_null()) break;
    cursor = std::string(listing.at("next_cursor").as_string());
  }
  return out;
}

std::int64_t field(const json::object& e, const char* name) { return e.at(name).to_number<std::int64_t>(); }
std::string key_of(const json::object& e) { return std::string(e.at("key").as_string()); }

Response admin(const EdgeNode& node, const std::string& target) { return TestFleet::admin_get(node, target); }

}  // namespace

class TestCacheListing : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase();
  void cleanupTestCase();
  void sorted_pages_cover_every_object_once_data();
  void sorted_pages_cover_every_object_once();
  void key_order_pages_by_keyset_both_ways();
  void default_listing_is_unchanged();
  void filters_and_totals_agree();
  void bad_parameters_are_400s_naming_them_data();
  void bad_parameters_are_400s_naming_them();
  void l2_refuses_to_sort_more_rows_than_its_bound();
  void stale_lists_what_a_soft_purge_made_stale();

 private:
  std::unique_ptr<TestFleet> fleet_;
  EdgeNode* node_ = nullptr;
};

void TestCacheListing::initTestCase() {
  fleet_ = std::make_unique<TestFleet>();
  fleet_->start_origin();
  const std::string dir = fleet_->temp_path("l2").toStdString();
  node_ = &fleet_->start_node("paris", 0, [&](NodeConfig& c) {
    c.admin = AdminConfig{{"127.0.0.1", 0}, ""};
    c.l2 = DiskTierConfig{dir, 64ull << 20};
  });
  for (int i = 0; i < kObjects; ++i) QCOMPARE(TestFleet::get(node_->port(), target_of(i)).result_int(), 200u);
  // Some objects are hit again, a few times each: L1 hit counts from 0 to 3.
  for (int i = 0; i < 60; ++i)
    for (int n = 0; n < i % 4; ++n) QCOMPARE(TestFleet::get(node_->port(), target_of(i)).result_int(), 200u);
  TestFleet::wait_until_stored(*node_, kObjects);
  QCOMPARE(node_->l1().stats().objects, static_cast<std::uint64_t>(kObjects));
  QCOMPARE(node_->l2()->stats().objects, static_cast<std::uint64_t>(kObjects));
}

void TestCacheListing::cleanupTestCase() { fleet_.reset(); }

void TestCacheListing::sorted_pages_cover_every_object_once_data() {
  QTest::addColumn<QString>("tier");
  QTest::addColumn<QString>("sort");
  QTest::addColumn<bool>("desc");
  for (const char* tier : {"L1", "L2"})
    for (const char* sort : {"size", "hits", "age", "ttl"})
      for (bool desc : {false, true})
        QTest::addRow("%s %s %s", tier, sort, desc ? "desc" : "asc") << tier << sort << desc;
}

void TestCacheListing::sorted_pages_cover_every_object_once() {
  QFETCH(QString, tier);
  QFETCH(QString, sort);
  QFETCH(bool, desc);
  const std::string by = sort.toStdString();
  const auto paged =
      page_through(*node_, tier.toStdString(), "&count=1&sort=" + by + "&order=" + (desc ? "desc" : "asc"), 37);
  QCOMPARE(paged.pages, (kObjects + 36) / 37);
  QCOMPARE(paged.totals, (std::set<std::uint64_t>{kObjects}));
  std::set<std::string> keys;
  for (const auto& e : paged.entries) QVERIFY2(keys.insert(key_of(e)).second, key_of(e).c_str());
  QCOMPARE(keys.size(), static_cast<std::size_t>(kObjects));
  // Age and TTL move on by the second between pages (all objects alike), so
  // across a page boundary they may be off by the seconds the paging took.
  const std::int64_t slack = by == "age" || by == "ttl" ? 2 : 0;
  std::set<std::int64_t> values;
  for (std::size_t i = 1; i < paged.entries.size(); ++i) {
    const auto& a = paged.entries[i - 1];
    const auto& b = paged.entries[i];
    const std::int64_t va = field(a, by.c_str()), vb = field(b, by.c_str());
    values.insert(vb);
    const bool same_page = i % 37 != 0;
    const QString what =
        QString::fromStdString(key_of(a) + " " + std::to_string(va) + " then " + key_of(b) + " " + std::to_string(vb));
    if (!same_page) {
      QVERIFY2(desc ? vb <= va + slack : vb + slack >= va, qPrintable(what));
    } else if (va == vb) {
      QVERIFY2(desc ? key_of(b) < key_of(a) : key_of(a) < key_of(b), qPrintable(what));  // ties by key
    } else {
      QVERIFY2(desc ? vb < va : va < vb, qPrintable(what));
    }
    // Every entry keeps the fields of a plain listing.
    for (const char* name : {"url", "tier", "status", "size", "age", "ttl", "stale", "tags", "hits", "epoch"})
      QVERIFY2(b.contains(name), name);
  }
  if (by == "size" || by == "ttl" || (by == "hits" && tier == "L1")) QVERIFY(values.size() > 3);
}

void TestCacheListing::key_order_pages_by_keyset_both_ways() {
  for (const char* tier : {"L1", "L2"}) {
    for (bool desc : {false, true}) {
      const auto paged = page_through(*node_, tier, std::string("&count=1") + (desc ? "&order=desc" : ""), 64);
      QCOMPARE(paged.entries.size(), static_cast<std::size_t>(kObjects));
      QCOMPARE(paged.totals, (std::set<std::uint64_t>{kObjects}));
      for (std::size_t i = 1; i < paged.entries.size(); ++i) {
        const std::string a = key_of(paged.entries[i - 1]), b = key_of(paged.entries[i]);
        QVERIFY2(desc ? b < a : a < b, (a + " then " + b).c_str());
      }
    }
  }
}

void TestCacheListing::default_listing_is_unchanged() {
  // No sort, order or count: the keyset page as before, without a total.
  auto res = admin(*node_, "/admin/v1/cache?limit=10");
  QCOMPARE(res.result_int(), 200u);
  const auto tiers = json::parse(res.body()).at("tiers").as_object();
  for (const char* tier : {"L1", "L2"}) {
    const auto& page = tiers.at(tier).as_object();
    QCOMPARE(page.size(), 2u);  // entries, next_cursor
    QVERIFY(!page.contains("total"));
    const auto& entries = page.at("entries").as_array();
    QCOMPARE(entries.size(), 10u);
    QCOMPARE(std::string(page.at("next_cursor").as_string()), key_of(entries.back().as_object()));
    QCOMPARE(entries[0].as_object().size(), 11u);
  }
  // sort=key&order=asc is the same listing.
  auto explicit_key = admin(*node_, "/admin/v1/cache?limit=10&sort=key&order=asc");
  QCOMPARE(json::parse(explicit_key.body()).at("tiers").at("L2").at("entries").as_array().size(), 10u);
  QCOMPARE(json::parse(explicit_key.body()).at("tiers").at("L2").at("next_cursor"),
           json::parse(res.body()).at("tiers").at("L2").at("next_cursor"));
}

void TestCacheListing::filters_and_totals_agree() {
  for (const char* tier : {"L1", "L2"}) {
    const std::string t(tier);
    auto tagged = json::parse(admin(*node_, "/admin/v1/cache?tag=t1&count=1&limit=5&sort=size&tier=" + t).body());
    QCOMPARE(tagged.at("tiers").at(tier).at("total").to_number<int>(), kObjects / 3);
    QCOMPARE(std::string(tagged.at("tiers").at(tier).at("next_cursor").as_string()), std::string("5"));
    auto one = json::parse(admin(*node_, "/admin/v1/cache?count=1&tier=" + t +
                                             "&url=" + percent_encoded("http://www.test.example" + target_of(7)))
                               .body());
    QCOMPARE(one.at("tiers").at(tier).at("total").to_number<int>(), 1);
    // An offset past the end: an empty page that still counts.
    auto past = json::parse(admin(*node_, "/admin/v1/cache?count=1&sort=hits&cursor=5000&tier=" + t).body());
    QVERIFY(past.at("tiers").at(tier).at("entries").as_array().empty());
    QVERIFY(past.at("tiers").at(tier).at("next_cursor").is_null());
    QCOMPARE(past.at("tiers").at(tier).at("total").to_number<int>(), kObjects);
  }
}

void TestCacheListing::bad_parameters_are_400s_naming_them_data() {
  QTest::addColumn<QString>("query");
  QTest::addColumn<QString>("message");
  QTest::newRow("fresh and stale") << "fresh=1&stale=1"
                                   << "fresh and stale exclude each other";
  QTest::newRow("unknown sort") << "sort=colour"
                                << "sort: expected key, size, hits, age or ttl";
  QTest::newRow("unknown order") << "order=up"
                                 << "order: expected asc or desc";
  QTest::newRow("key cursor with size") << "sort=size&cursor=http://www.test.example/obj/o1"
                                        << "cursor:";
  QTest::newRow("negative offset") << "sort=ttl&cursor=-3"
                                   << "cursor:";
  QTest::newRow("stale not a bool") << "stale=maybe"
                                    << "stale:";
  QTest::newRow("count not a bool") << "count=2"
                                    << "count:";
}

void TestCacheListing::bad_parameters_are_400s_naming_them() {
  QFETCH(QString, query);
  QFETCH(QString, message);
  auto res = admin(*node_, "/admin/v1/cache?" + query.toStdString());
  QCOMPARE(res.result_int(), 400u);
  QVERIFY2(res.body().find(message.toStdString()) != std::string::npos, res.body().c_str());
}

// The bound is 200,000 rows; a query may lower it, which shows the refusal without that many objects.
void TestCacheListing::l2_refuses_to_sort_more_rows_than_its_bound() {
  auto ask = [this](CacheQuery query) {
    std::promise<ListedPage> answer;
    node_->l2()->async_list(std::move(query), fleet_->context().get_executor(),
                            [&answer](ListedPage page) { answer.set_value(std::move(page)); });
    return answer.get_future().get();
  };
  for (bool count_only : {false, true}) {
    CacheQuery q;
    q.max_rows_read = 50;
    q.count = true;
    q.sort = count_only ? ListingSort::key : ListingSort::size;
    const ListedPage refused = ask(q);
    QVERIFY2(refused.error.find("more than 50 objects match") != std::string::npos, refused.error.c_str());
    QVERIFY(refused.error.starts_with(count_only ? "count:" : "sort:"));
    QVERIFY(!refused.internal_error);
    q.kind = PurgeKind::tag;  // narrowed under the bound: answered
    q.value = "t0";
    q.max_rows_read = 100;
    const ListedPage narrowed = ask(q);
    QVERIFY2(narrowed.error.empty(), narrowed.error.c_str());
    QCOMPARE(narrowed.total, std::optional<std::uint64_t>(kObjects / 3));
  }
  // Plain key pages never read past their page, so the bound does not apply to them.
  CacheQuery plain;
  plain.max_rows_read = 50;
  QVERIFY(ask(plain).error.empty());
}

void TestCacheListing::stale_lists_what_a_soft_purge_made_stale() {
  auto none = json::parse(admin(*node_, "/admin/v1/cache?stale=1&count=1").body());
  QCOMPARE(none.at("tiers").at("L1").at("total").to_number<int>(), 0);
  QCOMPARE(none.at("tiers").at("L2").at("total").to_number<int>(), 0);
  auto purged = TestFleet::admin_post(*node_, "/admin/v1/purge", R"({"kind":"tag","value":"t2","soft":true})");
  QCOMPARE(purged.result_int(), 200u);
  for (const char* tier : {"L1", "L2"}) {
    const auto stale = page_through(*node_, tier, "&stale=1&count=1&sort=ttl&order=desc", 40);
    QCOMPARE(stale.entries.size(), static_cast<std::size_t>(kObjects / 3));
    QCOMPARE(stale.totals, (std::set<std::uint64_t>{kObjects / 3}));
    for (const auto& e : stale.entries) {
      QCOMPARE(e.at("stale").as_bool(), true);
      QVERIFY(field(e, "ttl") <= 0);
      const auto& tags = e.at("tags").as_array();
      QVERIFY(std::find(tags.begin(), tags.end(), json::value("t2")) != tags.end());
    }
    auto fresh = json::parse(admin(*node_, "/admin/v1/cache?fresh=1&count=1&limit=1&tier=" + std::string(tier)).body());
    QCOMPARE(fresh.at("tiers").at(tier).at("total").to_number<int>(), kObjects - kObjects / 3);
  }
}

QTEST_GUILESS_MAIN(TestCacheListing)
#include "test_cache_listing.moc"
