#pragma once
// Keeps a misbehaving peer from flooding the event stream: at most one event
// per key per interval, and that one says how many happened since the last.
// Counters still count every occurrence; this only thins what is published.
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace edgelab {

class EventThrottle {
 public:
  explicit EventThrottle(std::chrono::milliseconds interval = std::chrono::seconds(1)) : interval_(interval) {}

  // The occurrences (this one included) to report now, or 0 to stay quiet.
  std::uint64_t admit(const std::string& key);

 private:
  struct Slot {
    std::chrono::steady_clock::time_point last_published{};
    std::uint64_t pending = 0;
  };
  static constexpr std::size_t kMaxKeys = 256;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::map<std::string, Slot> slots_;
};

}  // namespace edgelab
