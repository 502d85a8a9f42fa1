#pragma once
// The in-process lab: the topology's nodes, origin and simulated users on
// engine threads, reached by the console only through its control API over
// loopback (as a remote `edgelabd lab --serve` would be).
//
// To be filled in once engine/lab/lab_service.hpp lands (the lab control API
// contract): start() becomes edgelab::LabService::start(options, error) and
// apiUrl()/tokenFile() return its api_url() and api_token_file(); this file
// then links edgelab_engine. Until then start() says why there is no local lab.
#include <QString>
#include <QUrl>

#include <memory>

namespace edgelab::console {

class LabLauncher {
 public:
  static std::unique_ptr<LabLauncher> start(const QString& topology, double rps, QString* error);
  ~LabLauncher();
  QUrl apiUrl() const { return api_url_; }
  QString tokenFile() const { return token_file_; }

 private:
  LabLauncher() = default;
  QUrl api_url_;
  QString token_file_;
};

// --headless: the daemon's lab report (`edgelabd lab`, beside this executable) in this process's place.
int runHeadlessLab(const QString& topology, double rps);

}  // namespace edgelab::console
