#include "metrics/latency_histogram.hpp"
#include "metrics/node_metrics.hpp"

#include <QTest>

using namespace edgelab;

class TestLatencyHistogram : public QObject {
  Q_OBJECT
 private slots:
  void buckets_are_monotonic();
  void percentiles_within_resolution();
  void prometheus_lists_every_counter();
  void prometheus_histogram_buckets_are_exact_and_cumulative();
};

void TestLatencyHistogram::buckets_are_monotonic() {
  int last = -1;
  for (std::uint64_t v = 0; v < 5'000'000; v = v * 11 / 10 + 1) {
    int b = LatencyHistogram::bucket_of(v);
    QVERIFY(b >= last);
    QVERIFY(LatencyHistogram::upper_bound_of(b) >= v);
    last = b;
  }
}

void TestLatencyHistogram::percentiles_within_resolution() {
  LatencyHistogram h;
  for (std::uint64_t v = 1; v <= 10'000; ++v) h.record(v);
  auto p50 = double(h.percentile(0.5)), p99 = double(h.percentile(0.99));
  QVERIFY(std::abs(p50 - 5000) / 5000 < 0.07);
  QVERIFY(std::abs(p99 - 9900) / 9900 < 0.07);
  QCOMPARE(h.percentile(1.0), 10'000u);
}

void TestLatencyHistogram::prometheus_lists_every_counter() {
  NodeMetrics m;
  add(m, &NodeMetrics::l1_hits, 3);
  auto text = QString::fromStdString(m.prometheus("paris"));
  QVERIFY(text.contains(QStringLiteral("edgelab_l1_hits_total{node=\"paris\"} 3")));
  QVERIFY(text.contains(QStringLiteral("# HELP edgelab_coalesced_total")));
  QVERIFY(text.contains(QStringLiteral("# TYPE edgelab_request_duration_seconds histogram")));
}

void TestLatencyHistogram::prometheus_histogram_buckets_are_exact_and_cumulative() {
  NodeMetrics m;
  // 63 us is the first bound's last value, 64 the next bucket's first.
  for (std::uint64_t us : {10u, 63u, 64u, 127u, 128u, 5000u, 90'000'000u}) m.latency.record(us);
  const auto text = QString::fromStdString(m.prometheus("paris"));
  auto bucket = [&](const char* le) {
    const QString key = QStringLiteral("edgelab_request_duration_seconds_bucket{node=\"paris\",le=\"%1\"} ").arg(le);
    const auto at = text.indexOf(key);
    return at < 0 ? -1 : text.mid(at + key.size()).section('\n', 0, 0).toLongLong();
  };
  QCOMPARE(bucket("0.000063"), 2);
  QCOMPARE(bucket("0.000127"), 4);
  QCOMPARE(bucket("0.000255"), 5);
  QCOMPARE(bucket("0.008191"), 6);
  QCOMPARE(bucket("67.108863"), 6);
  QCOMPARE(bucket("+Inf"), 7);
  QVERIFY(text.contains(QStringLiteral("edgelab_request_duration_seconds_count{node=\"paris\"} 7\n")));
  QVERIFY(text.contains(QStringLiteral("edgelab_request_duration_seconds_sum{node=\"paris\"} 90.005392\n")));
}

QTEST_APPLESS_MAIN(TestLatencyHistogram)
#include "test_latency_histogram.moc"
