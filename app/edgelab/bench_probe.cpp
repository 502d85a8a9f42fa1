#include "bench_probe.hpp"

#include "models/console_session.hpp"
#include "models/purge_campaign.hpp"
#include "models/purge_coordinator.hpp"

#include <QEvent>
#include <QFile>
#include <QWidget>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {

// Fields 14/15 (utime, stime) or 22 (starttime) of a /proc stat line, after the "(comm)".
QList<QByteArray> statFields(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  const QByteArray text = file.readAll();
  return text.mid(text.lastIndexOf(')') + 2).split(' ');  // fields from 3 (state) on
}

}  // namespace

BenchProbe::BenchProbe(ConsoleSession* session, QObject* parent) : QObject(parent), session_(session) {
  clock_.start();
  cpu_at_start_ = guiThreadCpuSeconds();
  ticker_.setInterval(10);
  ticker_.setTimerType(Qt::PreciseTimer);
  connect(&ticker_, &QTimer::timeout, this, [this] {
    const qint64 now = clock_.elapsed();
    // Frames once the window is up: the gap that holds the first paint is start-up,
    // reported as the first-frame figure.
    if (first_frame_ms_ >= 0) {
      if (window_up_) longest_stall_ms_ = std::max(longest_stall_ms_, now - last_tick_ms_);
      const bool purging = purge_started_ms_ >= 0 && (purge_finished_ms_ < 0 || now < purge_finished_ms_ + 2000);
      if (window_up_ && purging) purge_longest_stall_ms_ = std::max(purge_longest_stall_ms_, now - last_tick_ms_);
      window_up_ = true;
    }
    last_tick_ms_ = now;
    if (session_ && now % 1000 < 10 && session_->labSummary().requests_per_s > 0) {
      rate_sum_ += session_->labSummary().requests_per_s;
      ++rate_samples_;
    }
  });
  ticker_.start();
}

void BenchProbe::watch(QWidget* map) { map->installEventFilter(this); }

void BenchProbe::watchPurge(PurgeCoordinator* purges, QWidget* waterfall) {
  waterfall_ = waterfall;
  waterfall->installEventFilter(this);
  connect(purges, &PurgeCoordinator::started, this, [this](PurgeCampaign* campaign) {
    if (campaign_) return;  // the first one only
    campaign_ = campaign;
    purge_started_ms_ = clock_.elapsed();
    connect(campaign, &PurgeCampaign::finishedFirstPass, this, [this] { purge_finished_ms_ = clock_.elapsed(); });
  });
}

QString BenchProbe::purgeLine() const {
  if (!campaign_) return {};
  int verified = 0, failed = 0;
  double last = -1;
  for (const auto& n : campaign_->nodes()) {
    if (n.state == NodePurgeProgress::State::verified) ++verified;
    if (n.state == NodePurgeProgress::State::failed) ++failed;
    last = std::max(last, n.verified_ms);
  }
  return u"purge: %1 nodes, %2 verified, %3 failed, last verified eviction %4 ms, first pass %5 ms, longest frame "
         u"during the purge %6 ms, waterfall painted %7 ms after the fan-out finished"_s.arg(campaign_->nodes().size())
      .arg(verified)
      .arg(failed)
      .arg(last, 0, 'f', 1)
      .arg(campaign_->totalMs(), 0, 'f', 1)
      .arg(purge_longest_stall_ms_)
      .arg(purge_painted_ms_ >= 0 && purge_finished_ms_ >= 0 ? purge_painted_ms_ - purge_finished_ms_ : -1);
}

bool BenchProbe::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::Paint && watched == waterfall_) {
    if (purge_finished_ms_ >= 0 && purge_painted_ms_ < 0) purge_painted_ms_ = clock_.elapsed();
    return QObject::eventFilter(watched, event);
  }
  if (event->type() == QEvent::Paint) {
    ++paints_;
    if (first_frame_ms_ < 0) first_frame_ms_ = processAgeMs();
  }
  return QObject::eventFilter(watched, event);
}

double BenchProbe::guiThreadCpuSeconds() {
  const auto f = statFields(u"/proc/self/task/%1/stat"_s.arg(::gettid()));
  if (f.size() < 13) return 0;
  return (f[11].toDouble() + f[12].toDouble()) / double(::sysconf(_SC_CLK_TCK));  // utime, stime
}

double BenchProbe::processAgeMs() {
  const auto self = statFields(u"/proc/self/stat"_s);
  QFile uptime(u"/proc/uptime"_s);
  if (self.size() < 20 || !uptime.open(QIODevice::ReadOnly)) return -1;
  const double startedS = self[19].toDouble() / double(::sysconf(_SC_CLK_TCK));  // field 22: starttime
  const double nowS = uptime.readAll().split(' ').value(0).toDouble();
  return (nowS - startedS) * 1000.0;
}

void BenchProbe::finish() {
  if (end_seconds_ >= 0) return;
  ticker_.stop();
  end_seconds_ = clock_.elapsed() / 1000.0;
  end_cpu_ = guiThreadCpuSeconds();
}

QString BenchProbe::line() const {
  const double seconds = std::max(0.001, end_seconds_ >= 0 ? end_seconds_ : clock_.elapsed() / 1000.0);
  const double cpu = ((end_seconds_ >= 0 ? end_cpu_ : guiThreadCpuSeconds()) - cpu_at_start_) / seconds * 100.0;
  double rssMiB = 0;
  QFile status(u"/proc/self/status"_s);
  if (status.open(QIODevice::ReadOnly))
    for (const QByteArray& l : status.readAll().split('\n'))
      if (l.startsWith("VmRSS:")) rssMiB = l.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
  const int pops = session_ ? session_->fleet().rowCount() : 0;
  return u"console: %1 PoPs, %2 req/s, %3 refreshes/s, GUI thread %4% of a core, longest frame %5 ms, "
         u"first frame %6 ms, RSS %7 MiB"_s.arg(pops)
             .arg(rate_samples_ ? rate_sum_ / rate_samples_ : 0.0, 0, 'f', 0)
             .arg(paints_ / seconds, 0, 'f', 1)
             .arg(cpu, 0, 'f', 1)
             .arg(longest_stall_ms_)
             .arg(first_frame_ms_, 0, 'f', 0)
             .arg(rssMiB, 0, 'f', 0);
}

}  // namespace edgelab::console
