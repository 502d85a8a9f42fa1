#include "views/lab_controls_widget.hpp"

#include "models/console_session.hpp"

#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace edgelab::console {

LabControlsWidget::LabControlsWidget(ConsoleSession* session, QWidget* parent) : QWidget(parent), session_(session) {
  topology_ = new QLabel(this);
  state_ = new QLabel(this);
  message_ = new QLabel(this);
  message_->setWordWrap(true);
  controls_ = new QWidget(this);

  auto* traffic = new QGroupBox(tr("Simulated users"), controls_);
  start_stop_ = new QPushButton(tr("Start"), traffic);
  rps_ = new QDoubleSpinBox(traffic);
  rps_->setRange(0, 20000);
  rps_->setDecimals(0);
  rps_->setSuffix(tr(" req/s"));
  const QString mixNames[3] = {tr("static"), tr("semi-dynamic"), tr("dynamic")};
  auto* mixRow = new QHBoxLayout;
  for (int i = 0; i < 3; ++i) {
    mix_[i] = new QDoubleSpinBox(traffic);
    mix_[i]->setRange(0, 1);
    mix_[i]->setSingleStep(0.05);
    mix_[i]->setDecimals(2);
    mix_[i]->setToolTip(mixNames[i]);
    mixRow->addWidget(mix_[i]);
  }
  objects_ = new QSpinBox(traffic);
  objects_->setRange(1, 1'000'000);
  zipf_ = new QDoubleSpinBox(traffic);
  zipf_->setRange(0, 3);
  zipf_->setSingleStep(0.1);
  seed_ = new QSpinBox(traffic);
  seed_->setRange(0, 1'000'000'000);
  apply_ = new QPushButton(tr("Apply"), traffic);
  auto* trafficForm = new QFormLayout(traffic);
  trafficForm->addRow(start_stop_);
  trafficForm->addRow(tr("Rate"), rps_);
  trafficForm->addRow(tr("Mix (static, semi, dynamic)"), mixRow);
  trafficForm->addRow(tr("Objects per class"), objects_);
  trafficForm->addRow(tr("Zipf exponent"), zipf_);
  trafficForm->addRow(tr("Seed"), seed_);
  trafficForm->addRow(apply_);

  auto* faults = new QGroupBox(tr("Faults"), controls_);
  fault_node_ = new QComboBox(faults);
  fault_node_->setModel(&session->fleet());
  fault_action_ = new QComboBox(faults);
  const std::pair<const char*, QString> actions[] = {{"kill", tr("Kill the PoP")},
                                                     {"revive", tr("Revive the PoP")},
                                                     {"cut", tr("Cut from its upstream")},
                                                     {"restore", tr("Restore its upstream")},
                                                     {"link-delay", tr("Set the link delay")},
                                                     {"origin-slow", tr("Make the origin slow")},
                                                     {"origin-down", tr("Take the origin down")},
                                                     {"origin-up", tr("Bring the origin up")}};
  for (const auto& [action, label] : actions) fault_action_->addItem(label, QString::fromLatin1(action));
  fault_ms_ = new QSpinBox(faults);
  fault_ms_->setRange(0, 60'000);
  fault_ms_->setValue(200);
  fault_ms_->setSuffix(tr(" ms"));
  inject_ = new QPushButton(tr("Inject"), faults);
  // Names for tests and accessibility tools that drive the panel.
  fault_node_->setObjectName(u"faultNode"_s);
  fault_action_->setObjectName(u"faultAction"_s);
  fault_ms_->setObjectName(u"faultMs"_s);
  inject_->setObjectName(u"injectFault"_s);
  message_->setObjectName(u"labMessage"_s);
  start_stop_->setObjectName(u"startStop"_s);
  rps_->setObjectName(u"rate"_s);
  apply_->setObjectName(u"applyTraffic"_s);
  auto* faultForm = new QFormLayout(faults);
  faultForm->addRow(tr("Node"), fault_node_);
  faultForm->addRow(tr("Action"), fault_action_);
  faultForm->addRow(tr("Delay"), fault_ms_);
  faultForm->addRow(inject_);

  auto* controlsLayout = new QVBoxLayout(controls_);
  controlsLayout->setContentsMargins(0, 0, 0, 0);
  controlsLayout->addWidget(traffic);
  controlsLayout->addWidget(faults);
  auto* layout = new QVBoxLayout(this);
  auto* header = new QFormLayout;
  header->addRow(tr("Topology"), topology_);
  header->addRow(tr("State"), state_);
  layout->addLayout(header);
  layout->addWidget(controls_);
  layout->addWidget(message_);
  layout->addStretch(1);

  connect(session, &ConsoleSession::labChanged, this, &LabControlsWidget::showLab);
  connect(session, &ConsoleSession::trafficChanged, this, &LabControlsWidget::showTraffic);
  connect(start_stop_, &QPushButton::clicked, this, [this] { applyTraffic({{u"running"_s, !running_}}); });
  connect(apply_, &QPushButton::clicked, this, [this] {
    applyTraffic({{u"rps"_s, rps_->value()},
                  {u"mix"_s, QJsonArray{mix_[0]->value(), mix_[1]->value(), mix_[2]->value()}},
                  {u"objects"_s, objects_->value()},
                  {u"zipf"_s, zipf_->value()},
                  {u"seed"_s, seed_->value()}});
  });
  connect(inject_, &QPushButton::clicked, this, [this] {
    sendFault(fault_action_->currentData().toString(), fault_node_->currentText(), fault_ms_->value());
  });
  showLab();
  if (!session->traffic().isEmpty()) showTraffic(session->traffic());
}

void LabControlsWidget::showLab() {
  const LabSummary& lab = session_->labSummary();
  controls_->setEnabled(lab.connected && session_->lab());
  topology_->setText(lab.connected ? (lab.name.isEmpty() ? tr("(loading)") : lab.name) : tr("none"));
  state_->setText(lab.connected ? lab.state : tr("no lab: remote nodes only"));
  if (!lab.connected)
    message_->setText(tr("Start a lab with --topology, or connect to one with --connect-lab URL --token-file F."));
}

void LabControlsWidget::showTraffic(const QJsonObject& traffic) {
  running_ = traffic.value(u"running"_s).toBool();
  start_stop_->setText(running_ ? tr("Stop") : tr("Start"));
  rps_->setValue(traffic.value(u"rps"_s).toDouble());
  const QJsonArray mix = traffic.value(u"mix"_s).toArray();
  for (int i = 0; i < 3 && i < mix.size(); ++i) mix_[i]->setValue(mix[i].toDouble());
  objects_->setValue(traffic.value(u"objects"_s).toInt());
  zipf_->setValue(traffic.value(u"zipf"_s).toDouble());
  seed_->setValue(traffic.value(u"seed"_s).toInt());
}

void LabControlsWidget::applyTraffic(const QJsonObject& settings) {
  if (!session_ || !session_->lab()) return;
  // The window (and this widget) is rebuilt on a language switch while an answer may be on its way.
  session_->lab()->putTraffic(settings, [self = QPointer(this)](const ApiResult& result) {
    if (!self) return;
    self->message_->setText(result.ok() ? tr("Traffic settings applied.") : tr("Traffic not changed: %1").arg(result.error));
  });
}

void LabControlsWidget::sendFault(const QString& action, const QString& node, int ms) {
  if (!session_ || !session_->lab()) return;
  const QString target = action.startsWith(u"origin"_s) ? QString() : node;
  session_->lab()->postFault(action, target, ms, [self = QPointer(this), action, target](const ApiResult& result) {
    if (!self) return;
    if (result.ok()) {
      self->message_->setText(tr("Fault sent: %1 %2").arg(action, target));
    } else {
      self->message_->setText(tr("Fault %1 %2 refused: %3").arg(action, target, result.error));
      self->session_->events().append(QDateTime::currentMSecsSinceEpoch(), u"console"_s, u"fault"_s,
                                      self->message_->text());
    }
  });
}

}  // namespace edgelab::console
