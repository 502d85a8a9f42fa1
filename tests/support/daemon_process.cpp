#include "support/daemon_process.hpp"

#include "http/http_types.hpp"

namespace edgelab::test {

std::uint16_t free_port() {
  net::io_context ioc;
  tcp::acceptor a(ioc, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
  return a.local_endpoint().port();
}

bool wait_for_line(QProcess& p, const QString& needle, QString& seen) {
  for (int i = 0; i < 100 && !seen.contains(needle); ++i) {
    p.waitForReadyRead(100);
    seen += QString::fromUtf8(p.readAllStandardOutput());
  }
  return seen.contains(needle);
}

}  // namespace edgelab::test
