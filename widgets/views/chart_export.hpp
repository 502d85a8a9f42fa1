#pragma once
// A chart as a file: its picture as PNG, its data as CSV, the CSV built from
// the series the chart holds (so it is exactly what is drawn). XY series:
// one row per x (time as ISO 8601 when the x axis is a time axis), one column
// per series; bar series: one row per category, one column per bar set.
#include <QString>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace edgelab::console {

class ChartExport {
 public:
  static QString csv(const QChart& chart);
  static bool savePng(QChartView& view, const QString& path);
  static bool saveCsv(const QChart& chart, const QString& path);
};

}  // namespace edgelab::console
