#include "views/replay_widget.hpp"

#include "api/run_database_reader.hpp"
#include "map/world_map_view.hpp"
#include "models/run_replay.hpp"
#include "views/charts_widget.hpp"
#include "views/fleet_table_widget.hpp"
#include "views/run_comparison_widget.hpp"

#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace edgelab::console {

ReplayWidget::ReplayWidget(QWidget* parent) : QWidget(parent) {
  reader_ = new RunDatabaseReader(this);
  replay_ = new RunReplay(this);
  selection_ = new QItemSelectionModel(&replay_->fleet(), this);

  auto* open = new QPushButton(tr("Open run database…"), this);
  open->setObjectName(u"replayOpen"_s);
  runs_ = new QComboBox(this);
  runs_->setObjectName(u"replayRun"_s);
  compare_ = new QComboBox(this);
  compare_->setObjectName(u"replayCompare"_s);
  play_ = new QPushButton(tr("Play"), this);
  play_->setObjectName(u"replayPlay"_s);
  speed_ = new QComboBox(this);
  speed_->setObjectName(u"replaySpeed"_s);
  for (double s : {1.0, 2.0, 4.0, 8.0, 16.0}) speed_->addItem(tr("%1×").arg(s), s);
  slider_ = new QSlider(Qt::Horizontal, this);
  slider_->setObjectName(u"replaySlider"_s);
  time_ = new QLabel(this);
  message_ = new QLabel(tr("Open a run database written by edgelabd lab --run-db FILE"), this);
  message_->setObjectName(u"replayMessage"_s);
  message_->setMinimumWidth(0);
  message_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);  // long paths must not widen the dock

  map_ = new WorldMapView(&replay_->fleet(), selection_, this);
  map_->setObjectName(u"replayMap"_s);
  table_ = new FleetTableWidget(&replay_->fleet(), selection_, this);
  charts_ = new ChartsWidget(&replay_->history(), &replay_->fleet(), selection_, this);
  comparison_ = new RunComparisonWidget(this);
  charts_->setFitToData(true);
  charts_->showChart(ChartsWidget::HitOriginChart);  // a run keeps no latency per tier per second

  auto* top = new QHBoxLayout;
  top->addWidget(open);
  top->addWidget(new QLabel(tr("Run"), this));
  top->addWidget(runs_, 1);
  top->addWidget(new QLabel(tr("Compare with"), this));
  top->addWidget(compare_, 1);
  auto* transport = new QHBoxLayout;
  transport->addWidget(play_);
  transport->addWidget(speed_);
  transport->addWidget(slider_, 2);
  transport->addWidget(time_);
  transport->addWidget(message_, 1);
  // Side by side, so the replay needs no more height than the live map it stands in for.
  auto* tabs = new QTabWidget(this);
  tabs->addTab(charts_, tr("Charts"));
  tabs->addTab(table_, tr("Fleet"));
  tabs->addTab(comparison_, tr("Compare runs"));
  auto* body = new QSplitter(Qt::Horizontal, this);
  body->addWidget(map_);
  body->addWidget(tabs);
  body->setStretchFactor(0, 1);
  body->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(top);
  layout->addLayout(transport);
  layout->addWidget(body, 1);

  connect(open, &QPushButton::clicked, this, &ReplayWidget::chooseFile);
  connect(reader_, &RunDatabaseReader::runsListed, this, &ReplayWidget::onRunsListed);
  connect(reader_, &RunDatabaseReader::runLoaded, this, &ReplayWidget::onRunLoaded);
  connect(reader_, &RunDatabaseReader::failed, this, [this](const QString&, const QString& error) {
    message_->setText(tr("Cannot read the run database: %1").arg(error));
  });
  connect(runs_, &QComboBox::activated, this, [this] {
    if (runs_->currentIndex() < 0) return;
    main_wanted_ = runs_->currentData().toLongLong();
    reader_->loadRun(path_, main_wanted_);
  });
  connect(compare_, &QComboBox::activated, this, &ReplayWidget::updateComparison);
  connect(play_, &QPushButton::clicked, this, [this] {
    replay_->playing() ? replay_->pause() : replay_->play();
    play_->setText(replay_->playing() ? tr("Pause") : tr("Play"));
  });
  connect(speed_, &QComboBox::currentIndexChanged, this,
          [this] { replay_->setSpeed(speed_->currentData().toDouble()); });
  connect(slider_, &QSlider::valueChanged, replay_, &RunReplay::setPosition);
  connect(replay_, &RunReplay::positionChanged, this, &ReplayWidget::updatePosition);
}

ReplayWidget::~ReplayWidget() = default;

QString ReplayWidget::message() const { return message_->text(); }
bool ReplayWidget::hasRun() const { return replay_->run() != nullptr; }

void ReplayWidget::chooseFile() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open a lab run database"), QString(),
                                                    tr("Run databases (*.sqlite *.db);;All files (*)"));
  if (!path.isEmpty()) openDatabase(path);
}

void ReplayWidget::openDatabase(const QString& path) {
  path_ = path;
  message_->setText(tr("Reading %1…").arg(path));
  reader_->listRuns(path);
}

void ReplayWidget::onRunsListed(const QString& path, const QList<RunSummary>& runs) {
  if (path != path_) return;
  runs_->clear();
  compare_->clear();
  compare_->addItem(tr("(no comparison)"), qint64(0));
  const QLocale locale;
  for (const RunSummary& run : runs) {
    const QString label =
        tr("%1 · %2 · %3")
            .arg(QString::number(run.id), run.topology,
                 locale.toString(QDateTime::fromMSecsSinceEpoch(run.started_ms), QLocale::ShortFormat));
    runs_->addItem(run.report.isEmpty() ? tr("%1 (unfinished)").arg(label) : label, run.id);
    compare_->addItem(label, run.id);
  }
  if (runs.isEmpty()) return message_->setText(tr("%1 holds no runs").arg(path));
  message_->setText(tr("%n run(s) in %1", nullptr, static_cast<int>(runs.size())).arg(path));
  runs_->setCurrentIndex(runs_->count() - 1);
  main_wanted_ = runs.last().id;
  reader_->loadRun(path_, main_wanted_);
}

void ReplayWidget::onRunLoaded(const QString& path, std::shared_ptr<const RunData> run) {
  if (path != path_ || !run) return;
  if (run->summary.id != main_wanted_) {
    if (run->summary.id != compare_wanted_) return;  // an answer nobody waits for any more
    compared_ = run;
    compare_wanted_ = 0;
    comparison_->compare(current_, compared_);
    return;
  }
  main_wanted_ = 0;
  current_ = run;
  replay_->load(run);
  {
    const QSignalBlocker blocker(slider_);
    slider_->setRange(0, run->duration_s);
    slider_->setValue(replay_->position());
  }
  updatePosition(replay_->position());
  map_->fitToFleet();
  message_->setText(tr("Run %1 on %2: %3 nodes, %4 s")
                        .arg(QString::number(run->summary.id), run->summary.topology,
                             QString::number(replay_->fleet().rowCount()), QString::number(run->duration_s)));
  updateComparison();
  emit runLoaded();
}

void ReplayWidget::updatePosition(int second) {
  const QSignalBlocker blocker(slider_);
  slider_->setValue(second);
  time_->setText(tr("%1 s of %2 s").arg(second).arg(replay_->duration()));
  if (!replay_->playing()) play_->setText(tr("Play"));
}

void ReplayWidget::updateComparison() {
  const qint64 other = compare_->currentData().toLongLong();
  if (other == 0 || !current_) return comparison_->compare(nullptr, nullptr);
  if (other == current_->summary.id) return comparison_->compare(current_, current_);
  compare_wanted_ = other;
  reader_->loadRun(path_, other);
}

}  // namespace edgelab::console
