#include "views/tier_chain_widget.hpp"

#include "models/tier_heat_model.hpp"
#include "models/units.hpp"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace edgelab::console {

TierChainWidget::TierChainWidget(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void TierChainWidget::setChain(std::vector<TierFigures> chain) {
  chain_ = std::move(chain);
  update();
}

QSize TierChainWidget::sizeHint() const {
  const int line = fontMetrics().height();
  return {line * 30, line * 10};
}

QSize TierChainWidget::minimumSizeHint() const {
  const int line = fontMetrics().height();
  return {line * 16, line * 10};
}

double TierChainWidget::paintOccupancy(QPainter& p, double top, const QString& tier, const TierOccupancy& o,
                                       double hit) const {
  const double line = fontMetrics().height();
  const QLocale locale;
  const QRectF labelBox(0, top, line * 2.5, line * 1.2);
  p.setPen(palette().color(QPalette::WindowText));
  p.drawText(labelBox, Qt::AlignLeft | Qt::AlignVCenter, tier);
  const QRectF bar(line * 2.5, top + line * 0.2, std::max(line * 4, width() * 0.35), line * 0.8);
  p.setPen(palette().color(QPalette::Mid));
  p.setBrush(palette().color(QPalette::Base));
  p.drawRect(bar);
  QString text;
  if (!o.present) {
    text = tr("none on this node");
  } else {
    const double fill = o.max_bytes > 0 ? std::clamp(o.bytes / o.max_bytes, 0.0, 1.0) : 0;
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::Highlight));
    p.drawRect(QRectF(bar.left(), bar.top(), bar.width() * fill, bar.height()));
    text = o.max_bytes > 0 ? tr("%1 of %2 · %3 objects · %4 evictions/s · hit %5")
                                 .arg(Units::bytes(o.bytes), Units::bytes(o.max_bytes),
                                      locale.toString(static_cast<qint64>(o.objects)),
                                      locale.toString(o.evictions_per_s, 'f', 1), Units::percent(hit))
                           : tr("%1 · %2 objects · %3 evictions/s · hit %4")
                                 .arg(Units::bytes(o.bytes), locale.toString(static_cast<qint64>(o.objects)),
                                      locale.toString(o.evictions_per_s, 'f', 1), Units::percent(hit));
  }
  p.setPen(palette().color(QPalette::WindowText));
  p.drawText(QRectF(bar.right() + line * 0.5, top, width() - bar.right() - line * 0.5, line * 1.2),
             Qt::AlignLeft | Qt::AlignVCenter, fontMetrics().elidedText(text, Qt::ElideRight,
                                                                       int(width() - bar.right() - line * 0.5)));
  return top + line * 1.4;
}

void TierChainWidget::paintChain(QPainter& p, double top) const {
  const double line = fontMetrics().height();
  const int hops = static_cast<int>(chain_.size()) + 1;  // and the origin
  const double arrow = line * 2.2;
  const double boxWidth = std::max(line * 5, (width() - arrow * (hops - 1)) / hops);
  const double boxHeight = line * 3.2;
  const QLocale locale;
  for (int i = 0; i < hops; ++i) {
    const QRectF box(i * (boxWidth + arrow), top, boxWidth - 1, boxHeight);
    const bool origin = i == hops - 1;
    const TierFigures* f = origin ? nullptr : &chain_[static_cast<std::size_t>(i)];
    const double hit = f ? f->hitRatio() : -1;
    QColor fill = origin ? palette().color(QPalette::AlternateBase) : TierHeatModel::heatColour(hit);
    if (!fill.isValid()) fill = palette().color(QPalette::Base);
    p.setPen(QPen(i == 0 ? palette().color(QPalette::Highlight) : palette().color(QPalette::Mid), i == 0 ? 2 : 1));
    p.setBrush(fill);
    p.drawRoundedRect(box, line * 0.4, line * 0.4);
    p.setPen(origin || hit >= 0 ? QColor(Qt::black) : palette().color(QPalette::Text));
    const QString title = origin ? tr("origin") : f->name;
    const QString role = origin ? QString() : f->role == u"shield"_s ? tr("shield") : tr("edge");
    const QString detail = origin ? tr("every miss of the chain") : tr("hit %1").arg(Units::percent(hit));
    const QRectF inner = box.adjusted(line * 0.3, line * 0.2, -line * 0.3, -line * 0.2);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRectF(inner.left(), inner.top(), inner.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetrics(bold).elidedText(title, Qt::ElideMiddle, int(inner.width())));
    p.setFont(font());
    p.drawText(QRectF(inner.left(), inner.top() + line, inner.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
               fontMetrics().elidedText(role.isEmpty() ? detail : role + u" · "_s + detail, Qt::ElideRight,
                                        int(inner.width())));
    if (f)
      p.drawText(QRectF(inner.left(), inner.top() + 2 * line, inner.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                 fontMetrics().elidedText(tr("%1 req/s in").arg(locale.toString(f->requests_per_s, 'f', 0)),
                                          Qt::ElideRight, int(inner.width())));
    if (origin) break;
    // The arrow to the next hop carries what this node sends upstream.
    const double y = top + boxHeight / 2;
    const QPointF from(box.right() + 2, y), to(box.right() + arrow - 3, y);
    p.setPen(QPen(palette().color(QPalette::WindowText), 1.5));
    p.drawLine(from, to);
    QPainterPath head;
    head.moveTo(to);
    head.lineTo(to + QPointF(-line * 0.4, -line * 0.25));
    head.lineTo(to + QPointF(-line * 0.4, line * 0.25));
    head.closeSubpath();
    p.fillPath(head, palette().color(QPalette::WindowText));
    p.drawText(QRectF(from.x(), y - line * 1.3, arrow, line), Qt::AlignCenter,
               locale.toString(f->upstream_per_s, 'f', 0));
  }
}

void TierChainWidget::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const double line = fontMetrics().height();
  if (chain_.empty()) {
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(rect(), Qt::AlignCenter, tr("Select a node in the fleet table or on the map"));
    return;
  }
  const TierFigures& node = chain_.front();
  double top = 0;
  top = paintOccupancy(p, top, u"L1"_s, node.l1, node.hit_l1);
  top = paintOccupancy(p, top, u"L2"_s, node.l2, node.hit_l2);
  p.setPen(palette().color(QPalette::WindowText));
  p.drawText(QRectF(0, top + line * 0.2, width(), line), Qt::AlignLeft | Qt::AlignVCenter,
             tr("Tier chain (arrows: requests/s sent upstream)"));
  paintChain(p, top + line * 1.4);
}

}  // namespace edgelab::console
