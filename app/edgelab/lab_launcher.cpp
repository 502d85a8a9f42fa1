#include "lab_launcher.hpp"

#include "lab/lab_service.hpp"

#include <QCoreApplication>
#include <QFileInfo>

#include <sys/resource.h>
#include <unistd.h>

#include <iostream>
#include <string>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {

constexpr int kLabNiceness = 5;  // the GUI thread stays at the process's own (0)

}  // namespace

std::unique_ptr<LabLauncher> LabLauncher::start(const QString& topology, double rps, QString* error) {
  LabServiceOptions options;
  options.topology = topology.isEmpty() ? std::string("default") : topology.toStdString();
  options.rps = rps;
  std::string why;
  // The lab is started from a thread of its own at a lower priority, which every
  // engine thread it makes inherits (Linux keeps the nice value per thread): on a
  // small machine the simulated users and 55 nodes can take every core, and the
  // window must still draw and answer on time. Only a little lower: at nice 10 a
  // parallel compile starved the lab until every health check came back late.
  std::unique_ptr<LabService> service;
  std::thread starter([&] {
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), kLabNiceness);
    service = LabService::start(options, why);
  });
  starter.join();
  if (!service) {
    *error = QCoreApplication::translate("edgelab::console::LabLauncher", "the local lab did not start: %1")
                 .arg(QString::fromStdString(why));
    return nullptr;
  }
  auto launcher = std::make_unique<LabLauncher>(Started{});
  launcher->api_url_ = QUrl(QString::fromStdString(service->api_url()));
  launcher->token_file_ = QString::fromStdString(service->api_token_file().string());
  launcher->service_ = std::move(service);
  return launcher;
}

LabLauncher::LabLauncher(Started) {}
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
