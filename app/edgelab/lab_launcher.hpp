#pragma once
// The in-process lab: the topology's nodes, origin and simulated users on
// engine threads, reached by the console only through its control API over
// loopback (as a remote `edgelabd lab --serve` would be).
//
// It wraps edgelab::LabService: the console gets only the API's URL and token
// file, and drives the lab with LabClient like any other.
#include <QString>
#include <QUrl>

#include <memory>

namespace edgelab {
class LabService;
}

namespace edgelab::console {

class LabLauncher {
 public:
  static std::unique_ptr<LabLauncher> start(const QString& topology, double rps, QString* error);
  ~LabLauncher();
  QUrl apiUrl() const { return api_url_; }
  QString tokenFile() const { return token_file_; }

 private:
  struct Started {};  // only start() makes one

 public:
  explicit LabLauncher(Started);

 private:
  QUrl api_url_;
  QString token_file_;
  std::unique_ptr<LabService> service_;
};

// --headless: the daemon's lab report (`edgelabd lab`, beside this executable) in this process's place.
int runHeadlessLab(const QString& topology, double rps);

}  // namespace edgelab::console
