#pragma once
// Two finished runs' headline figures from their reports, side by side with
// the difference (b - a): requests, achieved rate, origin offload and
// requests, p50 and p99.
#include "api/run_database_reader.hpp"

#include <QAbstractTableModel>

#include <memory>

namespace edgelab::console {

class RunComparisonModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { FigureColumn, FirstRunColumn, SecondRunColumn, DifferenceColumn, ColumnCount };
  explicit RunComparisonModel(QObject* parent = nullptr);

  void compare(std::shared_ptr<const RunData> a, std::shared_ptr<const RunData> b);
  static QString runName(const RunData& run);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  struct Row {
    QString label;
    double a = -1, b = -1;
  };
  std::shared_ptr<const RunData> a_, b_;
  std::vector<Row> rows_;
};

}  // namespace edgelab::console
