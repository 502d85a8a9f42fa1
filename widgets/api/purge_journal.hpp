#pragma once
// The console's record of purges, in SQLite on a thread of its own (a commit
// waits for the disk; the GUI thread must not). The file holds the table
// `edgelabd ctl` keeps (`fleet_purges`: the fleet sequence every node applies
// in order), so the console and ctl can share a journal with --journal, and
// the console's own history: each purge it sent, its targets and every
// node's result, so an old purge can be reopened.
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QThread>

namespace edgelab::console {

struct JournalEntry {
  qint64 fleet_seq = 0;
  QString kind, value;
  bool soft = false;
  qint64 at_ms = 0;
};

struct PurgeRecord {
  qint64 id = 0;  // the console's history id
  qint64 at_ms = 0;
  QString kind, value, targets;  // targets: "fleet", "selected", "region eu-west-3"
  bool soft = false;
  double total_ms = -1;          // to the last verified eviction; -1 unfinished
  QJsonObject result;            // {"nodes":[...], "origin_before","origin_after"}
};

class PurgeJournalWorker;

class PurgeJournal : public QObject {
  Q_OBJECT
 public:
  // `path` is created when missing. Errors arrive as failed().
  explicit PurgeJournal(const QString& path, QObject* parent = nullptr);
  ~PurgeJournal() override;
  QString path() const { return path_; }

  // A fleet purge: its sequence comes back with appended(), with the entries
  // since `afterSeq` (for nodes that must catch up).
  void append(const QString& tag, const QString& kind, const QString& value, bool soft);
  // The console's history.
  void record(const QString& tag, const PurgeRecord& record);  // id 0: new; recorded() tells the id
  void loadHistory(int limit);

 signals:
  void appended(const QString& tag, const JournalEntry& entry, const QList<JournalEntry>& backlog);
  void recorded(const QString& tag, qint64 id);
  void historyLoaded(const QList<PurgeRecord>& records, const QList<JournalEntry>& fleetPurges);
  void failed(const QString& tag, const QString& message);

 private:
  QString path_;
  QThread thread_;
  PurgeJournalWorker* worker_;
};

}  // namespace edgelab::console

Q_DECLARE_METATYPE(edgelab::console::JournalEntry)
Q_DECLARE_METATYPE(edgelab::console::PurgeRecord)
