#include "views/chart_export.hpp"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFile>
#include <QMap>
#include <QTimeZone>
#include <QAbstractBarSeries>
#include <QXYSeries>

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {

QString quoted(QString text) {
  if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n')) return text;
  return u'"' + text.replace(u"\""_s, u"\"\""_s) + u'"';
}

QString number(double v) { return QString::number(v, 'g', 10); }

}  // namespace

QString ChartExport::csv(const QChart& chart) {
  const QList<QAbstractSeries*> all = chart.series();
  QStringList lines;
  // Bar charts: categories down, sets across.
  for (QAbstractSeries* series : all) {
    auto* bars = qobject_cast<QAbstractBarSeries*>(series);
    if (!bars) continue;
    QStringList categories;
    for (QAbstractAxis* axis : chart.axes(Qt::Horizontal))
      if (auto* c = qobject_cast<QBarCategoryAxis*>(axis)) categories = c->categories();
    QStringList header{u"category"_s};
    for (QBarSet* set : bars->barSets()) header << quoted(set->label());
    lines << header.join(u',');
    for (int i = 0; i < categories.size(); ++i) {
      QStringList row{quoted(categories[i])};
      for (QBarSet* set : bars->barSets()) row << (i < set->count() ? number(set->at(i)) : QString());
      lines << row.join(u',');
    }
    return lines.join(u'\n') + u'\n';
  }
  bool time = false;
  for (QAbstractAxis* axis : chart.axes(Qt::Horizontal)) time = time || qobject_cast<QDateTimeAxis*>(axis);
  QStringList header{time ? u"time"_s : u"x"_s};
  QMap<double, QStringList> rows;
  QList<QXYSeries*> xy;
  for (QAbstractSeries* series : all)
    if (auto* s = qobject_cast<QXYSeries*>(series)) xy << s;
  for (int column = 0; column < xy.size(); ++column) {
    header << quoted(xy[column]->name());
    for (const QPointF& p : xy[column]->points()) {
      QStringList& row = rows[p.x()];
      while (row.size() < xy.size()) row << QString();
      row[column] = number(p.y());
    }
  }
  lines << header.join(u',');
  for (auto it = rows.begin(); it != rows.end(); ++it) {
    const QString x = time ? QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(it.key()), QTimeZone::utc())
                                 .toString(Qt::ISODate)
                           : number(it.key());
    lines << (QStringList{x} + it.value()).join(u',');
  }
  return lines.join(u'\n') + u'\n';
}

bool ChartExport::savePng(QChartView& view, const QString& path) { return view.grab().save(path, "PNG"); }

bool ChartExport::saveCsv(const QChart& chart, const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
  return file.write(csv(chart).toUtf8()) >= 0;
}

}  // namespace edgelab::console
