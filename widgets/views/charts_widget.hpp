#pragma once
// Latency and traffic charts over the lab's history (Qt Charts): p50/p99 per
// served tier and for the selected PoP (its sampled requests); hit ratio,
// requests/s and origin fetches/s; requests/s per continent; a latency
// histogram split by hit and miss on log-spaced buckets (a graphical
// varnishhist); and the mean latency per retrieval tier against the design's
// reference figures. Ten minutes at a time, live or scrolled back; any chart
// to PNG and its data to CSV.
#include <QPointer>
#include <QWidget>

#include <array>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QCheckBox;
class QItemSelectionModel;
class QLabel;
class QScrollBar;
class QTabWidget;
QT_END_NAMESPACE

namespace edgelab::console {

class FleetModel;
class TrafficHistory;

class ChartsWidget : public QWidget {
  Q_OBJECT
 public:
  enum Chart { LatencyChart, HitOriginChart, ContinentChart, HistogramChart, TierBarChart, ChartCount };
  static constexpr int kWindowSeconds = 600;

  ChartsWidget(TrafficHistory* history, FleetModel* fleet, QItemSelectionModel* selection, QWidget* parent = nullptr);

  QChart* chart(Chart which) const;
  QChartView* chartView(Chart which) const { return views_[which]; }
  void showChart(Chart which);
  // Redraws every chart now (they redraw on their own as the history grows).
  void refreshAll();
  // Where the ten-minute window ends (unix seconds), and whether it follows the newest second.
  qint64 windowEnd() const;
  bool live() const;
  // A replayed run shorter than the window is drawn across the whole width.
  void setFitToData(bool fit) { fit_to_data_ = fit; }

 private:
  void refresh(int which);
  void refreshLatency(qint64 from, qint64 to);
  void refreshHitOrigin(qint64 from, qint64 to);
  void refreshContinents(qint64 from, qint64 to);
  void refreshHistogram(qint64 from, qint64 to);
  void refreshTierBars();
  void updateScroll();
  void exportPng();
  void exportCsv();
  QString selectedPop() const;

  QPointer<TrafficHistory> history_;
  QPointer<FleetModel> fleet_;
  QPointer<QItemSelectionModel> selection_;
  QTabWidget* tabs_;
  std::array<QChartView*, ChartCount> views_{};
  QScrollBar* scroll_;
  QCheckBox* live_;
  QLabel* window_label_;
  bool fit_to_data_ = true;  // a fresh lab's first seconds fill the width, not its right edge
};

}  // namespace edgelab::console
