#include "views/run_comparison_widget.hpp"

#include "models/run_comparison_model.hpp"
#include "models/run_replay.hpp"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineSeries>
#include <QLocale>
#include <QTableView>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {

QString runName(const RunData& run) { return RunComparisonModel::runName(run); }

}  // namespace

RunComparisonWidget::RunComparisonWidget(QWidget* parent) : QWidget(parent) {
  auto* chart = new QChart;
  chart->setTitle(tr("Two runs, second by second since each started"));
  chart->legend()->setAlignment(Qt::AlignBottom);
  chart->setMargins(QMargins(4, 4, 4, 4));
  view_ = new QChartView(chart, this);
  view_->setObjectName(u"comparisonChart"_s);
  view_->setRenderHint(QPainter::Antialiasing);
  model_ = new RunComparisonModel(this);
  figures_ = new QTableView(this);
  figures_->setObjectName(u"comparisonFigures"_s);
  figures_->setModel(model_);
  figures_->verticalHeader()->hide();
  figures_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(view_, 3);
  layout->addWidget(figures_, 2);
}

QChart* RunComparisonWidget::chart() const { return view_->chart(); }

void RunComparisonWidget::compare(std::shared_ptr<const RunData> a, std::shared_ptr<const RunData> b) {
  QChart* c = chart();
  c->removeAllSeries();
  for (QAbstractAxis* axis : c->axes()) {
    c->removeAxis(axis);
    delete axis;
  }
  model_->compare(a, b);
  if (!a || !b) return;
  auto* x = new QValueAxis(c);
  x->setTitleText(tr("second of the run"));
  x->setLabelFormat(u"%d"_s);
  auto* offloadY = new QValueAxis(c);
  offloadY->setRange(0, 100);
  offloadY->setTitleText(tr("origin offload %"));
  auto* p99Y = new QValueAxis(c);
  p99Y->setTitleText(tr("p99 ms"));
  c->addAxis(x, Qt::AlignBottom);
  c->addAxis(offloadY, Qt::AlignLeft);
  c->addAxis(p99Y, Qt::AlignRight);
  double top = 1;
  int longest = 1;
  const QColor colours[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28)};
  int index = 0;
  for (const auto& run : {a, b}) {
    auto* offload = new QLineSeries(c);
    offload->setName(tr("%1 offload").arg(runName(*run)));
    offload->setPen(QPen(colours[index], 2));
    auto* p99 = new QLineSeries(c);
    p99->setName(tr("%1 p99").arg(runName(*run)));
    p99->setPen(QPen(colours[index], 2, Qt::DashLine));
    for (int s = 1; s <= run->duration_s; ++s) {
      const TrafficSecond second = RunReplay::labSecond(*run, s);
      if (second.requests > 0) {
        offload->append(s, 100.0 * (1 - second.origin / second.requests));
        p99->append(s, second.p99_ms);
        top = std::max(top, second.p99_ms);
      }
    }
    longest = std::max(longest, run->duration_s);
    c->addSeries(offload);
    c->addSeries(p99);
    offload->attachAxis(x);
    offload->attachAxis(offloadY);
    p99->attachAxis(x);
    p99->attachAxis(p99Y);
    ++index;
  }
  x->setRange(1, longest);
  p99Y->setRange(0, top * 1.1);
}

}  // namespace edgelab::console
