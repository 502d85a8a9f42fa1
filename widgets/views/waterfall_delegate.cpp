#include "views/waterfall_delegate.hpp"

#include "models/purge_progress_model.hpp"

#include <QPainter>

namespace edgelab::console {

void WaterfallDelegate::paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const {
  QStyledItemDelegate::paint(p, option, index);
  const double scale = index.data(PurgeProgressModel::ScaleMsRole).toDouble();
  if (scale <= 0) return;
  const double sent = index.data(PurgeProgressModel::SentMsRole).toDouble();
  const double ack = index.data(PurgeProgressModel::AckMsRole).toDouble();
  const double verified = index.data(PurgeProgressModel::VerifiedMsRole).toDouble();
  const auto state = static_cast<NodePurgeProgress::State>(index.data(PurgeProgressModel::StateRole).toInt());
  const QRectF area = QRectF(option.rect).adjusted(4, option.rect.height() * 0.25, -4, -option.rect.height() * 0.25);
  auto x = [&](double ms) { return area.left() + area.width() * std::clamp(ms / scale, 0.0, 1.0); };
  p->save();
  p->setPen(Qt::NoPen);
  if (sent >= 0) {
    const double end = ack >= 0 ? ack : state == NodePurgeProgress::State::failed ? scale : sent;
    p->setBrush(state == NodePurgeProgress::State::failed && ack < 0
                    ? PurgeProgressModel::stateColour(NodePurgeProgress::State::failed)
                    : PurgeProgressModel::stateColour(NodePurgeProgress::State::acknowledged));
    p->drawRect(QRectF(QPointF(x(sent), area.top()), QPointF(std::max(x(end), x(sent) + 2), area.bottom())));
  }
  if (ack >= 0 && verified >= 0) {
    p->setBrush(PurgeProgressModel::stateColour(state == NodePurgeProgress::State::still_cached
                                                    ? NodePurgeProgress::State::still_cached
                                                    : NodePurgeProgress::State::verified));
    p->drawRect(QRectF(QPointF(x(ack), area.top()), QPointF(std::max(x(verified), x(ack) + 2), area.bottom())));
  }
  p->restore();
}

QSize WaterfallDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
  QSize size = QStyledItemDelegate::sizeHint(option, index);
  size.setWidth(std::max(size.width(), option.fontMetrics.height() * 10));
  return size;
}

}  // namespace edgelab::console
