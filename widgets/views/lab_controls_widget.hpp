#pragma once
// Lab controls: the lab's topology and state, its traffic settings (start/stop,
// rate, mix, objects, Zipf, seed) and faults, all sent through LabClient.
// Disabled with a note when no lab is connected (remote nodes only).
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace edgelab::console {

class ConsoleSession;

class LabControlsWidget : public QWidget {
  Q_OBJECT
 public:
  explicit LabControlsWidget(ConsoleSession* session, QWidget* parent = nullptr);

  // Sends a fault; the answer (or its error) goes to the event log and the status line.
  void sendFault(const QString& action, const QString& node, int ms = 0);

 private:
  void showLab();
  void showTraffic(const QJsonObject& traffic);
  void applyTraffic(const QJsonObject& settings);

  QPointer<ConsoleSession> session_;
  QLabel* topology_;
  QLabel* state_;
  QLabel* message_;
  QPushButton* start_stop_;
  QDoubleSpinBox* rps_;
  QDoubleSpinBox* mix_[3];
  QSpinBox* objects_;
  QDoubleSpinBox* zipf_;
  QSpinBox* seed_;
  QPushButton* apply_;
  QComboBox* fault_node_;
  QComboBox* fault_action_;
  QSpinBox* fault_ms_;
  QPushButton* inject_;
  QWidget* controls_;
  bool running_ = false;
};

}  // namespace edgelab::console
