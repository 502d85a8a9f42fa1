#pragma once
// Helpers for tests that run edgelabd as a real process.
#include <QProcess>
#include <QString>

#include <cstdint>

namespace edgelab::test {

// A loopback port that was free a moment ago, outside the kernel's ephemeral range.
std::uint16_t free_port();
// Reads the process's stdout until `needle` shows up (10 s at most).
bool wait_for_line(QProcess& process, const QString& needle, QString& seen);

}  // namespace edgelab::test
