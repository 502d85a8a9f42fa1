#include "models/purge_coordinator.hpp"

#include "models/purge_progress_model.hpp"

#include <QDateTime>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {
constexpr int kOriginWatchMs = 5000;
}  // namespace

PurgeCoordinator::PurgeCoordinator(FleetModel* fleet, const QString& journalPath, QObject* parent)
    : QObject(parent), fleet_(fleet), journal_(std::make_unique<PurgeJournal>(journalPath)) {
  connect(journal_.get(), &PurgeJournal::appended, this, &PurgeCoordinator::onAppended);
  connect(journal_.get(), &PurgeJournal::failed, this, &PurgeCoordinator::onAppendFailed);
  connect(journal_.get(), &PurgeJournal::historyLoaded, this, &PurgeCoordinator::historyLoaded);
  connect(journal_.get(), &PurgeJournal::recorded, this, [this](const QString& tag, qint64 id) {
    if (PurgeRun* run = recording_.take(tag)) {
      run->history_id = id;
      if (dirty_.remove(run)) record(*run);
    }
    loadHistory();
  });
}

PurgeCoordinator::~PurgeCoordinator() = default;

QString PurgeCoordinator::journalPath() const { return journal_->path(); }
QString PurgeCoordinator::labJournalPath() const { return lab_journal_ ? lab_journal_->path() : QString(); }

void PurgeCoordinator::setLabInstance(const QString& instance) {
  if (instance == lab_instance_ || instance.isEmpty()) return;
  if (pending_appends_ > 0) {
    next_lab_instance_ = instance;  // after the purge being journalled now
    return;
  }
  lab_instance_ = instance;
  // A restarted lab's nodes start again at fleet purge 0: a journal per lab start.
  QString safe = instance;
  for (QChar& c : safe)
    if (!c.isLetterOrNumber() && c != u'-') c = u'_';
  const QString path = QFileInfo(journal_->path()).absolutePath() + u"/lab-"_s + safe + u".sqlite"_s;
  if (lab_journal_) retired_journals_.push_back(std::move(lab_journal_));
  lab_journal_ = std::make_unique<PurgeJournal>(path);
  connect(lab_journal_.get(), &PurgeJournal::appended, this, &PurgeCoordinator::onAppended);
  connect(lab_journal_.get(), &PurgeJournal::failed, this, &PurgeCoordinator::onAppendFailed);
}

void PurgeCoordinator::onAppendFailed(const QString& tag, const QString& message) {
  if (tag.startsWith(u"record-"_s)) {
    // The history row was not written: nothing waits for it any more.
    if (PurgeRun* run = recording_.take(tag)) dirty_.remove(run);
    return emit failed(message);
  }
  if (!tag.startsWith(u"append-%1-"_s.arg(generation_)) || pending_appends_ <= 0) return emit failed(message);
  // This journal's nodes cannot get the purge in sequence; the other journal's still do.
  const bool lab = tag.endsWith(u"-lab"_s);
  std::erase_if(pending_targets_, [&](const PurgeTarget& t) {
    const int row = fleet_ ? fleet_->rowOf(t.name) : -1;
    const bool fromLab = row >= 0 && fleet_->tierFigures(row).from_lab && lab_journal_;
    return fromLab == lab;
  });
  emit failed(message);
  if (--pending_appends_ > 0) return;
  if (!pending_targets_.empty()) launch();
  if (!next_lab_instance_.isEmpty()) setLabInstance(std::exchange(next_lab_instance_, {}));
}

double PurgeCoordinator::originRate() const {
  if (!fleet_) return -1;
  double viaUpstream = 0, shields = 0, edges = 0;
  bool upstreamKnown = false, anyShield = false;
  for (int i = 0; i < fleet_->rowCount(); ++i) {
    const TierFigures f = fleet_->tierFigures(i);
    if (f.upstream == u"origin"_s) {
      upstreamKnown = true;
      viaUpstream += f.upstream_per_s;
    }
    if (f.role == u"shield"_s) {
      anyShield = true;
      shields += f.upstream_per_s;
    } else {
      edges += f.upstream_per_s;
    }
  }
  return upstreamKnown ? viaUpstream : anyShield ? shields : edges;
}

void PurgeCoordinator::purge(const PurgeOrder& order, const QStringList& nodes, bool fleetWide,
                             const QString& targetsLabel) {
  if (!fleet_ || pending_appends_ > 0) return;
  ++generation_;
  pending_order_ = order;
  pending_label_ = targetsLabel;
  pending_targets_.clear();
  bool anyLab = false, anyOther = false;
  for (const QString& name : nodes) {
    const int row = fleet_->rowOf(name);
    if (row < 0) continue;
    const TierFigures f = fleet_->tierFigures(row);
    pending_targets_.push_back({.name = f.name, .role = f.role, .upstream = f.upstream, .client = fleet_->clientAt(row)});
    (f.from_lab ? anyLab : anyOther) = true;
  }
  if (pending_targets_.empty()) return emit failed(tr("no node to purge"));
  if (!fleetWide) return launch();
  // Each journal answers with the purge's sequence; the campaign starts when both have.
  const bool labJournal = anyLab && lab_journal_;
  pending_appends_ = (labJournal ? 1 : 0) + ((anyOther || (anyLab && !lab_journal_)) ? 1 : 0);
  const QString tag = u"append-%1"_s.arg(generation_);
  if (labJournal) lab_journal_->append(tag + u"-lab"_s, order.kind, order.value, order.soft);
  if (anyOther || (anyLab && !lab_journal_)) journal_->append(tag + u"-nodes"_s, order.kind, order.value, order.soft);
}

void PurgeCoordinator::onAppended(const QString& tag, const JournalEntry& entry, const QList<JournalEntry>& backlog) {
  if (!tag.startsWith(u"append-%1-"_s.arg(generation_)) || pending_appends_ <= 0) return;
  const bool lab = tag.endsWith(u"-lab"_s);
  auto shared = std::make_shared<const QList<JournalEntry>>(backlog);
  for (auto& target : pending_targets_) {
    const int row = fleet_ ? fleet_->rowOf(target.name) : -1;
    const bool fromLab = row >= 0 && fleet_->tierFigures(row).from_lab;
    if (fromLab == lab || (!lab && !lab_journal_)) {
      target.fleet_seq = entry.fleet_seq;
      target.backlog = shared;
    }
  }
  if (!lab) pending_fleet_seq_ = entry.fleet_seq;
  if (--pending_appends_ == 0) launch();
  if (pending_appends_ == 0 && !next_lab_instance_.isEmpty()) setLabInstance(std::exchange(next_lab_instance_, {}));
}

void PurgeCoordinator::launch() {
  auto run = std::make_unique<PurgeRun>();
  run->order = pending_order_;
  run->targets = pending_label_;
  run->started_ms = QDateTime::currentMSecsSinceEpoch();
  run->origin_before = originRate();
  run->fleet_seq = std::exchange(pending_fleet_seq_, 0);
  auto* campaign = new PurgeCampaign(pending_order_, std::move(pending_targets_), this);
  pending_targets_.clear();
  run->campaign = campaign;
  PurgeRun* raw = run.get();
  runs_.push_back(std::move(run));
  // Old runs go once nothing can touch them any more: first pass and origin watch over, not catching up.
  const qint64 now = QDateTime::currentMSecsSinceEpoch();
  while (runs_.size() > 100) {
    const PurgeRun& oldest = *runs_.front();
    if (!oldest.campaign || !oldest.campaign->finished() || oldest.campaign->catchingUp() ||
        now - oldest.started_ms < 60'000 || recording_.values().contains(runs_.front().get()))
      break;
    oldest.campaign->deleteLater();
    dirty_.remove(runs_.front().get());
    runs_.erase(runs_.begin());
  }
  connect(campaign, &PurgeCampaign::nodeChanged, this, &PurgeCoordinator::progressed);
  connect(campaign, &PurgeCampaign::finishedFirstPass, this, [this, raw] {
    emit progressed();
    record(*raw);  // in the history at once; again with the origin's rate after the watch
    // The thundering herd comes after the purge: watch the origin's rate for a few seconds.
    auto* watch = new QTimer(this);
    watch->setInterval(500);
    auto ticks = std::make_shared<int>(0);
    connect(watch, &QTimer::timeout, this, [this, raw, watch, ticks] {
      raw->origin_after = std::max(raw->origin_after, originRate());
      emit progressed();
      if (++*ticks * 500 < kOriginWatchMs) return;
      watch->deleteLater();
      record(*raw);
      emit finished(*raw);
    });
    watch->start();
  });
  connect(campaign, &PurgeCampaign::caughtUp, this, [this, raw] {
    emit progressed();
    record(*raw);
  });
  emit started(campaign);
  campaign->start();
}

void PurgeCoordinator::record(PurgeRun& run) {
  if (!run.campaign) return;
  if (run.history_id == 0 && recording_.values().contains(&run)) {
    dirty_.insert(&run);  // written again once its row has an id
    return;
  }
  PurgeRecord r;
  r.id = run.history_id;
  r.at_ms = run.started_ms;
  r.kind = run.order.kind;
  r.value = run.order.value;
  r.soft = run.order.soft;
  r.targets = run.targets;
  r.total_ms = run.campaign->totalMs();
  r.result = QJsonObject{{u"nodes"_s, PurgeProgressModel::toJson(run.campaign->nodes())},
                         {u"origin_before"_s, run.origin_before},
                         {u"origin_after"_s, run.origin_after},
                         {u"fleet_seq"_s, run.fleet_seq}};
  const QString tag = u"record-%1"_s.arg(reinterpret_cast<quintptr>(&run));
  if (run.history_id == 0) recording_.insert(tag, &run);
  journal_->record(tag, r);
}

void PurgeCoordinator::loadHistory(int limit) { journal_->loadHistory(limit); }

}  // namespace edgelab::console
