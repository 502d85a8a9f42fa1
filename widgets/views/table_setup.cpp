#include "views/table_setup.hpp"

#include <QHeaderView>
#include <QTableView>

namespace edgelab::console {

QTableView* TableSetup::create(QWidget* parent, const QString& objectName) {
  auto* view = new QTableView(parent);
  view->setObjectName(objectName);
  apply(view);
  return view;
}

void TableSetup::apply(QTableView* view) {
  view->verticalHeader()->hide();
  view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
  view->setSelectionBehavior(QAbstractItemView::SelectRows);
  view->setSelectionMode(QAbstractItemView::SingleSelection);
  view->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view->setWordWrap(false);
  view->horizontalHeader()->setStretchLastSection(true);
}

}  // namespace edgelab::console
