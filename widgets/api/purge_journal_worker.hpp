#pragma once
// PurgeJournal's other half: lives on the journal's thread and owns its
// SQLite connection (a Qt SQL connection belongs to the thread that made it).
#include "api/purge_journal.hpp"

#include <QSqlDatabase>

namespace edgelab::console {

class PurgeJournalWorker : public QObject {
  Q_OBJECT
 public:
  explicit PurgeJournalWorker(QString path) : path_(std::move(path)) {}
  ~PurgeJournalWorker() override;

 public slots:
  void append(const QString& tag, const QString& kind, const QString& value, bool soft);
  void record(const QString& tag, const edgelab::console::PurgeRecord& record);
  void loadHistory(int limit);

 signals:
  void appended(const QString& tag, const edgelab::console::JournalEntry& entry,
                const QList<edgelab::console::JournalEntry>& backlog);
  void recorded(const QString& tag, qint64 id);
  void historyLoaded(const QList<edgelab::console::PurgeRecord>& records,
                     const QList<edgelab::console::JournalEntry>& fleetPurges);
  void failed(const QString& tag, const QString& message);

 private:
  bool open(QString& error);
  QList<JournalEntry> fleetPurges(qint64 after, int limit, QString& error);

  QString path_;
  QString connection_;
  bool opened_ = false;
};

}  // namespace edgelab::console
