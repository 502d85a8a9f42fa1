// L1: byte bound, variants, and S3-FIFO against LRU on a skewed trace.
#include "tiers/memory_tier.hpp"

#include <QTest>

#include <cmath>
#include <list>
#include <random>
#include <thread>
#include <unordered_map>

using namespace edgelab;

namespace {

CachedObjectPtr make_object(const std::string& key, std::size_t body_bytes, const std::string& primary = {}) {
  auto o = std::make_shared<CachedObject>();
  o->key = key;
  o->primary_key = primary.empty() ? key : primary;
  o->body = std::make_shared<const std::string>(body_bytes, 'x');
  return o;
}

// A plain LRU charged the same way, the baseline S3-FIFO must beat.
class LruBaseline {
 public:
  explicit LruBaseline(std::uint64_t max_bytes) : max_bytes_(max_bytes) {}
  bool lookup(const std::string& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return false;
    order_.splice(order_.begin(), order_, it->second);
    return true;
  }
  void insert(const std::string& key, std::size_t charge) {
    while (!order_.empty() && bytes_ + charge > max_bytes_) {
      bytes_ -= order_.back().second;
      index_.erase(order_.back().first);
      order_.pop_back();
    }
    order_.emplace_front(key, charge);
    index_[key] = order_.begin();
    bytes_ += charge;
  }

 private:
  std::uint64_t max_bytes_;
  std::uint64_t bytes_ = 0;
  std::list<std::pair<std::string, std::size_t>> order_;
  std::unordered_map<std::string, std::list<std::pair<std::string, std::size_t>>::iterator> index_;
};

// Zipf(s) sampler over [0, n) by inverting the cumulative distribution.
class Zipf {
 public:
  Zipf(std::size_t n, double s) : cdf_(n) {
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) cdf_[i] = (sum += 1.0 / std::pow(double(i + 1), s));
    for (auto& c : cdf_) c /= sum;
  }
  std::size_t operator()(std::mt19937_64& rng) {
    double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return static_cast<std::size_t>(std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin());
  }

 private:
  std::vector<double> cdf_;
};

}  // namespace

class TestMemoryTier : public QObject {
  Q_OBJECT
 private slots:
  void stays_within_its_byte_bound();
  void replaces_and_erases();
  void oversize_objects_are_not_admitted();
  void erase_all_variants_drops_every_variant();
  void one_hit_wonders_do_not_flush_the_popular_set();
  void beats_lru_on_zipf_trace();
  void concurrent_readers_and_writers();
};

void TestMemoryTier::stays_within_its_byte_bound() {
  MemoryTier tier(1 << 20, 4);
  for (int i = 0; i < 2000; ++i) tier.insert(make_object("k" + std::to_string(i), 4096));
  auto st = tier.stats();
  QVERIFY(st.bytes <= (1u << 20));
  QVERIFY(st.objects > 100);
  QVERIFY(st.evictions > 0);
}

void TestMemoryTier::replaces_and_erases() {
  MemoryTier tier(1 << 20);
  tier.insert(make_object("a", 10));
  tier.insert(make_object("a", 20));
  QCOMPARE(tier.stats().objects, 1u);
  QCOMPARE(tier.lookup("a", "a")->body->size(), 20u);
  QVERIFY(tier.erase("a", "a"));
  QVERIFY(!tier.lookup("a", "a"));
  QCOMPARE(tier.stats().bytes, 0u);
}

void TestMemoryTier::oversize_objects_are_not_admitted() {
  MemoryTier tier(64 * 1024, 1);
  QVERIFY(!tier.insert(make_object("big", 128 * 1024)));
  QVERIFY(!tier.lookup("big", "big"));
}

void TestMemoryTier::erase_all_variants_drops_every_variant() {
  MemoryTier tier(1 << 20);
  tier.set_vary("p", {"accept-encoding"});
  tier.insert(
      make_object("p\x1f"
                  "accept-encoding=gzip",
                  10, "p"));
  tier.insert(
      make_object("p\x1f"
                  "accept-encoding=br",
                  10, "p"));
  tier.insert(make_object("other", 10));
  QVERIFY(tier.erase("p",
                     "p\x1f"
                     "accept-encoding=br"));
  QVERIFY(tier.vary_of("p"));  // one variant left
  tier.insert(
      make_object("p\x1f"
                  "accept-encoding=br",
                  10, "p"));
  QCOMPARE(tier.erase_all_variants("p"), 2u);
  QVERIFY(!tier.vary_of("p"));
  QCOMPARE(tier.stats().objects, 1u);
  // Evicting the last variant forgets the Vary names too.
  tier.set_vary("q", {"x"});
  tier.insert(
      make_object("q\x1f"
                  "x=1",
                  10, "q"));
  QVERIFY(tier.erase("q",
                     "q\x1f"
                     "x=1"));
  QVERIFY(!tier.vary_of("q"));
  // Replacing the only variant keeps its Vary names.
  auto variant =
      std::make_shared<CachedObject>(*make_object("r\x1f"
                                                  "x=1",
                                                  10, "r"));
  variant->vary_names = {"x"};
  tier.insert(variant);
  tier.insert(variant);
  QVERIFY(tier.vary_of("r"));
  QCOMPARE(tier.vary_of("r")->front(), std::string("x"));
}

void TestMemoryTier::one_hit_wonders_do_not_flush_the_popular_set() {
  MemoryTier tier(100 * 1200, 1);
  for (int i = 0; i < 50; ++i) tier.insert(make_object("hot" + std::to_string(i), 1000));
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < 50; ++i) QVERIFY(tier.lookup("hot" + std::to_string(i), "hot" + std::to_string(i)));
  // A scan of 1000 objects seen once each.
  for (int i = 0; i < 1000; ++i) tier.insert(make_object("scan" + std::to_string(i), 1000));
  int survivors = 0;
  for (int i = 0; i < 50; ++i) survivors += tier.lookup("hot" + std::to_string(i), "hot" + std::to_string(i)) ? 1 : 0;
  QVERIFY2(survivors >= 45, qPrintable(QStringLiteral("only %1 of 50 hot objects survived the scan").arg(survivors)));
}

void TestMemoryTier::beats_lru_on_zipf_trace() {
  constexpr std::size_t catalogue = 20'000;
  constexpr std::size_t object_bytes = 2048;
  constexpr int requests = 400'000;
  const std::uint64_t probe_charge = make_object("k" + std::to_string(catalogue), object_bytes)->charge();
  const std::uint64_t capacity = catalogue * probe_charge / 20;  // 5% of the catalogue
  MemoryTier s3fifo(capacity, 16);
  LruBaseline lru(capacity);
  Zipf zipf(catalogue, 0.9);
  std::mt19937_64 rng(42);
  std::vector<CachedObjectPtr> objects;
  objects.reserve(catalogue);
  for (std::size_t i = 0; i < catalogue; ++i) objects.push_back(make_object("k" + std::to_string(i), object_bytes));
  int s3_hits = 0, lru_hits = 0;
  for (int r = 0; r < requests; ++r) {
    const auto& o = objects[zipf(rng)];
    if (s3fifo.lookup(o->key, o->key))
      ++s3_hits;
    else
      s3fifo.insert(o);
    if (lru.lookup(o->key))
      ++lru_hits;
    else
      lru.insert(o->key, o->charge());
  }
  const double s3_ratio = double(s3_hits) / requests, lru_ratio = double(lru_hits) / requests;
  qInfo("Zipf(0.9), %zu objects, cache = 5%%: S3-FIFO hit ratio %.4f, LRU %.4f", catalogue, s3_ratio, lru_ratio);
  QVERIFY2(s3_ratio > lru_ratio, qPrintable(QStringLiteral("S3-FIFO %1 <= LRU %2").arg(s3_ratio).arg(lru_ratio)));
}

void TestMemoryTier::concurrent_readers_and_writers() {
  MemoryTier tier(2 << 20, 8);
  std::vector<std::thread> threads;
  std::atomic<int> found{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20'000; ++i) {
        std::string key = "k" + std::to_string((i * 7 + t) % 3000);
        if (tier.lookup(key, key))
          ++found;
        else
          tier.insert(make_object(key, 512));
        if (i % 97 == 0) tier.erase(key, key);
      }
    });
  for (auto& th : threads) th.join();
  QVERIFY(tier.stats().bytes <= (2u << 20));
  QVERIFY(found > 0);
}

QTEST_APPLESS_MAIN(TestMemoryTier)
#include "test_memory_tier.moc"
