#include "lab_launcher.hpp"

#include <QCoreApplication>
#include <QFileInfo>

#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

using namespace Qt::StringLiterals;

namespace edgelab::console {

std::unique_ptr<LabLauncher> LabLauncher::start(const QString& topology, double rps, QString* error) {
  Q_UNUSED(topology);
  Q_UNUSED(rps);
  *error = QCoreApplication::translate(
      "edgelab::console::LabLauncher",
      "this build has no in-process lab yet; start one with `edgelabd lab --serve --nodes-file F` and use --connect F");
  return nullptr;
}

LabLauncher::~LabLauncher() = default;

int runHeadlessLab(const QString& topology, double rps) {
  // Before any QCoreApplication: the path of this executable from /proc.
  const QString self = QFileInfo(u"/proc/self/exe"_s).canonicalFilePath();
  const std::string daemon = QString(QFileInfo(self).absolutePath() + u"/edgelabd"_s).toStdString();
  std::vector<std::string> args{daemon, "lab"};
  if (!topology.isEmpty()) args.insert(args.end(), {"--topology", topology.toStdString()});
  if (rps > 0) args.insert(args.end(), {"--rps", std::to_string(rps)});
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  ::execv(daemon.c_str(), argv.data());
  std::cerr << "edgelab: cannot run " << daemon << " for --headless\n";
  return 1;
}

}  // namespace edgelab::console
