#pragma once
// Wall-clock time as stored in logs, journals and run databases.
#include <chrono>
#include <cstdint>

namespace edgelab {

inline std::int64_t unix_millis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace edgelab
