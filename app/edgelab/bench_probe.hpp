#pragma once
// EDGELAB_BENCH=1: measures the console while it runs and prints one line at exit
// (tests/bench/console_bench.sh):
//   console: P PoPs, R req/s, F refreshes/s, GUI thread C% of a core, longest frame L ms,
//   first frame T ms, RSS M MiB
// and, with EDGELAB_BENCH_PURGE (a purge the console sends by itself, see main.cpp):
//   purge: N nodes, V verified, F failed, last verified eviction E ms, first pass P ms,
//   longest frame during the purge L ms, waterfall painted W ms after the fan-out finished
// refreshes = map repaints; GUI-thread CPU from /proc/self/task/TID/stat; the longest
// frame is the longest stall of a 10 ms timer on the GUI thread once the first paint
// is done; first frame is from process start (its /proc start time) to the map's
// first paint.
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace edgelab::console {

class ConsoleSession;

class BenchProbe : public QObject {
  Q_OBJECT
 public:
  BenchProbe(ConsoleSession* session, QObject* parent = nullptr);
  void watch(QWidget* map);  // counts its paints (call again after a window rebuild)
  // Stops measuring (before the screenshots, which block the GUI thread on purpose).
  void finish();
  QString line() const;
  // Times the purge the coordinator runs next; `waterfall` is the table that shows it.
  void watchPurge(class PurgeCoordinator* purges, QWidget* waterfall);
  QString purgeLine() const;

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  static double guiThreadCpuSeconds();
  static double processAgeMs();

  QPointer<ConsoleSession> session_;
  QElapsedTimer clock_;
  QTimer ticker_;
  qint64 last_tick_ms_ = 0;
  bool window_up_ = false;  // a tick has run since the first paint
  qint64 longest_stall_ms_ = 0;
  qint64 paints_ = 0;
  double first_frame_ms_ = -1;
  double cpu_at_start_ = 0;
  double rate_sum_ = 0;
  int rate_samples_ = 0;
  double end_seconds_ = -1, end_cpu_ = 0;
  // The purge: from its start to 2 s after its first pass, the longest stall is its own.
  QPointer<class PurgeCampaign> campaign_;
  QPointer<QWidget> waterfall_;
  qint64 purge_started_ms_ = -1, purge_finished_ms_ = -1, purge_painted_ms_ = -1;
  qint64 purge_longest_stall_ms_ = 0;
};

}  // namespace edgelab::console
