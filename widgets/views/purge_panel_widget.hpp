#pragma once
// The purge panel: what to purge (URL, prefix, tag, everything; hard or soft)
// and where (the whole fleet, the selected nodes, a continent, the nodes
// outside the lab); then the purge landing, node by node, in a waterfall and
// on the map (a node flashes when it acknowledges and turns solid when its
// eviction is verified), the time to the last verified eviction beside
// Fastly's published figure, the origin's request rate before and just after;
// and the history, each past purge reopenable with its per-node result.
#include "map/map_marks.hpp"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QItemSelectionModel;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace edgelab::console {

class ConsoleSession;
class PurgeHistoryModel;
class PurgeProgressModel;
class PurgeCampaign;

class PurgePanelWidget : public QWidget {
  Q_OBJECT
 public:
  PurgePanelWidget(ConsoleSession* session, QItemSelectionModel* selection, QWidget* parent = nullptr);

  PurgeProgressModel* progress() const { return progress_; }
  PurgeHistoryModel* history() const { return history_; }
  // Asked before a purge of everything; the default shows a dialog. Tests answer themselves.
  void setConfirmation(std::function<bool(const QString& question)> confirm) { confirm_ = std::move(confirm); }
  QString summaryText() const;
  // Fills the form and sends, as the Purge button does. `targets`: 0 fleet, 1 selected, 2 continent, 3 outside the lab.
  void purge(const QString& kind, const QString& value, bool soft, int targets, const QString& continent = {});

 signals:
  void marksChanged(const QString& set, const QHash<QString, MapMark>& marks);

 private:
  void send();
  void onStarted(PurgeCampaign* campaign);
  void refresh();
  void publishMarks();
  void updateForm();
  void reopen(int historyRow);
  QStringList targetNodes(int targets, const QString& continent, QString* label) const;

  QPointer<ConsoleSession> session_;
  QPointer<QItemSelectionModel> selection_;
  QPointer<PurgeCampaign> campaign_;
  PurgeProgressModel* progress_;
  PurgeHistoryModel* history_;
  QComboBox* kind_;
  QLineEdit* value_;
  QCheckBox* soft_;
  QComboBox* targets_;
  QComboBox* continent_;
  QPushButton* send_;
  QLabel* summary_;
  QLabel* comparison_;
  QLabel* origin_;
  QTableView* waterfall_;
  QTableView* history_view_;
  QTimer clear_marks_;
  QTimer refresh_batch_;
  std::function<bool(const QString&)> confirm_;
};

}  // namespace edgelab::console
