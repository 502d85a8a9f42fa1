#pragma once
// A what-if answer from the lab (/lab/v1/whatif) as a table: the user, the
// PoP the router picks, its shield and the origin, each with the simulated
// one-way delay to reach it, the running total, and the tiers holding the URL.
#include <QAbstractTableModel>
#include <QJsonObject>

#include <vector>

namespace edgelab::console {

class WhatIfModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { HopColumn, RoleColumn, DelayColumn, TotalColumn, TiersColumn, ColumnCount };
  struct Hop {
    QString node, role;
    double delay_ms = 0, total_ms = 0;
    QStringList tiers;
    QString error;
  };

  explicit WhatIfModel(QObject* parent = nullptr);
  void setAnswer(const QJsonObject& answer);
  const std::vector<Hop>& hops() const { return hops_; }
  const QJsonObject& answer() const { return answer_; }
  // The first hop (from the PoP on) holding the URL: where the request would be answered.
  QString answeredBy() const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  QJsonObject answer_;
  std::vector<Hop> hops_;
};

}  // namespace edgelab::console
