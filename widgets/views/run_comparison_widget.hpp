#pragma once
// Two finished runs side by side (before and after a change): per second
// since each run's start, origin offload and p99 of both; and their reports'
// headline figures with the difference.
#include "api/run_database_reader.hpp"

#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QTableView;
QT_END_NAMESPACE

namespace edgelab::console {

class RunComparisonWidget : public QWidget {
  Q_OBJECT
 public:
  explicit RunComparisonWidget(QWidget* parent = nullptr);
  void compare(std::shared_ptr<const RunData> a, std::shared_ptr<const RunData> b);
  QChart* chart() const;
  QTableView* figures() const { return figures_; }
  class RunComparisonModel* model() const { return model_; }

 private:
  QChartView* view_;
  QTableView* figures_;
  class RunComparisonModel* model_;
};

}  // namespace edgelab::console
