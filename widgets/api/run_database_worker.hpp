#pragma once
// RunDatabaseReader's other half, on the reader's thread with its own
// connections (one per file, opened read-only).
#include "api/run_database_reader.hpp"

namespace edgelab::console {

class RunDatabaseWorker : public QObject {
  Q_OBJECT
 public:
  ~RunDatabaseWorker() override;

 public slots:
  void listRuns(const QString& path);
  void loadRun(const QString& path, qint64 run);

 signals:
  void runsListed(const QString& path, const QList<edgelab::console::RunSummary>& runs);
  void runLoaded(const QString& path, std::shared_ptr<const edgelab::console::RunData> run);
  void failed(const QString& path, const QString& message);

 private:
  QString connectionFor(const QString& path, QString& error);
  QStringList connections_;
};

}  // namespace edgelab::console
