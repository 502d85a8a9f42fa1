#pragma once
// The event log: EventLogModel through EventFilterProxy, with a node and a kind
// chooser and a text filter; follows new events while scrolled to the bottom.
#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;

namespace edgelab::console {

class EventFilterProxy;
class EventLogModel;

class EventLogWidget : public QWidget {
  Q_OBJECT
 public:
  explicit EventLogWidget(EventLogModel* events, QWidget* parent = nullptr);
  EventFilterProxy* proxy() const { return proxy_; }
  QTableView* table() const { return table_; }

 private:
  void refillChoices();

  EventLogModel* events_;
  EventFilterProxy* proxy_;
  QComboBox* node_;
  QComboBox* kind_;
  QLineEdit* text_;
  QTableView* table_;
};

}  // namespace edgelab::console
