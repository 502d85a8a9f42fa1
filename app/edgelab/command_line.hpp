#pragma once
// edgelab's command line. Unknown options and stray arguments are errors that
// name them (exit 2), as in edgelabd.
#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace edgelab::console {

struct ConsoleOptions {
  QStringList connect;  // nodes.json files
  QString connect_lab;  // a lab's control API URL
  QString token_file;   // its token
  QString topology;     // default | world50 | FILE; empty = default (in-process lab)
  double rps = 0;       // 0 = the topology's rate
  bool headless = false;
  QString screenshot_dir;
  double screenshot_after_s = 5;
  int stats_interval_ms = 1000;  // how often each node's /admin/v1/stats is asked
  QString replay;   // a lab run database to open in the Replay view
  QString journal;  // the purge journal (shared with edgelabd ctl --journal); empty: the app's own
  bool help = false;
  bool version = false;
  // An in-process lab starts unless remote nodes or a remote lab were given.
  bool wantsLocalLab() const { return connect.isEmpty() && connect_lab.isEmpty(); }
};

class CommandLine {
  Q_DECLARE_TR_FUNCTIONS(edgelab::console::CommandLine)

 public:
  // `arguments` includes the program name. On error, `error` names the problem.
  static std::optional<ConsoleOptions> parse(const QStringList& arguments, QString* error);
  static QString helpText();
};

}  // namespace edgelab::console
