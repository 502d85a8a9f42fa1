#include "map/world_map_view.hpp"

#include "map/equal_earth.hpp"
#include "map/land_geometry.hpp"
#include "map/map_legend.hpp"
#include "map/map_shapes.hpp"
#include "models/fleet_model.hpp"
#include "models/node_health.hpp"

#include <QContextMenuEvent>
#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QSet>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {

constexpr qint64 kArcLifeMs = 1400;
constexpr std::size_t kMaxArcs = 400;
constexpr int kArcSegments = 16;

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

// A gentle bow between two points so overlapping links and arcs stay apart.
QPainterPath bow(QPointF a, QPointF b, double bend) {
  QPainterPath path(a);
  const QPointF mid = (a + b) / 2;
  const QPointF d = b - a;
  path.quadTo(mid + QPointF(-d.y(), d.x()) * bend, b);
  return path;
}

}  // namespace

WorldMapView::WorldMapView(FleetModel* fleet, QItemSelectionModel* selection, QWidget* parent)
    : QWidget(parent), fleet_(fleet), selection_(selection) {
  setMouseTracking(true);
  setMinimumSize(320, 200);
  setFocusPolicy(Qt::StrongFocus);
  setAttribute(Qt::WA_OpaquePaintEvent);
  clock_.start();
  animation_.setInterval(40);  // 25 fps while arcs are alive; idle otherwise
  connect(&animation_, &QTimer::timeout, this, [this] {
    while (!arcs_.empty() && nowMs() - arcs_.front().born_ms > kArcLifeMs) arcs_.pop_front();
    if (arcs_.empty() && !marks_.animated()) animation_.stop();
    update();
  });
  const auto everything = [this] { invalidate(AllLayers); };
  connect(fleet_, &FleetModel::figuresChanged, this, [this] { invalidate(OverlayLayer); });
  connect(fleet_, &QAbstractItemModel::rowsInserted, this, [this] {
    fitted_ = false;
    invalidate(AllLayers);
  });
  connect(fleet_, &QAbstractItemModel::rowsRemoved, this, everything);
  connect(fleet_, &QAbstractItemModel::modelReset, this, everything);
  if (selection_)
    connect(selection_, &QItemSelectionModel::selectionChanged, this, [this] { invalidate(OverlayLayer); });
}

void WorldMapView::setOrigin(std::optional<std::pair<double, double>> latLon, const QString& name) {
  const auto projected = latLon ? std::optional(EqualEarth::forward(latLon->second, latLon->first)) : std::nullopt;
  if (projected == origin_ && name == origin_name_) return;  // the session says so every second
  origin_ = projected;
  origin_name_ = name;
  invalidate(AllLayers);
}

void WorldMapView::setOriginHealth(Health health, const QString& reason) {
  if (health == origin_health_ && reason == origin_reason_) return;
  origin_health_ = health;
  origin_reason_ = reason;
  invalidate(OverlayLayer);
}

void WorldMapView::addSamples(const QJsonArray& samples) {
  const auto all = nodes();
  const qint64 now = nowMs();
  // Samples come in batches (a few a second): each arc starts as old as its sample
  // is against the batch's newest, so arcs flow evenly instead of in pulses. Only
  // differences within a batch count, so a remote lab's clock does not matter.
  qint64 newest = 0;
  for (const auto& value : samples) newest = std::max(newest, value.toObject().value(u"time_ms"_s).toInteger());
  for (const auto& value : samples) {
    const QJsonObject s = value.toObject();
    const qint64 age = std::clamp<qint64>(newest - s.value(u"time_ms"_s).toInteger(newest), 0, kArcLifeMs / 2);
    const QString pop = s.value(u"pop"_s).toString();
    auto node = std::find_if(all.begin(), all.end(), [&](const Node& n) { return n.name == pop; });
    if (node == all.end()) continue;
    arcs_.push_back({EqualEarth::forward(s.value(u"lon"_s).toDouble(), s.value(u"lat"_s).toDouble()), node->projected,
                     MapPalette::tierFromName(s.value(u"tier"_s).toString()), now - age});
  }
  while (arcs_.size() > kMaxArcs) arcs_.pop_front();
  if (!arcs_.empty() && !animation_.isActive()) animation_.start();
}

void WorldMapView::setRoute(const MapRoute& route) {
  marks_.setRoute(route);
  update();
}

void WorldMapView::setMarks(const QString& set, const QHash<QString, MapMark>& marks) {
  marks_.set(set, marks);
  if (marks_.animated() && !animation_.isActive()) animation_.start();
  update();
}

std::vector<WorldMapView::Node> WorldMapView::nodes() const {
  std::vector<Node> out;
  if (!fleet_) return out;
  for (int row = 0; row < fleet_->rowCount(); ++row) {
    const QModelIndex i = fleet_->index(row, 0);
    if (!i.data(FleetModel::HasLocationRole).toBool()) continue;
    const QString city = fleet_->index(row, FleetModel::CityColumn).data().toString();
    out.push_back(
        {row, i.data(FleetModel::NameRole).toString(), city.isEmpty() ? i.data(FleetModel::NameRole).toString() : city,
         i.data(FleetModel::NodeRoleRole).toString(), i.data(FleetModel::UpstreamRole).toString(),
         EqualEarth::forward(i.data(FleetModel::LongitudeRole).toDouble(), i.data(FleetModel::LatitudeRole).toDouble()),
         i.data(FleetModel::RateRole).toDouble(), i.data(FleetModel::BytesPerSecondRole).toDouble(),
         i.data(FleetModel::HealthRole).toInt(), i.data(FleetModel::LinkCutRole).toBool()});
  }
  return out;
}

double WorldMapView::unit() const { return std::clamp(std::min(width() / 900.0, height() / 500.0), 1.0, 2.5); }

QPointF WorldMapView::toScreen(QPointF p) const {
  return {width() / 2.0 + (p.x() - center_.x()) * scale_, height() / 2.0 - (p.y() - center_.y()) * scale_};
}

QPointF WorldMapView::toProjected(QPointF s) const {
  return {center_.x() + (s.x() - width() / 2.0) / scale_, center_.y() - (s.y() - height() / 2.0) / scale_};
}

void WorldMapView::fitToFleet() {
  const auto all = nodes();
  QRectF box;
  for (const auto& n : all) box = box.united(QRectF(n.projected, QSizeF(1e-6, 1e-6)));
  if (origin_) box = box.united(QRectF(*origin_, QSizeF(1e-6, 1e-6)));
  const QRectF world(-EqualEarth::kMaxX, -EqualEarth::kMaxY, 2 * EqualEarth::kMaxX, 2 * EqualEarth::kMaxY);
  if (all.size() < 2 || box.width() > 0.8 * world.width()) box = world.adjusted(0, 0.25, 0, 0);  // Antarctica aside
  box = box.adjusted(-0.25, -0.2, 0.25, 0.2);
  const double legendHeight = MapLegend(font(), unit()).height(width());
  const double mapHeight = std::max(50.0, height() - legendHeight);
  scale_ = std::min(width() / box.width(), mapHeight / box.height());
  center_ = box.center();
  // Centre the fleet in the part above the legend.
  center_.setY(center_.y() - legendHeight / 2 / scale_);
  clampView();
  fitted_ = true;
  fitted_count_ = all.size() + (origin_ ? 1 : 0);
  user_moved_ = false;
  invalidate(AllLayers);
}

void WorldMapView::clampView() {
  // Zoomed out, the world is at least about half the widget; zoomed in, 40 times that.
  const double minScale = 0.6 * std::min(width() / (2 * EqualEarth::kMaxX), height() / (2 * EqualEarth::kMaxY));
  scale_ = std::clamp(scale_, minScale, minScale * 40);
  center_.setX(std::clamp(center_.x(), -EqualEarth::kMaxX, EqualEarth::kMaxX));
  center_.setY(std::clamp(center_.y(), -EqualEarth::kMaxY, EqualEarth::kMaxY));
}

void WorldMapView::resizeEvent(QResizeEvent*) {
  // Until the user zooms or pans, the map keeps the fleet fitted as docks resize.
  if (!user_moved_ || scale_ == 0)
    fitToFleet();
  else
    clampView();
}

double WorldMapView::radiusOf(const Node& node, double maxRate) const {
  const double share = maxRate > 0 ? std::sqrt(std::max(0.0, node.rate) / maxRate) : 0;
  return unit() * (4.5 + 9.0 * share);  // area grows with the rate
}

void WorldMapView::invalidate(unsigned layers) {
  dirty_ |= layers;
  update();
}

void WorldMapView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange ||
      event->type() == QEvent::LanguageChange)
    invalidate(AllLayers);
  QWidget::changeEvent(event);
}

// Three layers: the land (redrawn when the view changes), the request arcs
// (every animation frame), and links, nodes, labels and the legend (figures,
// selection, view). Only the arcs are drawn at the animation's rate.
void WorldMapView::paintEvent(QPaintEvent*) {
  // Nodes get their places as their status answers come in: until the user zooms or
  // pans, the fit follows the fleet as it appears. Places change only with the model,
  // which marks the layers dirty, so an animation frame need not count them.
  if (!fitted_ || (dirty_ && !user_moved_ && nodes().size() + (origin_ ? 1 : 0) != fitted_count_)) fitToFleet();
  const MapPalette palette(this->palette());
  const qreal ratio = devicePixelRatioF();
  const QSize pixels = size() * ratio;
  if (base_.size() != pixels || base_.devicePixelRatio() != ratio) dirty_ |= AllLayers;
  std::vector<Node> all;
  if (dirty_) all = nodes();
  if (dirty_ & BaseLayer) {
    base_ = QPixmap(pixels);
    base_.setDevicePixelRatio(ratio);
    QPainter layer(&base_);
    layer.setRenderHint(QPainter::Antialiasing);
    paintLand(layer, palette);
  }
  if (dirty_ & OverlayLayer) {
    overlay_ = QPixmap(pixels);
    overlay_.setDevicePixelRatio(ratio);
    overlay_.fill(Qt::transparent);
    QPainter layer(&overlay_);
    layer.setRenderHint(QPainter::Antialiasing);
    paintLinks(layer, all, palette);
    paintNodes(layer, all, palette);
    MapLegend(font(), unit()).paint(layer, width(), height(), palette);
  }
  dirty_ = 0;
  QPainter p(this);
  p.drawPixmap(0, 0, base_);
  p.setRenderHint(QPainter::Antialiasing);
  paintArcs(p);
  p.drawPixmap(0, 0, overlay_);
  if (!marks_.empty()) {
    QHash<QString, QPointF> placed;
    for (const auto& n : all.empty() ? nodes() : all) placed.insert(n.name, toScreen(n.projected));
    marks_.paint(
        p,
        [&placed](const QString& name) {
          auto it = placed.constFind(name);
          return it == placed.constEnd() ? std::nullopt : std::optional(*it);
        },
        [this](double lat, double lon) { return toScreen(EqualEarth::forward(lon, lat)); }, unit(), nowMs(), font());
  }
}

void WorldMapView::paintLand(QPainter& p, const MapPalette& palette) const {
  p.fillRect(rect(), palette.background);
  const LandGeometry& geometry = LandGeometry::instance();
  QTransform world;
  world.translate(width() / 2.0, height() / 2.0);
  world.scale(scale_, -scale_);
  world.translate(-center_.x(), -center_.y());
  p.save();
  p.setTransform(world);
  p.setPen(Qt::NoPen);
  p.setBrush(palette.ocean);
  p.drawPath(geometry.outline());
  p.setBrush(Qt::NoBrush);
  p.setPen(QPen(palette.graticule, 0));  // cosmetic: one pixel at any zoom
  p.drawPath(geometry.graticule());
  p.setBrush(palette.land);
  p.setPen(QPen(palette.land_edge, 0));
  p.drawPath(geometry.land());
  p.restore();
}

void WorldMapView::paintLinks(QPainter& p, const std::vector<Node>& all, const MapPalette& palette) const {
  double maxBytes = 1;
  for (const auto& n : all) maxBytes = std::max(maxBytes, n.bytes_rate);
  auto upstreamOf = [&](const Node& n) -> std::optional<QPointF> {
    if (n.upstream == u"origin"_s || (n.role == u"shield"_s && n.upstream.isEmpty())) return origin_;
    if (!n.upstream.isEmpty()) {
      for (const auto& m : all)
        if (m.name == n.upstream) return m.projected;
      return std::nullopt;
    }
    // No topology (a plain nodes.json): an edge's nearest shield, as "auto" assigns it.
    std::optional<QPointF> best;
    double bestDistance = 1e9;
    for (const auto& m : all) {
      if (m.role != u"shield"_s) continue;
      const QPointF d = m.projected - n.projected;
      const double distance = std::hypot(d.x(), d.y());
      if (distance < bestDistance) {
        bestDistance = distance;
        best = m.projected;
      }
    }
    return best ? best : origin_;
  };
  for (const auto& n : all) {
    const auto to = upstreamOf(n);
    if (!to) continue;
    const double width = unit() * (0.8 + 4.0 * std::sqrt(n.bytes_rate / maxBytes));
    QColor colour = palette.link;
    colour.setAlphaF(n.cut ? 0.9 : 0.55);
    QPen pen(colour, width, n.cut ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap);
    if (n.cut) pen.setColor(NodeHealth::colour(Health::down));
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    p.drawPath(bow(toScreen(n.projected), toScreen(*to), 0.12));
  }
}

void WorldMapView::paintArcs(QPainter& p) {
  const qint64 now = nowMs();
  for (const auto& arc : arcs_) {
    const double age = double(now - arc.born_ms) / kArcLifeMs;
    if (age > 1) continue;
    QColor colour = MapPalette::tierColour(arc.tier);
    colour.setAlphaF(0.85 * (1 - age));
    const QPointF a = toScreen(arc.from), b = toScreen(arc.to);
    // The arc grows towards the PoP in the first third of its life, then fades.
    // Points on the quadratic Bézier of bow(a, b, -0.25), evaluated directly.
    const QPointF d = b - a;
    const QPointF control = (a + b) / 2 + QPointF(d.y(), -d.x()) * 0.25;
    const double grown = std::min(1.0, age * 3);
    QPointF points[kArcSegments + 1];
    for (int i = 0; i <= kArcSegments; ++i) {
      const double t = grown * i / kArcSegments;
      points[i] = (1 - t) * (1 - t) * a + 2 * (1 - t) * t * control + t * t * b;
    }
    p.setPen(QPen(colour, unit() * 1.4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawPolyline(points, kArcSegments + 1);
    p.setBrush(colour);
    p.setPen(Qt::NoPen);
    p.drawEllipse(a, unit() * 1.5, unit() * 1.5);
  }
}

void WorldMapView::paintNodes(QPainter& p, const std::vector<Node>& all, const MapPalette& palette) {
  double maxRate = 1;
  for (const auto& n : all) maxRate = std::max(maxRate, n.rate);
  QFont labelFont = font();
  labelFont.setPointSizeF(labelFont.pointSizeF() * std::min(unit(), 1.25));
  labels_.begin(labelFont, unit(), palette, devicePixelRatioF());
  const QModelIndexList selected = selection_ ? selection_->selectedRows() : QModelIndexList();
  auto isSelected = [&](int row) {
    return std::any_of(selected.begin(), selected.end(), [row](const QModelIndex& i) { return i.row() == row; });
  };
  // Shields last, so the hubs sit on top of their edges' links.
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& n : all) {
      const bool shield = n.role == u"shield"_s;
      if (shield != (pass == 1)) continue;
      const QPointF c = toScreen(n.projected);
      const double r = shield ? unit() * 9 : radiusOf(n, maxRate);
      QColor fill = NodeHealth::colour(static_cast<Health>(n.health));
      fill.setAlphaF(0.9);
      p.setPen(QPen(palette.background, unit() * 1.5));
      p.setBrush(fill);
      if (shield)
        p.drawPath(diamondPath(c, r * 1.25));
      else
        p.drawEllipse(c, r, r);
      if (isSelected(n.row)) {
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(palette.selection, unit() * 2));
        p.drawEllipse(c, r + 4 * unit(), r + 4 * unit());
      }
      labels_.want(n.label, c, shield ? r * 1.25 : r, shield ? 1 : 0);
    }
  }
  // The origin last: an edge in the origin's own region must not hide it (or its fault colour).
  if (origin_) {
    const QPointF c = toScreen(*origin_);
    const double r = unit() * 8;
    p.setPen(QPen(palette.background, unit() * 1.5));
    p.setBrush(origin_health_ == Health::healthy ? MapPalette::tierColour(ServedTier::origin)
                                                 : NodeHealth::colour(origin_health_));
    p.drawRect(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r));
    labels_.want(origin_name_, c, r * 1.2, 2);
  }
  labels_.paint(p, QRectF(0, 0, width(), height() - MapLegend(font(), unit()).height(width())));
}

std::optional<QPointF> WorldMapView::nodePosition(const QString& name) const {
  for (const auto& n : nodes())
    if (n.name == name) return toScreen(n.projected);
  return std::nullopt;
}

std::optional<QPointF> WorldMapView::originPosition() const {
  return origin_ ? std::optional(toScreen(*origin_)) : std::nullopt;
}

QString WorldMapView::nodeAt(QPointF position) const {
  QString best;
  double bestDistance = 14 * unit();
  for (const auto& n : nodes()) {
    const QPointF d = toScreen(n.projected) - position;
    const double distance = std::hypot(d.x(), d.y());
    if (distance < bestDistance) {
      bestDistance = distance;
      best = n.name;
    }
  }
  return best;
}

QString WorldMapView::tooltipFor(int row) const {
  auto cell = [&](int column) { return fleet_->index(row, column).data().toString(); };
  return tr("<b>%1</b> (%2, %3)<br>%4<br>%5 req/s · L1 %6 · L2 %7<br>p50 %8 · p99 %9 · errors %10")
      .arg(cell(FleetModel::NameColumn).toHtmlEscaped(), cell(FleetModel::RoleColumn), cell(FleetModel::CityColumn),
           cell(FleetModel::HealthColumn).toHtmlEscaped(), cell(FleetModel::RateColumn), cell(FleetModel::HitL1Column),
           cell(FleetModel::HitL2Column), cell(FleetModel::P50Column), cell(FleetModel::P99Column))
      .arg(cell(FleetModel::ErrorsColumn));
}

bool WorldMapView::event(QEvent* e) {
  if (e->type() == QEvent::ToolTip && fleet_) {
    auto* help = static_cast<QHelpEvent*>(e);
    const QString name = nodeAt(help->pos());
    if (name.isEmpty() && onOrigin(help->pos())) {
      QToolTip::showText(help->globalPos(),
                         tr("<b>%1</b> (origin)<br>%2")
                             .arg(origin_name_.toHtmlEscaped(),
                                  origin_reason_.isEmpty() ? NodeHealth::label(origin_health_)
                                                           : origin_reason_.toHtmlEscaped()),
                         this);
    } else if (name.isEmpty()) {
      QToolTip::hideText();
      e->ignore();
    } else {
      QToolTip::showText(help->globalPos(), tooltipFor(fleet_->rowOf(name)), this);
    }
    return true;
  }
  return QWidget::event(e);
}

void WorldMapView::wheelEvent(QWheelEvent* event) {
  const QPointF at = event->position();
  const QPointF before = toProjected(at);
  user_moved_ = true;
  scale_ *= std::pow(1.0015, event->angleDelta().y());
  clampView();
  // Keep the point under the cursor where it is.
  const QPointF after = toProjected(at);
  center_ += before - after;
  clampView();
  invalidate(AllLayers);
  event->accept();
}

void WorldMapView::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton) {
    drag_from_ = event->position();
    dragged_ = false;
  }
}

void WorldMapView::mouseMoveEvent(QMouseEvent* event) {
  if (!drag_from_) return;
  const QPointF delta = event->position() - *drag_from_;
  if (!dragged_ && delta.manhattanLength() < 4) return;
  dragged_ = true;
  user_moved_ = true;
  setCursor(Qt::ClosedHandCursor);
  center_ -= QPointF(delta.x() / scale_, -delta.y() / scale_);
  drag_from_ = event->position();
  clampView();
  invalidate(AllLayers);
}

void WorldMapView::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton || !drag_from_) return;
  const bool click = !dragged_;
  drag_from_.reset();
  unsetCursor();
  if (!click || !fleet_) return;
  const QString name = nodeAt(event->position());
  if (selection_) {
    if (name.isEmpty())
      selection_->clearSelection();
    else
      selection_->select(fleet_->index(fleet_->rowOf(name), 0),
                         QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (!name.isEmpty())
      selection_->setCurrentIndex(fleet_->index(fleet_->rowOf(name), 0), QItemSelectionModel::NoUpdate);
  }
  if (!name.isEmpty()) emit nodeClicked(name);
  if (const auto where = name.isEmpty() ? EqualEarth::inverse(toProjected(event->position())) : std::nullopt)
    emit locationClicked(where->y(), where->x());
}

void WorldMapView::mouseDoubleClickEvent(QMouseEvent*) {
  user_moved_ = false;
  fitToFleet();
}

void WorldMapView::contextMenuEvent(QContextMenuEvent* event) {
  const QString name = nodeAt(event->pos());
  if (!name.isEmpty()) return emit nodeContextMenuRequested(name, event->globalPos());
  if (onOrigin(event->pos())) emit originContextMenuRequested(event->globalPos());
}

bool WorldMapView::onOrigin(QPointF position) const {
  if (!origin_) return false;
  const QPointF d = toScreen(*origin_) - position;
  return std::hypot(d.x(), d.y()) < 14 * unit();
}

}  // namespace edgelab::console
