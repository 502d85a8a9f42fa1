#include "views/purge_panel_widget.hpp"

#include "models/console_session.hpp"
#include "models/purge_history_model.hpp"
#include "models/purge_progress_model.hpp"
#include "models/region_catalogue.hpp"
#include "models/units.hpp"
#include "views/table_setup.hpp"
#include "views/waterfall_delegate.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QDateTime>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {
constexpr double kFastlyGlobalPurgeMs = 150;  // Fastly's published global purge time
constexpr int kMarksKeptMs = 15'000;

}  // namespace

PurgePanelWidget::PurgePanelWidget(ConsoleSession* session, QItemSelectionModel* selection, QWidget* parent)
    : QWidget(parent), session_(session), selection_(selection) {
  progress_ = new PurgeProgressModel(this);
  history_ = new PurgeHistoryModel(this);
  kind_ = new QComboBox(this);
  kind_->setObjectName(u"purgeKind"_s);
  kind_->addItem(tr("Tag"), u"tag"_s);
  kind_->addItem(tr("URL"), u"url"_s);
  kind_->addItem(tr("URL prefix"), u"prefix"_s);
  kind_->addItem(tr("Everything"), u"all"_s);
  value_ = new QLineEdit(this);
  value_->setObjectName(u"purgeValue"_s);
  soft_ = new QCheckBox(tr("Soft (mark stale, revalidate)"), this);
  soft_->setObjectName(u"purgeSoft"_s);
  targets_ = new QComboBox(this);
  targets_->setObjectName(u"purgeTargets"_s);
  targets_->addItems({tr("The whole fleet"), tr("The selected nodes"), tr("One continent"), tr("Nodes outside the lab")});
  continent_ = new QComboBox(this);
  continent_->setObjectName(u"purgeContinent"_s);
  send_ = new QPushButton(tr("Purge"), this);
  send_->setObjectName(u"purgeSend"_s);
  summary_ = new QLabel(tr("No purge sent yet"), this);
  summary_->setObjectName(u"purgeSummary"_s);
  summary_->setWordWrap(true);
  comparison_ = new QLabel(this);
  comparison_->setObjectName(u"purgeComparison"_s);
  comparison_->setWordWrap(true);
  origin_ = new QLabel(this);
  origin_->setObjectName(u"purgeOrigin"_s);
  origin_->setWordWrap(true);

  auto* what = new QHBoxLayout;
  what->addWidget(kind_);
  what->addWidget(value_, 1);
  what->addWidget(soft_);
  auto* where = new QHBoxLayout;
  where->addWidget(targets_);
  where->addWidget(continent_);
  where->addStretch(1);
  where->addWidget(send_);
  auto* form = new QFormLayout;
  form->addRow(tr("Purge"), what);
  form->addRow(tr("On"), where);

  waterfall_ = TableSetup::create(this, u"purgeWaterfall"_s);
  waterfall_->setModel(progress_);
  waterfall_->setItemDelegateForColumn(PurgeProgressModel::WaterfallColumn, new WaterfallDelegate(waterfall_));
  // Fixed widths: sizing columns to their contents on every update of 55 rows stalls the window
  // during a purge (>100 ms frames on world50); they are fitted once when the first pass ends.
  waterfall_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  waterfall_->horizontalHeader()->setStretchLastSection(true);
  const int em = fontMetrics().height();
  for (auto [column, ems] : {std::pair{PurgeProgressModel::NodeColumn, 11}, {PurgeProgressModel::RoleColumn, 4},
                             {PurgeProgressModel::StateColumn, 9}, {PurgeProgressModel::AckColumn, 6},
                             {PurgeProgressModel::VerifiedColumn, 6}, {PurgeProgressModel::InvalidatedColumn, 7},
                             {PurgeProgressModel::WaterfallColumn, 12}})
    waterfall_->setColumnWidth(column, em * ems);
  history_view_ = TableSetup::create(this, u"purgeHistory"_s);
  history_view_->setModel(history_);
  history_view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  history_view_->setToolTip(tr("Double-click a purge to see its result per node again"));
  auto* historyPane = new QWidget(this);
  auto* historyLayout = new QVBoxLayout(historyPane);
  historyLayout->setContentsMargins(0, 0, 0, 0);
  historyLayout->addWidget(new QLabel(tr("History (double-click to reopen)"), historyPane));
  historyLayout->addWidget(history_view_, 1);
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(waterfall_);
  split->addWidget(historyPane);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 1);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(summary_);
  layout->addWidget(comparison_);
  layout->addWidget(origin_);
  layout->addWidget(split, 1);

  confirm_ = [this](const QString& question) {
    return QMessageBox::warning(this, tr("Purge everything"), question, QMessageBox::Yes | QMessageBox::Cancel,
                                QMessageBox::Cancel) == QMessageBox::Yes;
  };
  clear_marks_.setSingleShot(true);
  clear_marks_.setInterval(kMarksKeptMs);
  connect(&clear_marks_, &QTimer::timeout, this, [this] { emit marksChanged(u"purge"_s, {}); });
  connect(kind_, &QComboBox::currentIndexChanged, this, &PurgePanelWidget::updateForm);
  connect(targets_, &QComboBox::currentIndexChanged, this, &PurgePanelWidget::updateForm);
  connect(value_, &QLineEdit::returnPressed, this, &PurgePanelWidget::send);
  connect(send_, &QPushButton::clicked, this, &PurgePanelWidget::send);
  connect(history_view_, &QTableView::doubleClicked, this, [this](const QModelIndex& i) { reopen(i.row()); });

  PurgeCoordinator& purges = session->purges();
  connect(&purges, &PurgeCoordinator::started, this, &PurgePanelWidget::onStarted);
  // Figures and map marks follow the purge at most every 50 ms, however fast the answers come.
  refresh_batch_.setSingleShot(true);
  refresh_batch_.setInterval(50);
  connect(&refresh_batch_, &QTimer::timeout, this, &PurgePanelWidget::refresh);
  connect(&purges, &PurgeCoordinator::progressed, this, [this] {
    if (!refresh_batch_.isActive()) refresh_batch_.start();
  });

  connect(&purges, &PurgeCoordinator::historyLoaded, history_, &PurgeHistoryModel::setHistory);
  connect(&purges, &PurgeCoordinator::failed, this, [this](const QString& message) {
    summary_->setText(tr("Purge not sent: %1").arg(message));
    send_->setEnabled(true);
  });
  connect(&session->fleet(), &QAbstractItemModel::rowsInserted, this, &PurgePanelWidget::updateForm);
  if (const PurgeRun* run = purges.current(); run && run->campaign) onStarted(run->campaign);
  purges.loadHistory();
  updateForm();
}

void PurgePanelWidget::updateForm() {
  const QString kind = kind_->currentData().toString();
  value_->setEnabled(kind != u"all"_s);
  value_->setPlaceholderText(kind == u"tag"_s      ? tr("a tag, e.g. news")
                             : kind == u"url"_s    ? tr("http://host/path")
                             : kind == u"prefix"_s ? tr("http://host/path/")
                                                   : tr("every object on the targets"));
  // Continents the fleet has nodes on.
  QSet<QString> seen;
  if (session_)
    for (int i = 0; i < session_->fleet().rowCount(); ++i)
      if (auto region = RegionCatalogue::instance().find(session_->fleet().tierFigures(i).region))
        seen.insert(region->continent);
  QStringList continents(seen.begin(), seen.end());
  continents.sort();
  const QString current = continent_->currentText();
  if (continents != QStringList([&] {
        QStringList items;
        for (int i = 0; i < continent_->count(); ++i) items << continent_->itemText(i);
        return items;
      }())) {
    continent_->clear();
    continent_->addItems(continents);
    continent_->setCurrentText(current);
  }
  continent_->setVisible(targets_->currentIndex() == 2);
}

QStringList PurgePanelWidget::targetNodes(int targets, const QString& continent, QString* label) const {
  QStringList names;
  if (!session_) return names;
  FleetModel& fleet = session_->fleet();
  if (targets == 1 && selection_) {
    for (const QModelIndex& i : selection_->selectedRows()) names << fleet.nameAt(i.row());
    *label = tr("selected: %1").arg(names.join(u", "_s));
    return names;
  }
  for (int i = 0; i < fleet.rowCount(); ++i) {
    const TierFigures f = fleet.tierFigures(i);
    if (targets == 2) {
      const auto region = RegionCatalogue::instance().find(f.region);
      if (!region || region->continent != continent) continue;
    }
    if (targets == 3 && f.from_lab) continue;
    names << f.name;
  }
  *label = targets == 0 ? tr("fleet") : targets == 2 ? tr("continent %1").arg(continent) : tr("outside the lab");
  return names;
}

void PurgePanelWidget::purge(const QString& kind, const QString& value, bool soft, int targets,
                             const QString& continent) {
  kind_->setCurrentIndex(kind_->findData(kind));
  value_->setText(value);
  soft_->setChecked(soft);
  targets_->setCurrentIndex(targets);
  if (!continent.isEmpty()) continent_->setCurrentText(continent);
  send();
}

void PurgePanelWidget::send() {
  if (!session_ || !send_->isEnabled()) return;
  PurgeOrder order{kind_->currentData().toString(), value_->text().trimmed(), soft_->isChecked()};
  if (order.kind == u"all"_s) order.value.clear();
  if (order.kind != u"all"_s && order.value.isEmpty()) {
    summary_->setText(tr("Say what to purge: a %1").arg(kind_->currentText()));
    return;
  }
  QString label;
  const QStringList nodes = targetNodes(targets_->currentIndex(), continent_->currentText(), &label);
  if (nodes.isEmpty()) {
    summary_->setText(tr("No node to purge: %1").arg(label));
    return;
  }
  if (order.kind == u"all"_s) {
    const QLocale locale;
    double clientRate = 0;
    for (const QString& name : nodes)
      clientRate += session_->fleet().tierFigures(session_->fleet().rowOf(name)).requests_per_s;
    const QString question =
        order.soft
            ? tr("Mark every object on %n node(s) stale? Each next request revalidates with the origin (a 304 "
                 "when unchanged): the origin will see up to %1 conditional requests/s, against %2 fetches/s now.",
                 nullptr, static_cast<int>(nodes.size()))
                  .arg(locale.toString(clientRate, 'f', 0), locale.toString(session_->purges().originRate(), 'f', 0))
            : tr("Drop every object on %n node(s)? Every request misses until the caches refill: the origin will "
                 "see up to %1 full fetches/s, against %2 now. A soft purge revalidates instead.",
                 nullptr, static_cast<int>(nodes.size()))
                  .arg(locale.toString(clientRate, 'f', 0), locale.toString(session_->purges().originRate(), 'f', 0));
    if (!confirm_(question)) return;
  }
  send_->setEnabled(false);
  summary_->setText(tr("Sending…"));
  session_->purges().purge(order, nodes, targets_->currentIndex() == 0, label);
}

void PurgePanelWidget::onStarted(PurgeCampaign* campaign) {
  campaign_ = campaign;
  // Columns fitted once, when every row has its figures.
  connect(campaign, &PurgeCampaign::finishedFirstPass, waterfall_,
          [this] { QTimer::singleShot(60, waterfall_, [this] { waterfall_->resizeColumnsToContents(); }); });
  progress_->follow(campaign);
  clear_marks_.stop();
  refresh();
}

QString PurgePanelWidget::summaryText() const { return summary_->text(); }

void PurgePanelWidget::refresh() {
  const PurgeRun* run = session_ ? session_->purges().current() : nullptr;
  if (!run || !run->campaign) return;
  const PurgeCampaign& c = *run->campaign;
  int verified = 0, failed = 0, pending = 0, caught = 0, still = 0;
  double lastEviction = -1;
  for (const auto& n : c.nodes()) {
    using S = NodePurgeProgress::State;
    if (n.state == S::verified) ++verified;
    if (n.state == S::caught_up) ++caught;
    if (n.state == S::failed) ++failed;
    if (n.state == S::still_cached) ++still;
    if (n.state == S::waiting || n.state == S::sent || n.state == S::acknowledged) ++pending;
    lastEviction = std::max(lastEviction, n.verified_ms);
  }
  const QString what = run->order.kind == u"all"_s
                           ? PurgeCampaign::kindLabel(run->order.kind)
                           : PurgeCampaign::kindLabel(run->order.kind) + u" "_s + run->order.value;
  QStringList parts{tr("%1 verified").arg(verified)};
  if (pending) parts << tr("%1 in progress").arg(pending);
  if (failed) parts << tr("%1 failed (trying again)").arg(failed);
  if (caught) parts << tr("%1 caught up later").arg(caught);
  if (still) parts << tr("%1 STILL CACHED").arg(still);
  summary_->setText(tr("Purge of %1 (%2) on %n node(s), %3: %4", nullptr, static_cast<int>(c.nodes().size()))
                        .arg(what, run->order.soft ? tr("soft") : tr("hard"), run->targets, parts.join(u", "_s)));
  comparison_->setText(
      c.finished() ? tr("Last verified eviction after %1 · Fastly publishes about %2 for a global purge")
                         .arg(Units::millis(lastEviction), Units::millis(kFastlyGlobalPurgeMs))
                   : tr("Running for %1…").arg(Units::millis(c.elapsedMs())));
  const QLocale locale;
  origin_->setText(
      run->origin_after < 0
          ? tr("Origin fetches: %1/s when sent").arg(locale.toString(run->origin_before, 'f', 0))
          : tr("Origin fetches: %1/s when sent → up to %2/s in the 5 s after (%3)")
                .arg(locale.toString(run->origin_before, 'f', 0), locale.toString(run->origin_after, 'f', 0),
                     run->order.soft ? tr("soft: stale copies are revalidated, mostly 304s")
                                     : tr("hard: what was dropped is fetched again in full")));
  send_->setEnabled(c.finished());
  publishMarks();
  if (c.finished() && !c.catchingUp() && !clear_marks_.isActive()) clear_marks_.start();
}

void PurgePanelWidget::publishMarks() {
  QHash<QString, MapMark> marks;
  for (const auto& n : progress_->nodes()) {
    using S = NodePurgeProgress::State;
    const QColor colour = PurgeProgressModel::stateColour(n.state);
    switch (n.state) {
      case S::waiting: break;
      case S::sent: marks.insert(n.name, {.colour = colour, .style = MapMark::Style::ring}); break;
      case S::acknowledged: marks.insert(n.name, {.colour = colour, .style = MapMark::Style::flash}); break;
      case S::verified:
      case S::caught_up:
      case S::still_cached: marks.insert(n.name, {.colour = colour, .style = MapMark::Style::solid}); break;
      case S::failed: marks.insert(n.name, {.colour = colour, .style = MapMark::Style::cross}); break;
    }
  }
  emit marksChanged(u"purge"_s, marks);
}

void PurgePanelWidget::reopen(int historyRow) {
  const PurgeRecord* record = history_->recordAt(historyRow);
  if (!record) return;
  campaign_ = nullptr;
  progress_->show(record->result);
  const QLocale locale;
  summary_->setText(tr("Purge of %1 %2 (%3) on %4, sent %5")
                        .arg(PurgeCampaign::kindLabel(record->kind), record->value, record->soft ? tr("soft") : tr("hard"),
                             record->targets,
                             locale.toString(QDateTime::fromMSecsSinceEpoch(record->at_ms), QLocale::ShortFormat)));
  comparison_->setText(tr("Last verified eviction after %1 · Fastly publishes about %2 for a global purge")
                           .arg(Units::millis(record->total_ms), Units::millis(kFastlyGlobalPurgeMs)));
  origin_->setText(tr("Origin fetches: %1/s when sent → up to %2/s in the 5 s after")
                       .arg(locale.toString(record->result.value(u"origin_before"_s).toDouble(), 'f', 0),
                            locale.toString(record->result.value(u"origin_after"_s).toDouble(), 'f', 0)));
  publishMarks();
  clear_marks_.start();
}

}  // namespace edgelab::console
