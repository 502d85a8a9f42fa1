#include "api/purge_journal.hpp"

#include "api/purge_journal_worker.hpp"

namespace edgelab::console {

PurgeJournal::PurgeJournal(const QString& path, QObject* parent) : QObject(parent), path_(path) {
  qRegisterMetaType<JournalEntry>();
  qRegisterMetaType<PurgeRecord>();
  qRegisterMetaType<QList<JournalEntry>>();
  qRegisterMetaType<QList<PurgeRecord>>();
  worker_ = new PurgeJournalWorker(path);
  worker_->moveToThread(&thread_);
  connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
  connect(worker_, &PurgeJournalWorker::appended, this, &PurgeJournal::appended);
  connect(worker_, &PurgeJournalWorker::recorded, this, &PurgeJournal::recorded);
  connect(worker_, &PurgeJournalWorker::historyLoaded, this, &PurgeJournal::historyLoaded);
  connect(worker_, &PurgeJournalWorker::failed, this, &PurgeJournal::failed);
  thread_.setObjectName(QStringLiteral("purge-journal"));
  thread_.start();
}

PurgeJournal::~PurgeJournal() {
  thread_.quit();
  thread_.wait();  // the worker's last commit finishes; it holds nothing that waits on the GUI
}

void PurgeJournal::append(const QString& tag, const QString& kind, const QString& value, bool soft) {
  QMetaObject::invokeMethod(worker_, "append", Qt::QueuedConnection, Q_ARG(QString, tag), Q_ARG(QString, kind),
                            Q_ARG(QString, value), Q_ARG(bool, soft));
}

void PurgeJournal::record(const QString& tag, const PurgeRecord& record) {
  QMetaObject::invokeMethod(worker_, "record", Qt::QueuedConnection, Q_ARG(QString, tag),
                            Q_ARG(edgelab::console::PurgeRecord, record));
}

void PurgeJournal::loadHistory(int limit) {
  QMetaObject::invokeMethod(worker_, "loadHistory", Qt::QueuedConnection, Q_ARG(int, limit));
}

}  // namespace edgelab::console
