#pragma once
// The console as the fleet's purge controller. A purge of the whole fleet is
// a fleet purge: it takes the next sequence of the fleet's journal (the
// lab's nodes follow a journal of their own per lab start; other nodes the
// console's journal, which --journal can point at edgelabd ctl's) so a node
// that misses it is caught up in order later. A purge of some nodes (the
// selection, a continent) is sent to those nodes alone, outside the sequence.
// Every purge goes into the history with each node's result and the origin's
// request rate before and just after, the cost of a purge the panel shows.
#include "api/purge_journal.hpp"
#include "models/fleet_model.hpp"
#include "models/purge_campaign.hpp"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>

namespace edgelab::console {

struct PurgeRun {
  qint64 history_id = 0;
  PurgeOrder order;
  QString targets;  // as the history shows it
  qint64 fleet_seq = 0;  // in the console's journal (0: not a fleet purge there)
  qint64 started_ms = 0;
  double origin_before = -1;  // origin fetches/s when the purge was sent
  double origin_after = -1;   // the highest in the 5 s after the first pass finished
  QPointer<PurgeCampaign> campaign;
};

class PurgeCoordinator : public QObject {
  Q_OBJECT
 public:
  // `journalPath`: the console's journal (history, and the sequence of nodes outside a lab).
  PurgeCoordinator(FleetModel* fleet, const QString& journalPath, QObject* parent = nullptr);
  ~PurgeCoordinator() override;

  // The lab's instance: its nodes' fleet purges go to a journal of their own beside the console's.
  void setLabInstance(const QString& instance);
  QString journalPath() const;
  QString labJournalPath() const;

  // `nodes`: names from the fleet; `fleetWide`: the whole fleet, in its sequence.
  void purge(const PurgeOrder& order, const QStringList& nodes, bool fleetWide, const QString& targetsLabel);
  const PurgeRun* current() const { return runs_.empty() ? nullptr : runs_.back().get(); }
  void loadHistory(int limit = 200);
  // Origin fetches per second now, from the nodes that go to the origin.
  double originRate() const;

 signals:
  void started(PurgeCampaign* campaign);
  void progressed();  // a node's row, the origin rate after, or the record changed
  void finished(const PurgeRun& run);
  void historyLoaded(const QList<PurgeRecord>& records, const QList<JournalEntry>& fleetPurges);
  void failed(const QString& message);

 private:
  void onAppended(const QString& tag, const JournalEntry& entry, const QList<JournalEntry>& backlog);
  void onAppendFailed(const QString& tag, const QString& message);
  void launch();
  void record(PurgeRun& run);

  QPointer<FleetModel> fleet_;
  std::unique_ptr<PurgeJournal> journal_;
  std::unique_ptr<PurgeJournal> lab_journal_;
  // Journals of earlier lab starts: kept, not destroyed (that would wait for their thread on the
  // GUI thread and drop an append in flight). One per lab restart in a session.
  std::vector<std::unique_ptr<PurgeJournal>> retired_journals_;
  QString lab_instance_;
  QString next_lab_instance_;  // seen while a purge was being journalled: applied after it
  std::vector<std::unique_ptr<PurgeRun>> runs_;  // the last is the panel's; older ones may still catch up
  std::vector<PurgeTarget> pending_targets_;
  PurgeOrder pending_order_;
  QString pending_label_;
  int pending_appends_ = 0;
  qint64 pending_fleet_seq_ = 0;
  int generation_ = 0;
  QHash<QString, PurgeRun*> recording_;  // journal tag -> run whose history row is being written
  QSet<PurgeRun*> dirty_;                // changed while its first write was on its way
};

}  // namespace edgelab::console
