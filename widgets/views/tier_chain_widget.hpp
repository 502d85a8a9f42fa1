#pragma once
// The selected node's tiers, drawn: L1 and L2 occupancy bars (bytes against
// the limit, objects, evictions/s) and the node's place in the tier chain,
// edge -> shield -> origin, each hop with its hit ratio and the requests it
// sends on. A dumb view: it draws the figures it is given.
#include "models/tier_figures.hpp"

#include <QWidget>

#include <vector>

namespace edgelab::console {

class TierChainWidget : public QWidget {
  Q_OBJECT
 public:
  explicit TierChainWidget(QWidget* parent = nullptr);

  // `chain`: the node first, then each upstream node; the origin is drawn after them.
  void setChain(std::vector<TierFigures> chain);
  const std::vector<TierFigures>& chain() const { return chain_; }
  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  double paintOccupancy(QPainter& p, double top, const QString& tier, const TierOccupancy& o, double hit) const;
  void paintChain(QPainter& p, double top) const;

  std::vector<TierFigures> chain_;
};

}  // namespace edgelab::console
