#include "views/event_log_widget.hpp"

#include "models/event_filter_proxy.hpp"
#include "models/event_log_model.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace edgelab::console {

EventLogWidget::EventLogWidget(EventLogModel* events, QWidget* parent) : QWidget(parent), events_(events) {
  proxy_ = new EventFilterProxy(this);
  proxy_->setSourceModel(events);
  // By time, whatever the order of arrival (a node's backlog comes after the console's own verdicts).
  proxy_->setSortRole(EventLogModel::TimeMsRole);
  proxy_->sort(EventLogModel::TimeColumn, Qt::AscendingOrder);
  node_ = new QComboBox(this);
  kind_ = new QComboBox(this);
  node_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  kind_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  text_ = new QLineEdit(this);
  text_->setPlaceholderText(tr("Filter messages"));
  text_->setClearButtonEnabled(true);
  table_ = new QTableView(this);
  table_->setObjectName(QStringLiteral("eventTable"));
  table_->setModel(proxy_);
  table_->verticalHeader()->hide();
  table_->setWordWrap(false);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->horizontalHeader()->setSectionResizeMode(EventLogModel::TimeColumn, QHeaderView::ResizeToContents);
  // Wide enough for the longest lab names ("shield-ap-southeast-1") before the first event.
  table_->horizontalHeader()->resizeSection(
      EventLogModel::NodeColumn, fontMetrics().horizontalAdvance(QStringLiteral("shield-ap-southeast-1")) + 16);
  table_->horizontalHeader()->setSectionResizeMode(EventLogModel::KindColumn, QHeaderView::ResizeToContents);
  auto* filters = new QHBoxLayout;
  filters->addWidget(node_);
  filters->addWidget(kind_);
  filters->addWidget(text_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addLayout(filters);
  layout->addWidget(table_);
  refillChoices();
  connect(events, &EventLogModel::kindsChanged, this, &EventLogWidget::refillChoices);
  connect(events, &EventLogModel::nodesChanged, this, &EventLogWidget::refillChoices);
  connect(node_, &QComboBox::currentIndexChanged, this,
          [this](int) { proxy_->setNode(node_->currentData().toString()); });
  connect(kind_, &QComboBox::currentIndexChanged, this,
          [this](int) { proxy_->setKind(kind_->currentData().toString()); });
  connect(text_, &QLineEdit::textChanged, proxy_, &EventFilterProxy::setText);
  // Follow the newest event unless the user scrolled up to read.
  connect(proxy_, &QAbstractItemModel::rowsInserted, this, [this] {
    QScrollBar* bar = table_->verticalScrollBar();
    if (bar->value() >= bar->maximum() - 2) table_->scrollToBottom();
  });
}

void EventLogWidget::refillChoices() {
  auto refill = [](QComboBox* box, const QString& all, const QStringList& items) {
    const QString current = box->currentData().toString();
    const QSignalBlocker block(box);
    box->clear();
    box->addItem(all, QString());
    for (const auto& item : items) box->addItem(item, item);
    box->setCurrentIndex(std::max(0, box->findData(current)));
  };
  refill(node_, tr("All nodes"), events_->nodes());
  refill(kind_, tr("All kinds"), events_->kinds());
}

}  // namespace edgelab::console
