#include "command_line.hpp"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {

struct Parser {
  QCommandLineParser parser;
  QCommandLineOption connect{u"connect"_s, CommandLine::tr("Watch the nodes listed in a nodes.json (repeatable)."),
                             CommandLine::tr("nodes.json")};
  QCommandLineOption connectLab{u"connect-lab"_s, CommandLine::tr("Connect to a lab's control API."),
                                CommandLine::tr("URL")};
  QCommandLineOption tokenFile{u"token-file"_s, CommandLine::tr("The lab API's token file (with --connect-lab)."),
                               CommandLine::tr("file")};
  QCommandLineOption topology{u"topology"_s,
                              CommandLine::tr("The in-process lab's topology: default, world50 or a file."),
                              CommandLine::tr("name")};
  QCommandLineOption rps{u"rps"_s, CommandLine::tr("Simulated users' request rate."), CommandLine::tr("N")};
  QCommandLineOption headless{u"headless"_s, CommandLine::tr("No window: run the lab and print its report.")};
  QCommandLineOption screenshot{u"screenshot"_s,
                                CommandLine::tr("Write one PNG per main view into a directory, then exit."),
                                CommandLine::tr("dir")};
  QCommandLineOption after{u"after"_s, CommandLine::tr("Seconds to run before the screenshots (default 5)."),
                           CommandLine::tr("seconds")};
  QCommandLineOption statsInterval{u"stats-interval-ms"_s,
                                   CommandLine::tr("How often each node's stats are asked (default 1000)."),
                                   CommandLine::tr("ms")};
  QCommandLineOption replay{u"replay"_s, CommandLine::tr("Open a lab run database (edgelabd lab --run-db) in the Replay view."),
                            CommandLine::tr("file")};
  QCommandLineOption journal{u"journal"_s,
                             CommandLine::tr("The purge journal, to share it with edgelabd ctl --journal."),
                             CommandLine::tr("file")};
  QCommandLineOption help{{u"h"_s, u"help"_s}, CommandLine::tr("Show this help.")};
  QCommandLineOption version{u"version"_s, CommandLine::tr("Show the version.")};

  Parser() {
    parser.setApplicationDescription(CommandLine::tr("EdgeLab console: launch and watch a multi-node edge lab."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    for (const auto* option :
         {&connect, &connectLab, &tokenFile, &topology, &rps, &headless, &screenshot, &after, &statsInterval, &replay,
          &journal, &help, &version})
      parser.addOption(*option);
  }
};

}  // namespace

std::optional<ConsoleOptions> CommandLine::parse(const QStringList& arguments, QString* error) {
  Parser p;
  if (!p.parser.parse(arguments)) {
    const QStringList unknown = p.parser.unknownOptionNames();
    *error = unknown.isEmpty() ? p.parser.errorText() : tr("unknown option --%1").arg(unknown.first());
    return std::nullopt;
  }
  if (!p.parser.positionalArguments().isEmpty()) {
    *error = tr("unexpected argument \"%1\"").arg(p.parser.positionalArguments().first());
    return std::nullopt;
  }
  ConsoleOptions o;
  o.help = p.parser.isSet(p.help);
  o.version = p.parser.isSet(p.version);
  o.connect = p.parser.values(p.connect);
  o.connect_lab = p.parser.value(p.connectLab);
  o.token_file = p.parser.value(p.tokenFile);
  o.topology = p.parser.value(p.topology);
  o.headless = p.parser.isSet(p.headless);
  o.screenshot_dir = p.parser.value(p.screenshot);
  o.replay = p.parser.value(p.replay);
  o.journal = p.parser.value(p.journal);
  if (p.parser.isSet(p.rps)) {
    bool ok = false;
    o.rps = p.parser.value(p.rps).toDouble(&ok);
    if (!ok || o.rps <= 0 || o.rps > 20000) {
      *error =
          tr("--rps: expected a number of requests per second from 1 to 20000, got \"%1\"").arg(p.parser.value(p.rps));
      return std::nullopt;
    }
  }
  if (p.parser.isSet(p.after)) {
    bool ok = false;
    o.screenshot_after_s = p.parser.value(p.after).toDouble(&ok);
    if (!ok || o.screenshot_after_s < 0 || o.screenshot_after_s > 3600) {
      *error = tr("--after: expected seconds from 0 to 3600, got \"%1\"").arg(p.parser.value(p.after));
      return std::nullopt;
    }
    if (o.screenshot_dir.isEmpty()) {
      *error = tr("--after goes with --screenshot DIR");
      return std::nullopt;
    }
  }
  if (p.parser.isSet(p.statsInterval)) {
    bool ok = false;
    o.stats_interval_ms = p.parser.value(p.statsInterval).toInt(&ok);
    if (!ok || o.stats_interval_ms < 100 || o.stats_interval_ms > 60000) {
      *error = tr("--stats-interval-ms: expected milliseconds from 100 to 60000, got \"%1\"")
                   .arg(p.parser.value(p.statsInterval));
      return std::nullopt;
    }
  }
  if (!o.connect_lab.isEmpty() && o.token_file.isEmpty()) {
    *error = tr("--connect-lab needs --token-file F (the lab API's token)");
    return std::nullopt;
  }
  if (o.connect_lab.isEmpty() && !o.token_file.isEmpty()) {
    *error = tr("--token-file goes with --connect-lab URL");
    return std::nullopt;
  }
  if (!o.wantsLocalLab() && (!o.topology.isEmpty() || o.rps > 0)) {
    *error = tr("--topology and --rps start a local lab; they do not go with --connect or --connect-lab");
    return std::nullopt;
  }
  if (o.headless && (!o.wantsLocalLab() || !o.screenshot_dir.isEmpty())) {
    *error = tr("--headless runs the local lab's report; it does not go with --connect, --connect-lab or --screenshot");
    return std::nullopt;
  }
  return o;
}

QString CommandLine::helpText() { return Parser().parser.helpText(); }

}  // namespace edgelab::console
