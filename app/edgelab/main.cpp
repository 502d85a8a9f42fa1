// edgelab: the console. Parses the command line, sets up the application and
// its translators, connects the session (remote nodes, a remote lab, or the
// in-process lab) and shows the main window; --screenshot writes the views
// as PNGs after a while and exits.
#include "bench_probe.hpp"
#include "command_line.hpp"
#include "lab_launcher.hpp"
#include "map/land_geometry.hpp"
#include "map/world_map_view.hpp"
#include "models/console_session.hpp"
#include "models/saved_nodes.hpp"
#include "views/charts_widget.hpp"
#include "views/main_window.hpp"
#include "views/purge_panel_widget.hpp"
#include "views/ui_language.hpp"
#include "views/ui_theme.hpp"
#include "views/window_host.hpp"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QScreen>
#include <QTableView>
#include <QTimer>

#include <cstdio>
#include <sys/resource.h>
#include <memory>

using namespace Qt::StringLiterals;
using namespace edgelab::console;

namespace {

void printLine(FILE* to, const QString& text) { std::fprintf(to, "%s\n", text.toLocal8Bit().constData()); }

bool hasDisplay() {
  return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
         !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

// Writes every main view and the whole window as PNGs; false (with a message) when one fails.
bool writeScreenshots(const MainWindow& window, const QString& directory) {
  if (!QDir().mkpath(directory)) {
    printLine(stderr, QCoreApplication::translate("main", "edgelab: cannot create %1").arg(directory));
    return false;
  }
  auto save = [&](QWidget* widget, const QString& name) {
    const QString path = QDir(directory).filePath(name + u".png"_s);
    if (!widget->grab().save(path, "PNG")) {
      printLine(stderr, QCoreApplication::translate("main", "edgelab: cannot write %1").arg(path));
      return false;
    }
    printLine(stdout, path);
    return true;
  };
  auto& w = const_cast<MainWindow&>(window);
  const QMap<QString, QWidget*> views = window.views();
  for (auto it = views.begin(); it != views.end(); ++it) {
    // Tabbed docks share a place: bring each to the front, and show the window with it.
    w.showView(it.key());
    QCoreApplication::processEvents();
    if (!save(it.value(), it.key())) return false;
    if (it.key() == u"charts"_s)  // every chart, not only the tab in front
      for (int chart = 0; chart < ChartsWidget::ChartCount; ++chart) {
        w.charts()->showChart(static_cast<ChartsWidget::Chart>(chart));
        QCoreApplication::processEvents();
        if (!save(it.value(), u"charts-%1"_s.arg(chart))) return false;
      }
    if (it.key() == u"inspector"_s || it.key() == u"purge"_s || it.key() == u"charts"_s || it.key() == u"replay"_s ||
        it.key() == u"whatif"_s || it.key() == u"traces"_s)
      if (!save(&w, u"window-"_s + it.key())) return false;
  }
  w.showView(u"fleet"_s);
  w.showView(u"map"_s);
  QCoreApplication::processEvents();
  return save(&w, u"window"_s);
}

// The in-process lab (or why there is none, in the event log).
std::unique_ptr<LabLauncher> startLocalLab(ConsoleSession& session, const ConsoleOptions& options) {
  QString error;
  auto lab = LabLauncher::start(options.topology.isEmpty() ? u"default"_s : options.topology, options.rps, &error);
  if (lab) {
    session.connectLab(lab->apiUrl(), lab->tokenFile());
  } else {
    session.events().append(QDateTime::currentMSecsSinceEpoch(), u"console"_s, u"lab"_s,
                            QCoreApplication::translate("main", "no local lab: %1").arg(error));
  }
  return lab;
}

// Remote nodes added in earlier sessions (Fleet -> Add nodes…).
void addSavedNodes(ConsoleSession& session) {
  QString error;
  for (const auto& node : SavedNodes::load(&error)) session.addNode(node);
  if (!error.isEmpty())
    session.events().append(QDateTime::currentMSecsSinceEpoch(), u"console"_s, u"settings"_s,
                            QCoreApplication::translate("main", "saved nodes left out: %1").arg(error));
}

}  // namespace

// The in-process lab holds a socket per simulated connection and two per WAN-link hop, beside
// the console's own: Debian's default soft limit of 1024 descriptors is far too few. Raised to
// the hard limit, as nginx (worker_rlimit_nofile) and Varnish do.
void raiseOpenFileLimit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max) return;
  limit.rlim_cur = limit.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &limit);
}

int main(int argc, char* argv[]) {
  raiseOpenFileLimit();
  QStringList arguments;
  for (int i = 0; i < argc; ++i) arguments << QString::fromLocal8Bit(argv[i]);
  QString error;
  const auto options = CommandLine::parse(arguments, &error);
  if (!options) {
    printLine(stderr, u"edgelab: "_s + error);
    printLine(stderr, QCoreApplication::translate("main", "Try 'edgelab --help'."));
    return 2;
  }
  if (options->help) {
    printLine(stdout, CommandLine::helpText());
    return 0;
  }
  if (options->version) {
    printLine(stdout, u"edgelab " EDGELAB_CONSOLE_VERSION ""_s);
    return 0;
  }
  const bool screenshots = !options->screenshot_dir.isEmpty();
  if (!options->headless && !hasDisplay() && screenshots) qputenv("QT_QPA_PLATFORM", "offscreen");
  if (options->headless || !hasDisplay()) {
    if (!options->headless) {
      if (!options->wantsLocalLab()) {
        printLine(stderr,
                  QCoreApplication::translate("main", "edgelab: no display (DISPLAY and WAYLAND_DISPLAY are unset)"));
        return 1;
      }
      printLine(stderr,
                QCoreApplication::translate(
                    "main", "edgelab: no display (DISPLAY and WAYLAND_DISPLAY are unset); running the lab headless"));
    }
    return runHeadlessLab(options->topology, options->rps);
  }

  QApplication app(argc, argv);
  QApplication::setOrganizationName(u"EdgeLab"_s);
  QApplication::setApplicationName(u"edgelab"_s);
  QApplication::setApplicationVersion(u"" EDGELAB_CONSOLE_VERSION ""_s);
  UiLanguage::install(UiLanguage::saved());
  UiTheme::scaleFontFor(QGuiApplication::primaryScreen());
  // EDGELAB_DARK=1|0 overrides the saved palette choice (screenshots of both).
  const QByteArray darkEnv = qgetenv("EDGELAB_DARK");
  UiTheme::apply(darkEnv.isEmpty() ? UiTheme::savedDark() : darkEnv == "1");

  AdminClient::Intervals intervals;
  intervals.stats_ms = options->stats_interval_ms;
  ConsoleSession session(intervals);
  if (!options->journal.isEmpty()) session.setPurgeJournal(options->journal);
  if (!options->replay.isEmpty()) session.setReplayPath(options->replay);
  for (const QString& file : options->connect) {
    if (!session.addNodesFile(file, &error)) {
      printLine(stderr, u"edgelab: --connect "_s + error);
      return 2;
    }
  }
  if (!options->connect_lab.isEmpty()) session.connectLab(QUrl(options->connect_lab), options->token_file);
  std::unique_ptr<LabLauncher> lab;
  if (options->wantsLocalLab()) {
    lab = startLocalLab(session, *options);
    if (!screenshots) addSavedNodes(session);
  }

  std::unique_ptr<BenchProbe> probe;
  if (qEnvironmentVariable("EDGELAB_BENCH") == u"1"_s) probe = std::make_unique<BenchProbe>(&session);

  // The land is parsed and projected before the first paint, so that paint is not
  // the longest frame of the run.
  LandGeometry::instance();

  // The window is rebuilt on a language switch; the session keeps running under it.
  WindowHost host(&session, !screenshots);
  QObject::connect(&host, &WindowHost::windowShown, &app, [&](MainWindow* window) {
    if (screenshots) window->resize(window->screen()->availableGeometry().size());
    if (probe) probe->watch(window->map());
    if (probe)
      if (auto* waterfall = window->findChild<QTableView*>(u"purgeWaterfall"_s))
        probe->watchPurge(&session.purges(), waterfall->viewport());
  });
  host.show();
  // EDGELAB_BENCH_PURGE=KIND[:VALUE][:soft] (tag:news, all, all:soft): the console sends that purge
  // to the whole fleet by itself after EDGELAB_BENCH_PURGE_AT_S seconds (default 10), for the benchmark.
  if (const QString bench = qEnvironmentVariable("EDGELAB_BENCH_PURGE"); !bench.isEmpty()) {
    const int at = qEnvironmentVariableIsSet("EDGELAB_BENCH_PURGE_AT_S") ? qEnvironmentVariableIntValue("EDGELAB_BENCH_PURGE_AT_S") : 10;
    QTimer::singleShot(at * 1000, &app, [&host, bench] {
      const QStringList parts = bench.split(u':');
      const bool soft = parts.last() == u"soft"_s;
      const QString value = parts.size() > 1 && parts[1] != u"soft"_s ? parts[1] : QString();
      MainWindow* window = host.window();
      window->showView(u"purge"_s);
      window->purgePanel()->setConfirmation([](const QString&) { return true; });
      window->purgePanel()->purge(parts[0], value, soft, 0);
    });
  }

  if (screenshots) {
    QTimer::singleShot(static_cast<int>(options->screenshot_after_s * 1000), &app, [&] {
      if (probe) probe->finish();
      QApplication::exit(writeScreenshots(*host.window(), options->screenshot_dir) ? 0 : 1);
    });
  }
  const int status = app.exec();
  if (probe) printLine(stdout, probe->line());
  if (probe && !probe->purgeLine().isEmpty()) printLine(stdout, probe->purgeLine());
  return status;
}
