#include "views/request_trace_widget.hpp"

#include "models/console_session.hpp"
#include "models/recent_requests_model.hpp"
#include "models/request_trace_model.hpp"
#include "models/units.hpp"
#include "views/table_setup.hpp"

#include <QCheckBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace edgelab::console {

RequestTraceWidget::RequestTraceWidget(ConsoleSession* session, QWidget* parent)
    : QWidget(parent), session_(session) {
  recent_ = new RecentRequestsModel(this);
  trace_ = new RequestTraceModel(this);
  pause_ = new QCheckBox(tr("Hold the list (samples keep coming, unseen)"), this);
  pause_->setObjectName(u"tracePause"_s);
  recent_view_ = TableSetup::create(this, u"recentRequests"_s);
  recent_view_->setModel(recent_);
  trace_view_ = TableSetup::create(this, u"requestTrace"_s);
  trace_view_->setModel(trace_);
  trace_view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  trace_view_->horizontalHeader()->setSectionResizeMode(RequestTraceModel::CacheStatusColumn, QHeaderView::Stretch);
  trace_view_->setWordWrap(true);
  summary_ = new QLabel(tr("Pick a request to follow it through the tiers"), this);
  summary_->setObjectName(u"traceSummary"_s);
  summary_->setWordWrap(true);
  raw_ = new QLabel(this);
  raw_->setWordWrap(true);
  raw_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  raw_->setTextFormat(Qt::PlainText);

  auto* left = new QWidget(this);
  auto* leftLayout = new QVBoxLayout(left);
  leftLayout->setContentsMargins(0, 0, 0, 0);
  leftLayout->addWidget(pause_);
  leftLayout->addWidget(recent_view_, 1);
  auto* right = new QWidget(this);
  auto* rightLayout = new QVBoxLayout(right);
  rightLayout->setContentsMargins(0, 0, 0, 0);
  rightLayout->addWidget(summary_);
  rightLayout->addWidget(trace_view_, 1);
  rightLayout->addWidget(raw_);
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(left);
  split->addWidget(right);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addWidget(split);

  connect(session, &ConsoleSession::samplesArrived, recent_, &RecentRequestsModel::addSamples);
  connect(pause_, &QCheckBox::toggled, recent_, &RecentRequestsModel::setPaused);
  connect(recent_view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            if (current.isValid()) showTrace(current.row());
          });
  // Picking a row holds the list, or the row would scroll away under the reader.
  connect(recent_view_, &QTableView::pressed, this, [this] { pause_->setChecked(true); });
}

QString RequestTraceWidget::summary() const { return summary_->text(); }

void RequestTraceWidget::showTrace(int row) {
  const QJsonObject sample = recent_->sampleAt(row);
  trace_->trace(sample, session_ ? session_->uplinks() : QHash<QString, QPair<QString, double>>{});
  if (sample.isEmpty()) return;
  summary_->setText(tr("%1 from %2 via %3: %4 in all, %5 of it simulated network round trips, %6 the rest")
                        .arg(sample.value(u"url"_s).toString(), sample.value(u"city"_s).toString(),
                             sample.value(u"pop"_s).toString(), Units::millis(trace_->totalMs()),
                             Units::millis(trace_->networkMs()),
                             Units::millis(std::max(0.0, trace_->totalMs() - trace_->networkMs()))));
  const QString header = sample.value(u"cache_status"_s).toString();
  raw_->setText(header.isEmpty() ? tr("No Cache-Status came with this answer")
                                 : tr("Cache-Status: %1").arg(header));
}

}  // namespace edgelab::console
