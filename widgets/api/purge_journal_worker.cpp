#include "api/purge_journal_worker.hpp"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {
// Entries a lagging node may be sent again; a node further behind is reported, not replayed.
constexpr int kBacklogLimit = 1000;
}  // namespace

PurgeJournalWorker::~PurgeJournalWorker() {
  if (connection_.isEmpty()) return;
  { QSqlDatabase::database(connection_, false).close(); }
  QSqlDatabase::removeDatabase(connection_);
}

bool PurgeJournalWorker::open(QString& error) {
  if (opened_) return true;
  if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s)) {
    error = tr("the Qt SQLite driver is not installed (Debian: libqt6sql6-sqlite)");
    return false;
  }
  QDir().mkpath(QFileInfo(path_).absolutePath());
  connection_ = u"purge-journal-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
  QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection_);
  db.setDatabaseName(path_);
  db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=3000"_s);  // ctl may be writing the same file
  if (!db.open()) {
    error = tr("%1: %2").arg(path_, db.lastError().text());
    return false;
  }
  QSqlQuery q(db);
  // fleet_purges is exactly edgelabd ctl's table, so both can share one file.
  for (const QString& sql :
       {u"CREATE TABLE IF NOT EXISTS fleet_purges(seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, value TEXT NOT NULL, "
        "soft INTEGER NOT NULL, at_ms INTEGER NOT NULL)"_s,
        u"CREATE TABLE IF NOT EXISTS console_purges(id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL, kind TEXT NOT "
        "NULL, value TEXT NOT NULL, soft INTEGER NOT NULL, targets TEXT NOT NULL, total_ms REAL NOT NULL, result "
        "TEXT NOT NULL)"_s}) {
    if (!q.exec(sql)) {
      error = tr("%1: %2").arg(path_, q.lastError().text());
      return false;
    }
  }
  opened_ = true;
  return true;
}

QList<JournalEntry> PurgeJournalWorker::fleetPurges(qint64 after, int limit, QString& error) {
  QList<JournalEntry> out;
  QSqlQuery q(QSqlDatabase::database(connection_));
  q.prepare(u"SELECT seq, kind, value, soft, at_ms FROM fleet_purges WHERE seq > ? ORDER BY seq DESC LIMIT ?"_s);
  q.addBindValue(after);
  q.addBindValue(limit);
  if (!q.exec()) {
    error = q.lastError().text();
    return out;
  }
  while (q.next())
    out.prepend({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toBool(),
                 q.value(4).toLongLong()});
  return out;
}

void PurgeJournalWorker::append(const QString& tag, const QString& kind, const QString& value, bool soft) {
  QString error;
  if (!open(error)) return emit failed(tag, error);
  QSqlDatabase db = QSqlDatabase::database(connection_);
  QSqlQuery q(db);
  q.prepare(u"INSERT INTO fleet_purges(kind, value, soft, at_ms) VALUES(?, ?, ?, ?) RETURNING seq"_s);
  const qint64 at = QDateTime::currentMSecsSinceEpoch();
  // A purge of everything has no value: an empty text, never NULL (ctl's table says NOT NULL).
  q.addBindValue(kind);
  q.addBindValue(value.isNull() ? u""_s : value);
  q.addBindValue(soft ? 1 : 0);
  q.addBindValue(at);
  if (!q.exec() || !q.next()) return emit failed(tag, tr("journal %1: %2").arg(path_, q.lastError().text()));
  const JournalEntry entry{q.value(0).toLongLong(), kind, value, soft, at};
  q.finish();
  QList<JournalEntry> backlog = fleetPurges(std::max<qint64>(0, entry.fleet_seq - 1 - kBacklogLimit),
                                            kBacklogLimit + 1, error);
  if (!backlog.isEmpty() && backlog.last().fleet_seq == entry.fleet_seq) backlog.removeLast();
  emit appended(tag, entry, backlog);
}

void PurgeJournalWorker::record(const QString& tag, const PurgeRecord& record) {
  QString error;
  if (!open(error)) return emit failed(tag, error);
  QSqlQuery q(QSqlDatabase::database(connection_));
  const QString result = QString::fromUtf8(QJsonDocument(record.result).toJson(QJsonDocument::Compact));
  if (record.id == 0) {
    q.prepare(u"INSERT INTO console_purges(at_ms, kind, value, soft, targets, total_ms, result) "
              "VALUES(?, ?, ?, ?, ?, ?, ?) RETURNING id"_s);
    for (const QVariant& v : {QVariant(record.at_ms), QVariant(record.kind), QVariant(record.value.isNull() ? u""_s : record.value),
                              QVariant(record.soft ? 1 : 0), QVariant(record.targets), QVariant(record.total_ms),
                              QVariant(result)})
      q.addBindValue(v);
    if (!q.exec() || !q.next()) return emit failed(tag, tr("journal %1: %2").arg(path_, q.lastError().text()));
    return emit recorded(tag, q.value(0).toLongLong());
  }
  q.prepare(u"UPDATE console_purges SET total_ms = ?, result = ? WHERE id = ?"_s);
  q.addBindValue(record.total_ms);
  q.addBindValue(result);
  q.addBindValue(record.id);
  if (!q.exec()) return emit failed(tag, tr("journal %1: %2").arg(path_, q.lastError().text()));
  emit recorded(tag, record.id);
}

void PurgeJournalWorker::loadHistory(int limit) {
  QString error;
  if (!open(error)) return emit failed(QString(), error);
  QList<PurgeRecord> records;
  QSqlQuery q(QSqlDatabase::database(connection_));
  q.prepare(u"SELECT id, at_ms, kind, value, soft, targets, total_ms, result FROM console_purges "
            "ORDER BY id DESC LIMIT ?"_s);
  q.addBindValue(limit);
  if (!q.exec()) return emit failed(QString(), tr("journal %1: %2").arg(path_, q.lastError().text()));
  while (q.next()) {
    PurgeRecord r{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString(),
                  q.value(5).toString(),   q.value(4).toBool(),     q.value(6).toDouble(),
                  QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object()};
    records.append(std::move(r));
  }
  emit historyLoaded(records, fleetPurges(0, limit, error));
}

}  // namespace edgelab::console
