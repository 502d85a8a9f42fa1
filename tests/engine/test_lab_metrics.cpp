// LabMetrics without a lab: seconds closed in order (empty ones too), the
// origin's requests in the second they were counted, a bounded ring, and
// offload over the last seconds and the whole run.
#include "lab/lab_metrics.hpp"

#include <QTest>

using namespace edgelab;

class TestLabMetrics : public QObject {
  Q_OBJECT
 private slots:
  void seconds_close_in_order_with_their_figures();
  void late_answers_and_gaps();
  void the_ring_is_bounded_and_offload_covers_the_run();
  void latency_by_tier_and_histograms();
};

void TestLabMetrics::seconds_close_in_order_with_their_figures() {
  LabMetrics m;
  m.close_until(1000, 50);  // the origin had served 50 before: not this lab's
  for (int i = 0; i < 10; ++i) m.record(1000'000 + i * 10, ServedTier::l1_hit, 10'000 + i * 1000, "Europe");
  m.record(1000'500, ServedTier::error, 0, "Asia-Pacific");
  m.record(1001'100, ServedTier::origin, 200'000, "Europe");
  QVERIFY(m.after(0).empty());  // nothing closed yet
  m.close_until(1001, 54);
  auto rows = m.after(0);
  QCOMPARE(rows.size(), 1u);
  QCOMPARE(rows[0].t, 1000);
  QCOMPARE(rows[0].requests, 11u);
  QCOMPARE(rows[0].errors, 1u);
  QCOMPARE(rows[0].origin_requests, 4u);
  QCOMPARE(rows[0].tiers[static_cast<int>(ServedTier::l1_hit)], 10u);
  QCOMPARE(rows[0].tiers[static_cast<int>(ServedTier::error)], 1u);
  QCOMPARE(rows[0].continents.at("Europe"), 10u);
  QCOMPARE(rows[0].continents.at("Asia-Pacific"), 1u);
  // Errors are not latencies: p50 of 10..19 ms, p99 the slowest.
  QCOMPARE(rows[0].p50_ms, 14.0);
  QCOMPARE(rows[0].p99_ms, 18.0);
  m.close_until(1002, 55);
  rows = m.after(1000);
  QCOMPARE(rows.size(), 1u);
  QCOMPARE(rows[0].t, 1001);
  QCOMPARE(rows[0].requests, 1u);
  QCOMPARE(rows[0].origin_requests, 1u);
  QCOMPARE(rows[0].p50_ms, 200.0);
  QVERIFY(m.after(1001).empty());
}

void TestLabMetrics::late_answers_and_gaps() {
  LabMetrics m;
  m.record(2000'100, ServedTier::l2_hit, 5000, "Europe");
  m.close_until(2001, 0);
  // An answer for a second already closed counts in the next one.
  m.record(2000'900, ServedTier::l2_hit, 5000, "Europe");
  m.close_until(2004, 3);  // 2001..2003 close, empty ones too; the origin's 3 go to the newest
  auto rows = m.after(2000);
  QCOMPARE(rows.size(), 3u);
  QCOMPARE(rows[0].t, 2001);
  QCOMPARE(rows[0].requests, 1u);
  QCOMPARE(rows[1].requests, 0u);
  QCOMPARE(rows[2].t, 2003);
  QCOMPARE(rows[2].origin_requests, 3u);
  // A long pause (a suspended machine) fills in at most 600 seconds.
  m.close_until(2004 + 5000, 3);
  QCOMPARE(m.after(2003).size(), 600u);
}

void TestLabMetrics::the_ring_is_bounded_and_offload_covers_the_run() {
  LabMetrics m(30);
  std::uint64_t origin = 0;
  m.close_until(3000, origin);
  for (std::int64_t s = 3000; s < 3100; ++s) {
    for (int i = 0; i < 10; ++i) m.record(s * 1000 + i, ServedTier::l1_hit, 1000, "Europe");
    origin += s < 3050 ? 10 : 1;  // a cold start, then 90% offload
    m.close_until(s + 1, origin);
  }
  QCOMPARE(m.after(0).size(), 30u);
  QCOMPARE(m.after(0).front().t, 3070);
  const OffloadFigures last = m.offload_last(10);
  QCOMPARE(last.requests, 100u);
  QCOMPARE(last.origin_requests, 10u);
  QCOMPARE(last.ratio, 0.9);
  const OffloadFigures run = m.offload_total();
  QCOMPARE(run.requests, 1000u);
  QCOMPARE(run.origin_requests, 550u);
  QCOMPARE(run.ratio, 0.45);
  QCOMPARE(LabMetrics().offload_last(10).ratio, 0.0);
}

void TestLabMetrics::latency_by_tier_and_histograms() {
  QCOMPARE(histogram_bound_ms(0), 0.25);
  QCOMPARE(histogram_bound_ms(kHistogramBuckets - 1), 16384.0);
  QCOMPARE(histogram_bucket(0), 0u);
  QCOMPARE(histogram_bucket(250), 0u);  // upper bounds are inclusive
  QCOMPARE(histogram_bucket(251), 1u);
  QCOMPARE(histogram_bucket(15'000), 6u);  // (8, 16] ms
  QCOMPARE(histogram_bucket(16'384'000), kHistogramBuckets - 1);
  QCOMPARE(histogram_bucket(UINT32_MAX), kHistogramBuckets - 1);  // the last bucket takes the slowest too

  LabMetrics m;
  m.close_until(4000, 0);
  for (int i = 0; i < 10; ++i) m.record(4000'000 + i, ServedTier::l1_hit, 10'000 + i * 1000, "Europe");  // 10..19 ms
  m.record(4000'500, ServedTier::l2_hit, 3'000, "Europe");
  m.record(4000'600, ServedTier::shield_hit, 80'000, "Europe");
  m.record(4000'700, ServedTier::origin, 200'000, "Europe");
  m.record(4000'800, ServedTier::origin, 300'000, "Europe");
  m.record(4000'900, ServedTier::error, 5'000'000, "Europe");
  m.close_until(4001, 0);
  auto rows = m.after(0);
  QCOMPARE(rows.size(), 1u);
  const LabSecond& s = rows[0];
  const auto l1 = s.tier_latency[static_cast<int>(ServedTier::l1_hit)];
  QCOMPARE(l1.count, 10u);
  QCOMPARE(l1.p50_ms, 14.0);
  QCOMPARE(l1.p99_ms, 18.0);
  QCOMPARE(s.tier_latency[static_cast<int>(ServedTier::origin)].count, 2u);
  QCOMPARE(s.tier_latency[static_cast<int>(ServedTier::origin)].p50_ms, 200.0);
  // The overall percentiles still cover every tier's answers, not errors.
  QCOMPARE(s.p50_ms, 15.0);
  std::uint32_t hits = 0, misses = 0;
  for (auto n : s.hit) hits += n;
  for (auto n : s.miss) misses += n;
  QCOMPARE(hits, 11u);
  QCOMPARE(misses, 3u);
  QCOMPARE(s.hit[histogram_bucket(3'000)], 1u);
  QCOMPARE(s.miss[histogram_bucket(80'000)], 1u);
  const TierTotals totals = m.tier_totals();
  QCOMPARE(totals.requests[static_cast<int>(ServedTier::l1_hit)], 10u);
  QCOMPARE(totals.mean_ms[static_cast<int>(ServedTier::l1_hit)], 14.5);
  QCOMPARE(totals.mean_ms[static_cast<int>(ServedTier::origin)], 250.0);
  QCOMPARE(totals.mean_ms[static_cast<int>(ServedTier::l2_hit)], 3.0);
}

QTEST_GUILESS_MAIN(TestLabMetrics)
#include "test_lab_metrics.moc"
