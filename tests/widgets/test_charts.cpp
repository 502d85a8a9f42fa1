// The charts over a history fed as the lab's /lab/v1/metrics answers feed it:
// each chart shows the seconds of its window, the histogram sums its buckets,
// the tier bars carry the run's means beside the design's references, and a
// chart's CSV export is exactly the series it shows.
#include "models/fleet_model.hpp"
#include "models/traffic_history.hpp"
#include "views/chart_export.hpp"
#include "views/charts_widget.hpp"

#include <QBarSet>
#include <QChart>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QBarSeries>
#include <QTest>
#include <QXYSeries>

using namespace edgelab::console;

namespace {

// What the lab answers, for `count` seconds from `t0`.
QJsonObject metrics(qint64 t0, int count) {
  QJsonArray seconds;
  for (int i = 0; i < count; ++i) {
    QJsonObject tierLatency;
    const char* tiers[] = {"L1", "L2", "shield", "origin"};
    for (int tier = 0; tier < 4; ++tier)
      tierLatency.insert(tiers[tier], QJsonObject{{"count", 10}, {"p50_ms", 5.0 * (tier + 1) + i},
                                                  {"p99_ms", 20.0 * (tier + 1) + i}});
    seconds.append(QJsonObject{
        {"t", t0 + i},
        {"requests", 100 + i},
        {"errors", 0},
        {"origin_requests", 10},
        {"tiers", QJsonObject{{"L1", 70}, {"L2", 10}, {"shield", 10}, {"origin", 10}, {"error", 0}}},
        {"p50_ms", 7.0},
        {"p99_ms", 90.0},
        {"continents", QJsonObject{{"Europe", 60 + i}, {"Asia", 40}}},
        {"tier_latency", tierLatency},
        {"histogram", QJsonObject{{"hit", QJsonArray{1, 2, 3, 0}}, {"miss", QJsonArray{0, 0, 1, 4}}}}});
  }
  return {{"seconds", seconds},
          {"histogram_bounds_ms", QJsonArray{1, 10, 100}},
          {"tier_mean_ms", QJsonObject{{"L1", 12.5}, {"L2", 20.0}, {"shield", 70.0}, {"origin", 240.0}}},
          {"tier_requests", QJsonObject{{"L1", 700}, {"L2", 100}, {"shield", 100}, {"origin", 100}}}};
}

}  // namespace

class TestCharts : public QObject {
  Q_OBJECT
 private slots:
  void chartsFollowTheHistory() {
    TrafficHistory history;
    QNetworkAccessManager network;
    FleetModel fleet(&network);
    ChartsWidget charts(&history, &fleet, nullptr);
    charts.resize(900, 500);
    charts.show();
    const qint64 t0 = 1'700'000'000;
    history.addMetrics(metrics(t0, 30));
    history.addMetrics(metrics(t0 + 20, 20));  // overlapping seconds are not added twice
    QCOMPARE(int(history.seconds().size()), 40);
    charts.refreshAll();

    QChart* latency = charts.chart(ChartsWidget::LatencyChart);
    auto* l1p50 = static_cast<QXYSeries*>(latency->series()[0]);
    QCOMPARE(l1p50->count(), 40);
    QCOMPARE(l1p50->at(0), QPointF(t0 * 1000.0, 5.0));

    QChart* hit = charts.chart(ChartsWidget::HitOriginChart);
    QCOMPARE(static_cast<QXYSeries*>(hit->series()[0])->at(0).y(), 80.0);  // (70 + 10) / 100

    QChart* histogram = charts.chart(ChartsWidget::HistogramChart);
    auto* stacked = static_cast<QStackedBarSeries*>(histogram->series().first());
    QCOMPARE(stacked->barSets()[0]->count(), 4);  // three bounds and "above"
    QCOMPARE(stacked->barSets()[0]->at(2), 3.0 * 40);
    QCOMPARE(stacked->barSets()[1]->at(3), 4.0 * 40);

    QChart* bars = charts.chart(ChartsWidget::TierBarChart);
    auto* measured = static_cast<QBarSeries*>(bars->series()[0]);
    QCOMPARE(measured->barSets()[0]->at(2), 70.0);
    auto* reference = static_cast<QScatterSeries*>(bars->series()[1]);
    QCOMPARE(reference->points(), (QList<QPointF>{{0, 20}, {2, 85}, {3, 250}}));
  }

  void csvIsWhatTheChartShows() {
    TrafficHistory history;
    QNetworkAccessManager network;
    FleetModel fleet(&network);
    ChartsWidget charts(&history, &fleet, nullptr);
    history.addMetrics(metrics(1'700'000'000, 5));
    charts.refreshAll();
    QChart* continents = charts.chart(ChartsWidget::ContinentChart);
    const QStringList lines = ChartExport::csv(*continents).trimmed().split('\n');
    QCOMPARE(lines.size(), 6);  // the header and five seconds
    QStringList header = lines[0].split(',');
    QCOMPARE(header[0], QStringLiteral("time"));
    for (int column = 1; column < header.size(); ++column) {
      QXYSeries* series = nullptr;
      for (QAbstractSeries* s : continents->series())
        if (s->name() == header[column]) series = static_cast<QXYSeries*>(s);
      QVERIFY2(series, qPrintable(header[column]));
      QCOMPARE(series->count(), 5);
      for (int row = 0; row < 5; ++row)
        QCOMPARE(lines[row + 1].split(',')[column].toDouble(), series->at(row).y());
    }
    QVERIFY(lines[1].startsWith(QStringLiteral("2023-11-14T22:13:20")));

    const QStringList barLines = ChartExport::csv(*charts.chart(ChartsWidget::TierBarChart)).trimmed().split('\n');
    QCOMPARE(barLines.size(), 5);
    QCOMPARE(barLines[4], QStringLiteral("origin,240"));
  }
};

QTEST_MAIN(TestCharts)
#include "test_charts.moc"
