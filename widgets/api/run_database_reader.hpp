#pragma once
// A lab run database (edgelabd lab --run-db FILE), read on a thread of its
// own: the runs it holds, and one run whole (every node's seconds, the
// events, the report), for the replay. Read only: the file is never changed.
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QThread>
#include <QVector>

#include <memory>

namespace edgelab::console {

struct RunSummary {
  qint64 id = 0;
  QString topology;
  qint64 started_ms = 0;
  QJsonObject settings, report;  // report empty: the run never finished
};

struct NodeSecondRow {
  int second = 0;  // 1: the run's first second
  double requests = 0, l1_hits = 0, l2_hits = 0, misses = 0, upstream = 0, origin = 0, errors = 0, bytes_out = 0;
  double p50_ms = 0, p99_ms = 0;
};

struct RunEventRow {
  qint64 at_ms = 0;
  QString what, target, detail;
};

struct RunData {
  RunSummary summary;
  QMap<QString, QVector<NodeSecondRow>> seconds;  // node -> its seconds, in order
  QVector<RunEventRow> events;
  int duration_s = 0;  // the last second any node has
};

class RunDatabaseWorker;

class RunDatabaseReader : public QObject {
  Q_OBJECT
 public:
  explicit RunDatabaseReader(QObject* parent = nullptr);
  ~RunDatabaseReader() override;

  void listRuns(const QString& path);
  void loadRun(const QString& path, qint64 run);

 signals:
  void runsListed(const QString& path, const QList<edgelab::console::RunSummary>& runs);
  void runLoaded(const QString& path, std::shared_ptr<const edgelab::console::RunData> run);
  void failed(const QString& path, const QString& message);

 private:
  QThread thread_;
  RunDatabaseWorker* worker_;
};

}  // namespace edgelab::console

Q_DECLARE_METATYPE(edgelab::console::RunSummary)
Q_DECLARE_METATYPE(std::shared_ptr<const edgelab::console::RunData>)
