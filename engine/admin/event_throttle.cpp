#include "admin/event_throttle.hpp"

namespace edgelab {

std::uint64_t EventThrottle::admit(const std::string& key) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  auto it = slots_.find(key);
  if (it == slots_.end()) {
    if (slots_.size() >= kMaxKeys) return 0;  // keys come from fixed lists; this only bounds a mistake
    it = slots_.emplace(key, Slot{}).first;
  }
  Slot& slot = it->second;
  ++slot.pending;
  if (slot.last_published != std::chrono::steady_clock::time_point{} && now - slot.last_published < interval_) return 0;
  slot.last_published = now;
  const std::uint64_t count = slot.pending;
  slot.pending = 0;
  return count;
}

}  // namespace edgelab
