#pragma once
// A finished lab run played back second by second: its nodes as a fleet
// (for a map and a fleet table of their own) and its lab-wide figures as a
// traffic history (for the charts), both as they stood at the scrubber's
// second. Play, pause, speed; a jump rebuilds the history up to the second.
#include "api/run_database_reader.hpp"
#include "models/fleet_model.hpp"
#include "models/traffic_history.hpp"

#include <QTimer>

#include <memory>

namespace edgelab::console {

class RunReplay : public QObject {
  Q_OBJECT
 public:
  explicit RunReplay(QObject* parent = nullptr);

  void load(std::shared_ptr<const RunData> run);
  const RunData* run() const { return run_.get(); }
  FleetModel& fleet() { return fleet_; }
  TrafficHistory& history() { return history_; }

  int position() const { return position_; }  // 0 before the first second
  int duration() const { return run_ ? run_->duration_s : 0; }
  void setPosition(int second);
  void play();
  void pause();
  bool playing() const { return timer_.isActive(); }
  void setSpeed(double factor);  // 1 = real time
  double speed() const { return speed_; }

  // The lab-wide figures of one second, as the charts get them (also used to compare runs).
  static TrafficSecond labSecond(const RunData& run, int second);

 signals:
  void positionChanged(int second);
  void loaded();

 private:
  void step();
  void applyNodes(int second);
  bool killedAt(const QString& node, qint64 atMs) const;

  std::shared_ptr<const RunData> run_;
  FleetModel fleet_;
  TrafficHistory history_;
  QTimer timer_;
  int position_ = 0;
  double speed_ = 1;
};

}  // namespace edgelab::console
