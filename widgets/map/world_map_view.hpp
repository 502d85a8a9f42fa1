#pragma once
// The world map: land (Equal Earth), the fleet's PoPs as circles sized by
// request rate and coloured by health, shields as diamonds, the origin as a
// square, edge -> shield -> origin links with width by throughput (dashed when
// cut), and sampled requests as brief arcs from the user's city to the PoP,
// coloured by the tier that served them. Wheel zooms around the cursor, drag
// pans, double-click fits the fleet. Hover shows a PoP's figures, click
// selects it in the shared selection model (the fleet table uses the same).
// A dumb view: everything it draws comes from FleetModel's roles.
#include "map/map_labels.hpp"
#include "map/map_marks.hpp"
#include "map/map_palette.hpp"
#include "models/node_health.hpp"

#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QPixmap>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <deque>
#include <optional>

namespace edgelab::console {

class FleetModel;

class WorldMapView : public QWidget {
  Q_OBJECT
 public:
  explicit WorldMapView(FleetModel* fleet, QItemSelectionModel* selection, QWidget* parent = nullptr);

  void setOrigin(std::optional<std::pair<double, double>> latLon, const QString& name);
  // healthy: the origin's own colour; degraded or down: the health colour, and the reason on hover.
  void setOriginHealth(Health health, const QString& reason);
  // Sampled requests from the lab: {"lat","lon","pop","tier",...}. Each draws for a moment.
  void addSamples(const QJsonArray& samples);
  void fitToFleet();
  // Rings around nodes (see MapMarks): a set replaces the last one of its name; empty clears it.
  void setMarks(const QString& set, const QHash<QString, MapMark>& marks);
  QHash<QString, MapMark> marks(const QString& set) const { return marks_.marks(set); }
  void setRoute(const MapRoute& route);  // an empty route clears it
  // Where a node is drawn now (widget coordinates); nullopt when it has no location.
  std::optional<QPointF> nodePosition(const QString& name) const;
  std::optional<QPointF> originPosition() const;
  QString nodeAt(QPointF position) const;  // empty when none
  int liveArcs() const { return static_cast<int>(arcs_.size()); }
  QSize sizeHint() const override { return {900, 480}; }

 signals:
  void nodeClicked(const QString& name);
  void nodeContextMenuRequested(const QString& name, const QPoint& globalPosition);
  void originContextMenuRequested(const QPoint& globalPosition);
  // A click on the map away from any node: where, on Earth.
  void locationClicked(double lat, double lon);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void contextMenuEvent(QContextMenuEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void changeEvent(QEvent* event) override;
  bool event(QEvent* event) override;

 private:
  struct Node {
    int row;
    QString name, label, role, upstream;
    QPointF projected;
    double rate, bytes_rate;
    int health;
    bool cut;
  };
  struct Arc {
    QPointF from, to;  // projected
    ServedTier tier;
    qint64 born_ms;
  };

  enum Layer : unsigned { BaseLayer = 1, OverlayLayer = 2, AllLayers = 3 };

  std::vector<Node> nodes() const;
  void invalidate(unsigned layers);  // redraw these layers at the next paint
  QPointF toScreen(QPointF projected) const;
  QPointF toProjected(QPointF screen) const;
  double unit() const;  // one "design pixel", larger on big screens
  double radiusOf(const Node& node, double maxRate) const;
  void paintLand(QPainter& p, const MapPalette& palette) const;
  void paintLinks(QPainter& p, const std::vector<Node>& nodes, const MapPalette& palette) const;
  void paintArcs(QPainter& p);
  void paintNodes(QPainter& p, const std::vector<Node>& nodes, const MapPalette& palette);
  QString tooltipFor(int row) const;
  bool onOrigin(QPointF position) const;
  void clampView();

  QPointer<FleetModel> fleet_;
  QPointer<QItemSelectionModel> selection_;
  std::optional<QPointF> origin_;
  QString origin_name_;
  Health origin_health_ = Health::healthy;
  QString origin_reason_;
  QPointF center_{0, 0.1};  // projected coordinates at the widget's centre
  double scale_ = 0;        // pixels per projected unit; 0 until the first fit
  bool fitted_ = false;
  std::size_t fitted_count_ = 0;  // located nodes (and origin) at the last fit
  bool user_moved_ = false;       // zoomed or panned: stop fitting on resize
  std::optional<QPointF> drag_from_;
  bool dragged_ = false;
  std::deque<Arc> arcs_;
  QTimer animation_;
  QElapsedTimer clock_;
  QPixmap base_, overlay_;  // the land; links, nodes, labels and the legend (see paintEvent)
  unsigned dirty_ = AllLayers;
  MapLabels labels_;
  MapMarks marks_;
};

}  // namespace edgelab::console
