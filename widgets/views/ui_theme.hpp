#pragma once
// Light or dark: the system's palette by default, or a dark Fusion palette
// (View -> Dark palette, kept in QSettings "ui/dark") for wall screens and dark
// rooms. And a text size for large screens without high-DPI scaling.
#include <QCoreApplication>

class QScreen;

namespace edgelab::console {

class UiTheme {
  Q_DECLARE_TR_FUNCTIONS(edgelab::console::UiTheme)

 public:
  static bool savedDark();
  static void saveDark(bool dark);
  static void apply(bool dark);
  // A wall screen at 1440 lines or more with a device pixel ratio of 1 (no high-DPI
  // scaling, as under Xvfb or on many TVs) gets proportionally larger text.
  static void scaleFontFor(const QScreen* screen);
};

}  // namespace edgelab::console
