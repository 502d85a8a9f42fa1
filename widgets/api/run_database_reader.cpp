#include "api/run_database_reader.hpp"

#include "api/run_database_worker.hpp"

namespace edgelab::console {

RunDatabaseReader::RunDatabaseReader(QObject* parent) : QObject(parent) {
  qRegisterMetaType<RunSummary>();
  qRegisterMetaType<QList<RunSummary>>();
  qRegisterMetaType<std::shared_ptr<const RunData>>();
  worker_ = new RunDatabaseWorker;
  worker_->moveToThread(&thread_);
  connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
  connect(worker_, &RunDatabaseWorker::runsListed, this, &RunDatabaseReader::runsListed);
  connect(worker_, &RunDatabaseWorker::runLoaded, this, &RunDatabaseReader::runLoaded);
  connect(worker_, &RunDatabaseWorker::failed, this, &RunDatabaseReader::failed);
  thread_.setObjectName(QStringLiteral("run-database"));
  thread_.start();
}

RunDatabaseReader::~RunDatabaseReader() {
  thread_.quit();
  thread_.wait();
}

void RunDatabaseReader::listRuns(const QString& path) {
  QMetaObject::invokeMethod(worker_, "listRuns", Qt::QueuedConnection, Q_ARG(QString, path));
}

void RunDatabaseReader::loadRun(const QString& path, qint64 run) {
  QMetaObject::invokeMethod(worker_, "loadRun", Qt::QueuedConnection, Q_ARG(QString, path), Q_ARG(qint64, run));
}

}  // namespace edgelab::console
