#include "views/ui_theme.hpp"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QScreen>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

using namespace Qt::StringLiterals;

namespace edgelab::console {

bool UiTheme::savedDark() { return QSettings().value(u"ui/dark"_s, false).toBool(); }

void UiTheme::saveDark(bool dark) { QSettings().setValue(u"ui/dark"_s, dark); }

void UiTheme::apply(bool dark) {
  static const QPalette system = QApplication::palette();
  if (!dark) {
    QApplication::setPalette(system);
    return;
  }
  if (auto* fusion = QStyleFactory::create(u"Fusion"_s)) QApplication::setStyle(fusion);
  QPalette p;
  const QColor window(0x20, 0x24, 0x2a), base(0x16, 0x19, 0x1e), text(0xe6, 0xe9, 0xed), mid(0x3a, 0x40, 0x48);
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, base);
  p.setColor(QPalette::AlternateBase, QColor(0x1c, 0x20, 0x26));
  p.setColor(QPalette::ToolTipBase, window);
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, QColor(0x2a, 0x2f, 0x36));
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::BrightText, Qt::white);
  p.setColor(QPalette::Link, QColor(0x56, 0xB4, 0xE9));
  p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xb0));
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Mid, mid);
  p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x92, 0x9c));
  for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
    p.setColor(QPalette::Disabled, role, QColor(0x70, 0x78, 0x82));
  QApplication::setPalette(p);
}

void UiTheme::scaleFontFor(const QScreen* screen) {
  if (!screen || screen->devicePixelRatio() > 1.0) return;
  const int lines = screen->geometry().height();
  if (lines < 1400) return;
  QFont font = QApplication::font();
  font.setPointSizeF(font.pointSizeF() * std::min(1.8, lines / 1000.0));
  QApplication::setFont(font);
}

}  // namespace edgelab::console
