#include "views/sparkline_delegate.hpp"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace edgelab::console {

SparklineDelegate::SparklineDelegate(int valuesRole, QObject* parent)
    : QStyledItemDelegate(parent), values_role_(valuesRole) {}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
  QSize size = QStyledItemDelegate::sizeHint(option, index);
  size.setWidth(size.width() + option.fontMetrics.horizontalAdvance(QLatin1Char('0')) * 12);
  return size;
}

void SparklineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
  QStyleOptionViewItem opt = option;
  initStyleOption(&opt, index);
  const QWidget* widget = option.widget;
  QStyle* style = widget ? widget->style() : QApplication::style();
  // Background and selection as usual, then the line, then the number on top.
  const QString text = opt.text;
  opt.text.clear();
  style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
  const auto values = index.data(values_role_).value<QList<double>>();
  // The number on the left, the last minute on the right.
  const double numberWidth = option.fontMetrics.horizontalAdvance(u"00000"_s) + 8;
  const QRectF area = QRectF(opt.rect).adjusted(numberWidth, 3, -3, -3);
  if (values.size() >= 2 && area.width() > 10) {
    double top = 1;
    for (double v : values) top = std::max(top, v);
    QPainterPath line;
    // Spread over the cell (as Wireshark's sparklines do), so a young series is legible too.
    const double step = area.width() / double(values.size() - 1);
    const double x0 = area.left();
    for (qsizetype i = 0; i < values.size(); ++i) {
      const QPointF point(x0 + step * i, area.bottom() - area.height() * values[i] / top);
      if (i == 0)
        line.moveTo(point);
      else
        line.lineTo(point);
    }
    QColor colour = opt.palette.color(opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Link);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath fill = line;
    fill.lineTo(area.right(), area.bottom());
    fill.lineTo(x0, area.bottom());
    fill.closeSubpath();
    QColor under = colour;
    under.setAlphaF(0.18);
    painter->fillPath(fill, under);
    painter->setPen(QPen(colour, 1.2));
    painter->drawPath(line);
    painter->restore();
  }
  painter->save();
  painter->setPen(opt.palette.color(opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
  painter->drawText(QRectF(opt.rect.left() + 4, opt.rect.top(), numberWidth - 8, opt.rect.height()),
                    Qt::AlignRight | Qt::AlignVCenter, text);
  painter->restore();
}

}  // namespace edgelab::console
