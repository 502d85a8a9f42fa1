#pragma once
// How the console's read-only tables look and behave, in one place: no row
// numbers, rows one text line high, whole-row single selection, no editing,
// no wrapping, the last column stretched.
#include <QString>

class QTableView;
class QWidget;

namespace edgelab::console {

class TableSetup {
 public:
  static QTableView* create(QWidget* parent, const QString& objectName);
  static void apply(QTableView* view);
};

}  // namespace edgelab::console
