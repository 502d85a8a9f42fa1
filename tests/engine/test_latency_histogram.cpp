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
  QVERIFY(text.contains(QStringLiteral("quantile=\"0.999\"")));
}

QTEST_APPLESS_MAIN(TestLatencyHistogram)
#include "test_latency_histogram.moc"
