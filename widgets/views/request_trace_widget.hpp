#pragma once
// Request traces: the lab's sampled requests as they come (pause to read),
// and the one picked followed through the tiers: each hop, the round trip of
// each leg, the rest of the time on the hop that answered, and Cache-Status
// decoded member by member.
#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QLabel;
class QTableView;
QT_END_NAMESPACE

namespace edgelab::console {

class ConsoleSession;
class RecentRequestsModel;
class RequestTraceModel;

class RequestTraceWidget : public QWidget {
  Q_OBJECT
 public:
  explicit RequestTraceWidget(ConsoleSession* session, QWidget* parent = nullptr);
  RecentRequestsModel* recent() const { return recent_; }
  RequestTraceModel* trace() const { return trace_; }
  void showTrace(int recentRow);
  QString summary() const;

 private:
  QPointer<ConsoleSession> session_;
  RecentRequestsModel* recent_;
  RequestTraceModel* trace_;
  QTableView* recent_view_;
  QTableView* trace_view_;
  QCheckBox* pause_;
  QLabel* summary_;
  QLabel* raw_;
};

}  // namespace edgelab::console
