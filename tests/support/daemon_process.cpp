#include "support/daemon_process.hpp"

#include "http/http_types.hpp"

#include <random>

namespace edgelab::test {

// Below Linux's ephemeral range (32768-60999): a port the kernel hands out for a
// bind to port 0 or an outgoing connection, from this test or one running beside
// it, can never be one chosen here, not even while a daemon restarts on it.
// Where to start is random per process, so parallel tests rarely try the same one.
std::uint16_t free_port() {
  constexpr unsigned kFirst = 20000, kCount = 12000;
  static unsigned next = std::random_device{}() % kCount;
  net::io_context ioc;
  for (unsigned tries = 0; tries < kCount; ++tries) {
    const auto port = static_cast<std::uint16_t>(kFirst + next++ % kCount);
    tcp::acceptor a(ioc);
    boost::system::error_code ec;
    a.open(tcp::v4(), ec);
    if (!ec) a.bind(tcp::endpoint(net::ip::make_address("127.0.0.1"), port), ec);
    if (!ec) return port;
  }
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
