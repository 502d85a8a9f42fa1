#pragma once
// The lab's sampled user requests, newest first (the last 500): when, from
// which city, the PoP, the tier that served it, latency, status and URL.
// Each row keeps the whole sample (Cache-Status, shield, the user's link) for
// its trace.
#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>

#include <deque>

namespace edgelab::console {

class RecentRequestsModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { TimeColumn, CityColumn, PopColumn, TierColumn, LatencyColumn, StatusColumn, UrlColumn, ColumnCount };
  static constexpr int kCapacity = 500;

  explicit RecentRequestsModel(QObject* parent = nullptr);
  void addSamples(const QJsonArray& samples);
  // Paused, the table holds still so a row can be read; samples keep arriving but are not shown.
  void setPaused(bool paused) { paused_ = paused; }
  QJsonObject sampleAt(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  std::deque<QJsonObject> rows_;  // newest first
  bool paused_ = false;
};

}  // namespace edgelab::console
