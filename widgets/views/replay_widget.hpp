#pragma once
// Replay of finished lab runs from a run database (edgelabd lab --run-db):
// pick a run, and a timeline scrubber plays its map, fleet table and charts
// back second by second (play, pause, speed); pick a second run to compare
// the two, before and after a change.
#include <QPointer>
#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QComboBox;
class QItemSelectionModel;
class QLabel;
class QPushButton;
class QSlider;
QT_END_NAMESPACE

namespace edgelab::console {

class ChartsWidget;
class FleetTableWidget;
class RunComparisonWidget;
class RunDatabaseReader;
class RunReplay;
class WorldMapView;
struct RunData;
struct RunSummary;

class ReplayWidget : public QWidget {
  Q_OBJECT
 public:
  explicit ReplayWidget(QWidget* parent = nullptr);
  ~ReplayWidget() override;

  // Lists the runs in `path`; the newest is loaded.
  void openDatabase(const QString& path);
  RunReplay* replay() const { return replay_; }
  RunComparisonWidget* comparison() const { return comparison_; }
  QString message() const;
  bool hasRun() const;

 signals:
  void runLoaded();

 private:
  void chooseFile();
  void onRunsListed(const QString& path, const QList<RunSummary>& runs);
  void onRunLoaded(const QString& path, std::shared_ptr<const RunData> run);
  void updatePosition(int second);
  void updateComparison();

  RunDatabaseReader* reader_;
  RunReplay* replay_;
  QItemSelectionModel* selection_;
  QString path_;
  std::shared_ptr<const RunData> current_, compared_;
  qint64 main_wanted_ = 0, compare_wanted_ = 0;  // runs asked of the reader, not yet here
  QComboBox* runs_;
  QComboBox* compare_;
  QPushButton* play_;
  QComboBox* speed_;
  QSlider* slider_;
  QLabel* time_;
  QLabel* message_;
  WorldMapView* map_;
  FleetTableWidget* table_;
  ChartsWidget* charts_;
  RunComparisonWidget* comparison_;
};

}  // namespace edgelab::console
