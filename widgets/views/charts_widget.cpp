#include "views/charts_widget.hpp"

#include "map/map_palette.hpp"
#include "models/fleet_model.hpp"
#include "models/traffic_history.hpp"
#include "views/chart_export.hpp"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QMessageBox>
#include <QPushButton>
#include <QScatterSeries>
#include <QScrollBar>
#include <QStackedBarSeries>
#include <QTabWidget>
#include <QValueAxis>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {

// The design's "average response latency by retrieval tier" (seeds/000): edge L1 20 ms,
// regional shield 85 ms, origin fetch 250 ms. Our L2 is the PoP's own disk: no figure.
constexpr std::array<double, kTierCount> kReferenceMs{20, -1, 85, 250};

QColor tierColour(int tier) {
  static const ServedTier tiers[] = {ServedTier::l1, ServedTier::l2, ServedTier::shield, ServedTier::origin};
  return MapPalette::tierColour(tiers[tier]);
}

QLineSeries* line(QChart* chart, const QString& name, QColor colour, Qt::PenStyle style = Qt::SolidLine) {
  auto* s = new QLineSeries(chart);
  s->setName(name);
  s->setPen(QPen(colour, 2, style));
  chart->addSeries(s);
  return s;
}

QChart* makeChart(const QString& title) {
  auto* chart = new QChart;
  chart->setTitle(title);
  chart->legend()->setAlignment(Qt::AlignBottom);
  chart->setMargins(QMargins(4, 4, 4, 4));
  return chart;
}

QDateTimeAxis* timeAxis(QChart* chart) {
  auto* axis = new QDateTimeAxis(chart);
  axis->setFormat(u"HH:mm:ss"_s);
  axis->setTickCount(6);
  chart->addAxis(axis, Qt::AlignBottom);
  return axis;
}

void attach(QChart* chart, QAbstractAxis* x, QAbstractAxis* y) {
  for (QAbstractSeries* s : chart->series()) {
    if (!s->attachedAxes().isEmpty()) continue;
    s->attachAxis(x);
    s->attachAxis(y);
  }
}

double ms(qint64 t) { return static_cast<double>(t) * 1000.0; }

}  // namespace

ChartsWidget::ChartsWidget(TrafficHistory* history, FleetModel* fleet, QItemSelectionModel* selection, QWidget* parent)
    : QWidget(parent), history_(history), fleet_(fleet), selection_(selection) {
  tabs_ = new QTabWidget(this);
  tabs_->setObjectName(u"chartTabs"_s);
  const QString titles[] = {tr("Latency by tier"), tr("Hit ratio and origin"), tr("Continents"),
                            tr("Latency histogram"), tr("By retrieval tier")};

  QChart* latency = makeChart(tr("p50 (solid) and p99 (dashed) by the tier that served the request"));
  for (int tier = 0; tier < kTierCount; ++tier) {
    line(latency, tr("%1 p50").arg(TrafficHistory::tierLabel(tier)), tierColour(tier));
    line(latency, tr("%1 p99").arg(TrafficHistory::tierLabel(tier)), tierColour(tier), Qt::DashLine);
  }
  line(latency, tr("selected PoP p50"), palette().color(QPalette::WindowText));
  line(latency, tr("selected PoP p99"), palette().color(QPalette::WindowText), Qt::DashLine);
  auto* latencyY = new QLogValueAxis(latency);
  latencyY->setBase(10);
  latencyY->setLabelFormat(u"%g"_s);
  latencyY->setTitleText(tr("ms (log)"));
  latencyY->setRange(0.1, 1000);
  latency->addAxis(latencyY, Qt::AlignLeft);
  attach(latency, timeAxis(latency), latencyY);

  QChart* hit = makeChart(tr("Hit ratio at the PoPs, requests and origin fetches"));
  line(hit, tr("hit ratio %"), tierColour(kTierL1));
  auto* hitY = new QValueAxis(hit);
  hitY->setRange(0, 100);
  hitY->setTitleText(tr("%"));
  hit->addAxis(hitY, Qt::AlignLeft);
  QDateTimeAxis* hitX = timeAxis(hit);
  attach(hit, hitX, hitY);
  line(hit, tr("requests/s"), palette().color(QPalette::WindowText));
  line(hit, tr("origin fetches/s"), tierColour(kTierOrigin));
  auto* rateY = new QValueAxis(hit);
  rateY->setTitleText(tr("per second"));
  rateY->setLabelFormat(u"%.0f"_s);
  hit->addAxis(rateY, Qt::AlignRight);
  attach(hit, hitX, rateY);

  QChart* continents = makeChart(tr("Requests per second by the users' continent"));
  auto* continentY = new QValueAxis(continents);
  continentY->setLabelFormat(u"%.0f"_s);
  continents->addAxis(continentY, Qt::AlignLeft);
  timeAxis(continents);

  QChart* histogram = makeChart(tr("Requests by latency (log-spaced buckets, ms): hits and misses"));
  histogram->setToolTip(tr("Each bar counts the requests up to its latency and above the bar to its left"));
  auto* stacked = new QStackedBarSeries(histogram);
  auto* hits = new QBarSet(tr("hit (L1, L2)"));
  auto* misses = new QBarSet(tr("miss (shield, origin)"));
  hits->setColor(tierColour(kTierL1));
  misses->setColor(tierColour(kTierOrigin));
  stacked->append({hits, misses});
  stacked->setBarWidth(0.9);
  histogram->addSeries(stacked);
  auto* buckets = new QBarCategoryAxis(histogram);
  histogram->addAxis(buckets, Qt::AlignBottom);
  auto* countY = new QValueAxis(histogram);
  countY->setLabelFormat(u"%.0f"_s);
  histogram->addAxis(countY, Qt::AlignLeft);
  stacked->attachAxis(buckets);
  stacked->attachAxis(countY);

  QChart* bars = makeChart(tr("Average response latency by retrieval tier, this run, against the design"));
  auto* measured = new QBarSeries(bars);
  auto* set = new QBarSet(tr("measured mean (ms)"));
  set->setColor(tierColour(kTierL1));
  measured->append(set);
  measured->setLabelsVisible(true);
  measured->setLabelsFormat(u"@value"_s);
  bars->addSeries(measured);
  auto* reference = new QScatterSeries(bars);
  reference->setName(tr("design reference (ms)"));
  reference->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
  reference->setMarkerSize(14);
  reference->setColor(QColor(0xc6, 0x28, 0x28));
  for (int tier = 0; tier < kTierCount; ++tier)
    if (kReferenceMs[tier] > 0) reference->append(tier, kReferenceMs[tier]);
  bars->addSeries(reference);
  auto* tiersX = new QBarCategoryAxis(bars);
  tiersX->append({u"L1"_s, u"L2"_s, tr("shield"), tr("origin")});
  bars->addAxis(tiersX, Qt::AlignBottom);
  auto* barsY = new QValueAxis(bars);
  barsY->setTitleText(tr("ms"));
  bars->addAxis(barsY, Qt::AlignLeft);
  for (QAbstractSeries* s : {static_cast<QAbstractSeries*>(measured), static_cast<QAbstractSeries*>(reference)}) {
    s->attachAxis(tiersX);
    s->attachAxis(barsY);
  }

  const std::array<QChart*, ChartCount> charts{latency, hit, continents, histogram, bars};
  for (int i = 0; i < ChartCount; ++i) {
    views_[i] = new QChartView(charts[i], this);
    views_[i]->setRenderHint(QPainter::Antialiasing);
    views_[i]->setObjectName(u"chart%1"_s.arg(i));
    tabs_->addTab(views_[i], titles[i]);
  }

  live_ = new QCheckBox(tr("Live"), this);
  live_->setObjectName(u"chartsLive"_s);
  live_->setChecked(true);
  scroll_ = new QScrollBar(Qt::Horizontal, this);
  scroll_->setObjectName(u"chartsScroll"_s);
  window_label_ = new QLabel(this);
  auto* png = new QPushButton(tr("PNG…"), this);
  auto* csv = new QPushButton(tr("CSV…"), this);
  png->setToolTip(tr("Save the chart shown as a picture"));
  csv->setToolTip(tr("Save the data of the chart shown"));
  auto* bar = new QHBoxLayout;
  bar->addWidget(live_);
  bar->addWidget(scroll_, 1);
  bar->addWidget(window_label_);
  bar->addWidget(png);
  bar->addWidget(csv);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addWidget(tabs_, 1);
  layout->addLayout(bar);

  connect(history_, &TrafficHistory::changed, this, [this] {
    updateScroll();
    refresh(tabs_->currentIndex());
  });
  connect(tabs_, &QTabWidget::currentChanged, this, &ChartsWidget::refresh);
  connect(scroll_, &QScrollBar::valueChanged, this, [this] {
    if (scroll_->value() < scroll_->maximum()) live_->setChecked(false);
    refresh(tabs_->currentIndex());
  });
  connect(live_, &QCheckBox::toggled, this, [this](bool on) {
    if (on) scroll_->setValue(scroll_->maximum());
  });
  connect(png, &QPushButton::clicked, this, &ChartsWidget::exportPng);
  connect(csv, &QPushButton::clicked, this, &ChartsWidget::exportCsv);
  if (selection_)
    connect(selection_, &QItemSelectionModel::selectionChanged, this, [this] { refresh(LatencyChart); });
  updateScroll();
}

QChart* ChartsWidget::chart(Chart which) const { return views_[which]->chart(); }

void ChartsWidget::showChart(Chart which) { tabs_->setCurrentIndex(which); }

bool ChartsWidget::live() const { return live_->isChecked(); }

void ChartsWidget::updateScroll() {
  const auto& seconds = history_->seconds();
  const int count = static_cast<int>(seconds.size());
  const QSignalBlocker blocker(scroll_);
  scroll_->setRange(0, std::max(0, count - kWindowSeconds));
  scroll_->setPageStep(kWindowSeconds);
  if (live_->isChecked()) scroll_->setValue(scroll_->maximum());
}

qint64 ChartsWidget::windowEnd() const {
  const auto& seconds = history_->seconds();
  if (seconds.empty()) return QDateTime::currentSecsSinceEpoch();
  const std::size_t last = std::min<std::size_t>(seconds.size() - 1,
                                                 static_cast<std::size_t>(scroll_->value() + kWindowSeconds - 1));
  return seconds[last].t;
}

QString ChartsWidget::selectedPop() const {
  if (!selection_ || !fleet_ || selection_->selectedRows().isEmpty()) return {};
  return fleet_->nameAt(selection_->selectedRows().first().row());
}

void ChartsWidget::refreshAll() {
  for (int i = 0; i < ChartCount; ++i) refresh(i);
}

void ChartsWidget::refresh(int which) {
  if (!history_) return;
  const qint64 to = windowEnd();
  qint64 from = to - kWindowSeconds + 1;
  if (fit_to_data_ && !history_->seconds().empty()) from = std::max(from, history_->seconds().front().t);
  if (to - from < 10) from = to - 10;  // a few seconds still get an axis
  const QLocale locale;
  window_label_->setText(tr("%1 – %2").arg(locale.toString(QDateTime::fromSecsSinceEpoch(from).time(), u"HH:mm:ss"_s),
                                          locale.toString(QDateTime::fromSecsSinceEpoch(to).time(), u"HH:mm:ss"_s)));
  // As many time labels as fit: a narrow dock elides them all otherwise.
  // Likewise as many value labels as the height holds (Qt Charts elides labels that overlap).
  if (which >= 0 && which < ChartCount) {
    QChart* c = chart(static_cast<Chart>(which));
    for (QAbstractAxis* axis : c->axes(Qt::Horizontal))
      if (auto* time = qobject_cast<QDateTimeAxis*>(axis))
        time->setTickCount(std::clamp(views_[which]->width() / (fontMetrics().horizontalAdvance(u"00:00:00"_s) * 2), 2, 7));
    const int rows = std::clamp(static_cast<int>(c->plotArea().height()) / (fontMetrics().height() * 2) + 1, 2, 6);
    for (QAbstractAxis* axis : c->axes(Qt::Vertical))
      if (auto* value = qobject_cast<QValueAxis*>(axis)) value->setTickCount(rows);
  }
  switch (which) {
    case LatencyChart: return refreshLatency(from, to);
    case HitOriginChart: return refreshHitOrigin(from, to);
    case ContinentChart: return refreshContinents(from, to);
    case HistogramChart: return refreshHistogram(from, to);
    case TierBarChart: return refreshTierBars();
    default: return;
  }
}

void ChartsWidget::refreshLatency(qint64 from, qint64 to) {
  QChart* c = chart(LatencyChart);
  const QList<QAbstractSeries*> series = c->series();
  std::array<QList<QPointF>, kTierCount * 2 + 2> points;
  double top = 1;
  for (const TrafficSecond& s : history_->seconds()) {
    if (s.t < from || s.t > to) continue;
    for (int tier = 0; tier < kTierCount; ++tier) {
      // A log axis has no zero: a tier without requests that second has no point.
      if (s.tier_p50[tier] > 0) points[tier * 2].append({ms(s.t), s.tier_p50[tier]});
      if (s.tier_p99[tier] > 0) points[tier * 2 + 1].append({ms(s.t), s.tier_p99[tier]});
      top = std::max(top, s.tier_p99[tier]);
    }
  }
  const QString pop = selectedPop();
  for (const PopSecond& s : history_->popSeconds(pop)) {
    if (s.t < from || s.t > to) continue;
    if (s.p50_ms > 0) points[kTierCount * 2].append({ms(s.t), s.p50_ms});
    if (s.p99_ms > 0) points[kTierCount * 2 + 1].append({ms(s.t), s.p99_ms});
    top = std::max(top, s.p99_ms);
  }
  for (int i = 0; i < static_cast<int>(points.size()); ++i) static_cast<QXYSeries*>(series[i])->replace(points[i]);
  series[kTierCount * 2]->setName(pop.isEmpty() ? tr("selected PoP p50") : tr("%1 p50 (sampled)").arg(pop));
  series[kTierCount * 2 + 1]->setName(pop.isEmpty() ? tr("selected PoP p99") : tr("%1 p99 (sampled)").arg(pop));
  c->axes(Qt::Horizontal).first()->setRange(QDateTime::fromSecsSinceEpoch(from), QDateTime::fromSecsSinceEpoch(to));
  c->axes(Qt::Vertical).first()->setRange(0.1, std::pow(10, std::ceil(std::log10(top * 1.2))));
}

void ChartsWidget::refreshHitOrigin(qint64 from, qint64 to) {
  QChart* c = chart(HitOriginChart);
  const QList<QAbstractSeries*> series = c->series();
  QList<QPointF> hit, requests, origin;
  double top = 1;
  for (const TrafficSecond& s : history_->seconds()) {
    if (s.t < from || s.t > to) continue;
    if (s.hitRatio() >= 0) hit.append({ms(s.t), s.hitRatio() * 100});
    requests.append({ms(s.t), s.requests});
    origin.append({ms(s.t), s.origin});
    top = std::max({top, s.requests, s.origin});
  }
  static_cast<QXYSeries*>(series[0])->replace(hit);
  static_cast<QXYSeries*>(series[1])->replace(requests);
  static_cast<QXYSeries*>(series[2])->replace(origin);
  c->axes(Qt::Horizontal).first()->setRange(QDateTime::fromSecsSinceEpoch(from), QDateTime::fromSecsSinceEpoch(to));
  c->axes(Qt::Vertical).last()->setRange(0, top * 1.1);
}

void ChartsWidget::refreshContinents(qint64 from, qint64 to) {
  QChart* c = chart(ContinentChart);
  const QStringList names = history_->continents();
  // One series per continent seen, made the first time it appears.
  QMap<QString, QXYSeries*> byName;
  for (QAbstractSeries* s : c->series()) byName.insert(s->name(), static_cast<QXYSeries*>(s));
  QAbstractAxis* x = c->axes(Qt::Horizontal).first();
  QAbstractAxis* y = c->axes(Qt::Vertical).first();
  for (const QString& name : names) {
    if (byName.contains(name)) continue;
    auto* s = new QLineSeries(c);
    s->setName(name);
    c->addSeries(s);
    s->attachAxis(x);
    s->attachAxis(y);
    byName.insert(name, s);
  }
  QMap<QString, QList<QPointF>> points;
  double top = 1;
  for (const TrafficSecond& s : history_->seconds()) {
    if (s.t < from || s.t > to) continue;
    for (const QString& name : names) {
      const double v = s.continents.value(name);
      points[name].append({ms(s.t), v});
      top = std::max(top, v);
    }
  }
  for (auto it = byName.begin(); it != byName.end(); ++it) it.value()->replace(points.value(it.key()));
  x->setRange(QDateTime::fromSecsSinceEpoch(from), QDateTime::fromSecsSinceEpoch(to));
  y->setRange(0, top * 1.1);
}

void ChartsWidget::refreshHistogram(qint64 from, qint64 to) {
  QChart* c = chart(HistogramChart);
  auto* stacked = static_cast<QStackedBarSeries*>(c->series().first());
  const QVector<double>& bounds = history_->histogramBounds();
  QVector<double> hit(bounds.size() + 1, 0), miss(bounds.size() + 1, 0);
  for (const TrafficSecond& s : history_->seconds()) {
    if (s.t < from || s.t > to) continue;
    for (int i = 0; i < std::min<int>(hit.size(), s.hist_hit.size()); ++i) hit[i] += s.hist_hit[i];
    for (int i = 0; i < std::min<int>(miss.size(), s.hist_miss.size()); ++i) miss[i] += s.hist_miss[i];
  }
  // One bucket per bound; the last also takes everything slower (a count past the bounds is "above").
  // At most one bucket past the bounds (a lab's answer decides the lengths; labels must stay unique).
  int buckets = static_cast<int>(std::min<qsizetype>(bounds.size(), 64));
  for (const TrafficSecond& s : history_->seconds())
    buckets = std::max<int>(buckets, static_cast<int>(std::min<qsizetype>(s.hist_hit.size(), bounds.size() + 1)));
  buckets = std::min<int>(buckets, static_cast<int>(std::min<qsizetype>(bounds.size(), 64)) + 1);
  hit.resize(std::max<int>(hit.size(), buckets));
  miss.resize(std::max<int>(miss.size(), buckets));
  QStringList labels;
  const QLocale locale;
  // Short labels, so seventeen fit under a narrow chart: a bucket's upper bound, seconds from 1 s up.
  const auto shortMs = [&locale](double v) {
    return v < 1000 ? locale.toString(v, 'g', 3) : locale.toString(v / 1000, 'g', 2) + u"s"_s;
  };
  for (int i = 0; i < buckets && !bounds.isEmpty(); ++i) {
    const bool last = i == buckets - 1;
    if (i < bounds.size() && !(last && buckets == bounds.size()))
      labels << shortMs(bounds[i]);
    else
      labels << u">"_s + shortMs(bounds[std::min<int>(i, bounds.size()) - 1]);
  }
  buckets = static_cast<int>(labels.size());
  auto* axis = static_cast<QBarCategoryAxis*>(c->axes(Qt::Horizontal).first());
  if (axis->categories() != labels) {
    axis->clear();
    axis->append(labels);
  }
  QBarSet* hits = stacked->barSets()[0];
  QBarSet* misses = stacked->barSets()[1];
  hits->remove(0, hits->count());
  misses->remove(0, misses->count());
  double top = 1;
  for (int i = 0; i < buckets; ++i) {
    hits->append(hit[i]);
    misses->append(miss[i]);
    top = std::max(top, hit[i] + miss[i]);
  }
  c->axes(Qt::Vertical).first()->setRange(0, top * 1.1);
}

void ChartsWidget::refreshTierBars() {
  QChart* c = chart(TierBarChart);
  auto* measured = static_cast<QBarSeries*>(c->series().first());
  QBarSet* set = measured->barSets().first();
  set->remove(0, set->count());
  const auto means = history_->tierMeanMs();
  double top = 300;
  for (int tier = 0; tier < kTierCount; ++tier) {
    set->append(means[tier] > 0 ? std::round(means[tier] * 10) / 10 : 0);
    top = std::max(top, means[tier] * 1.15);
  }
  c->axes(Qt::Vertical).first()->setRange(0, top);
}

void ChartsWidget::exportPng() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Save chart as PNG"), u"chart.png"_s, tr("PNG (*.png)"));
  if (!path.isEmpty() && !ChartExport::savePng(*views_[tabs_->currentIndex()], path))
    QMessageBox::warning(this, tr("Save chart as PNG"), tr("Could not write %1").arg(path));
}

void ChartsWidget::exportCsv() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Save chart data as CSV"), u"chart.csv"_s, tr("CSV (*.csv)"));
  if (!path.isEmpty() && !ChartExport::saveCsv(*chart(static_cast<Chart>(tabs_->currentIndex())), path))
    QMessageBox::warning(this, tr("Save chart data as CSV"), tr("Could not write %1").arg(path));
}

}  // namespace edgelab::console
