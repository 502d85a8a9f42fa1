#pragma once
// Past purges, newest first: the console's own (each with every node's
// result, reopenable) and the fleet purges another controller (edgelabd ctl
// on the same journal) wrote, which have no per-node result here.
#include "api/purge_journal.hpp"

#include <QAbstractTableModel>

namespace edgelab::console {

class PurgeHistoryModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { WhenColumn, KindColumn, ValueColumn, ModeColumn, TargetsColumn, NodesColumn, TotalColumn,
                OriginColumn, ColumnCount };
  enum DataRole { HasResultRole = Qt::UserRole + 1 };

  explicit PurgeHistoryModel(QObject* parent = nullptr);
  void setHistory(const QList<PurgeRecord>& records, const QList<JournalEntry>& fleetPurges);
  // The record behind a row; nullptr for another controller's fleet purge.
  const PurgeRecord* recordAt(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  struct Row {
    PurgeRecord record;
    bool ours = true;
    qint64 fleet_seq = 0;
    int nodes = 0, done = 0;
  };
  std::vector<Row> rows_;
};

}  // namespace edgelab::console
