#include "api/run_database_worker.hpp"

#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace edgelab::console {

RunDatabaseWorker::~RunDatabaseWorker() {
  for (const QString& name : connections_) {
    { QSqlDatabase::database(name, false).close(); }
    QSqlDatabase::removeDatabase(name);
  }
}

QString RunDatabaseWorker::connectionFor(const QString& path, QString& error) {
  const QString name = u"run-db:"_s + QFileInfo(path).absoluteFilePath();
  if (connections_.contains(name)) return name;
  if (!QFileInfo(path).isFile()) {
    error = tr("%1: no such file").arg(path);
    return {};
  }
  if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s)) {
    error = tr("the Qt SQLite driver is not installed (Debian: libqt6sql6-sqlite)");
    return {};
  }
  QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
  db.setDatabaseName(path);
  db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=3000"_s);
  if (!db.open()) {
    error = tr("%1: %2").arg(path, db.lastError().text());
    QSqlDatabase::removeDatabase(name);
    return {};
  }
  QSqlQuery check(db);
  if (!check.exec(u"SELECT count(*) FROM runs"_s)) {
    error = tr("%1 is not a lab run database: %2").arg(path, check.lastError().text());
    check = QSqlQuery();
    db.close();
    QSqlDatabase::removeDatabase(name);
    return {};
  }
  connections_ << name;
  return name;
}

void RunDatabaseWorker::listRuns(const QString& path) {
  QString error;
  const QString name = connectionFor(path, error);
  if (name.isEmpty()) return emit failed(path, error);
  QSqlQuery q(QSqlDatabase::database(name));
  if (!q.exec(u"SELECT id, topology, started_ms, settings, report FROM runs ORDER BY id"_s))
    return emit failed(path, q.lastError().text());
  QList<RunSummary> runs;
  while (q.next())
    runs.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                 QJsonDocument::fromJson(q.value(3).toByteArray()).object(),
                 QJsonDocument::fromJson(q.value(4).toByteArray()).object()});
  emit runsListed(path, runs);
}

void RunDatabaseWorker::loadRun(const QString& path, qint64 run) {
  QString error;
  const QString name = connectionFor(path, error);
  if (name.isEmpty()) return emit failed(path, error);
  QSqlDatabase db = QSqlDatabase::database(name);
  auto data = std::make_shared<RunData>();
  QSqlQuery q(db);
  q.prepare(u"SELECT id, topology, started_ms, settings, report FROM runs WHERE id = ?"_s);
  q.addBindValue(run);
  if (!q.exec() || !q.next()) return emit failed(path, tr("run %1 is not in %2").arg(run).arg(path));
  data->summary = {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                   QJsonDocument::fromJson(q.value(3).toByteArray()).object(),
                   QJsonDocument::fromJson(q.value(4).toByteArray()).object()};
  q.prepare(u"SELECT node, second, requests, l1_hits, l2_hits, misses, upstream_fetches, origin_fetches, errors, "
            "bytes_out, p50_us, p99_us FROM node_seconds WHERE run = ? ORDER BY node, second"_s);
  q.addBindValue(run);
  if (!q.exec()) return emit failed(path, q.lastError().text());
  while (q.next()) {
    NodeSecondRow row;
    row.second = q.value(1).toInt();
    row.requests = q.value(2).toDouble();
    row.l1_hits = q.value(3).toDouble();
    row.l2_hits = q.value(4).toDouble();
    row.misses = q.value(5).toDouble();
    row.upstream = q.value(6).toDouble();
    row.origin = q.value(7).toDouble();
    row.errors = q.value(8).toDouble();
    row.bytes_out = q.value(9).toDouble();
    row.p50_ms = q.value(10).toDouble() / 1000.0;
    row.p99_ms = q.value(11).toDouble() / 1000.0;
    data->duration_s = std::max(data->duration_s, row.second);
    data->seconds[q.value(0).toString()].append(row);
  }
  q.prepare(u"SELECT at_ms, what, target, detail FROM events WHERE run = ? ORDER BY seq"_s);
  q.addBindValue(run);
  if (!q.exec()) return emit failed(path, q.lastError().text());
  while (q.next())
    data->events.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
  emit runLoaded(path, std::move(data));
}

}  // namespace edgelab::console
