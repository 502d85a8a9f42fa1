#pragma once
// Every event the console hears of, newest last: nodes' /admin/v1/events, the
// lab's events (faults, health, traffic) and the console's own health
// verdicts. Bounded: the oldest rows go once it holds `capacity`.
#include <QAbstractTableModel>

#include <deque>

namespace edgelab::console {

class EventLogModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { TimeColumn, NodeColumn, KindColumn, MessageColumn, ColumnCount };
  enum DataRole { TimeMsRole = Qt::UserRole + 1 };

  explicit EventLogModel(int capacity = 5000, QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  void append(qint64 timeMs, const QString& node, const QString& kind, const QString& message);
  QStringList kinds() const;  // every kind seen, sorted
  QStringList nodes() const;

 signals:
  void kindsChanged();
  void nodesChanged();

 private:
  struct Event {
    qint64 time_ms;
    QString node, kind, message;
  };
  int capacity_;
  std::deque<Event> events_;
  QStringList kinds_;
  QStringList nodes_;
};

}  // namespace edgelab::console
