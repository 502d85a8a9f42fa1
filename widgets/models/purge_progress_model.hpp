#pragma once
// A purge's progress, one row per node, as a waterfall: when it was sent,
// acknowledged (with the objects it invalidated) and verified, or why it
// failed and when it caught up. Follows a live PurgeCampaign, or shows a
// purge reopened from the journal.
#include "models/purge_campaign.hpp"

#include <QAbstractTableModel>
#include <QColor>
#include <QPointer>
#include <QTimer>

namespace edgelab::console {

class PurgeProgressModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { NodeColumn, RoleColumn, StateColumn, AckColumn, VerifiedColumn, InvalidatedColumn,
                WaterfallColumn, ResultColumn, ColumnCount };
  enum DataRole { StateRole = Qt::UserRole + 1, SentMsRole, AckMsRole, VerifiedMsRole, CaughtUpMsRole, ScaleMsRole };

  explicit PurgeProgressModel(QObject* parent = nullptr);

  void follow(PurgeCampaign* campaign);
  // A finished purge from the history ({"nodes":[...]} as toJson writes it).
  void show(const QJsonObject& result);
  const std::vector<NodePurgeProgress>& nodes() const { return nodes_; }
  static QJsonArray toJson(const std::vector<NodePurgeProgress>& nodes);
  static std::vector<NodePurgeProgress> fromJson(const QJsonArray& nodes);
  static QColor stateColour(NodePurgeProgress::State state);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  void onNodeChanged(int index);
  void flush();
  double scaleMs() const;

  QPointer<PurgeCampaign> campaign_;
  std::vector<NodePurgeProgress> nodes_;
  // A purge changes a row a hundred times in a second: the view hears of them at most every 50 ms.
  QTimer batch_;
};

}  // namespace edgelab::console
