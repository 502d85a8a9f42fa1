#include "cache/hit_for_miss.hpp"

namespace edgelab {

void HitForMiss::remember(std::string_view key) {
  auto& s = shard_for(key);
  std::lock_guard lock(s.mutex);
  const auto now = std::chrono::steady_clock::now();
  if (s.until.size() > 100'000) std::erase_if(s.until, [now](const auto& kv) { return kv.second <= now; });
  s.until[std::string(key)] = now + remember_for_;
}

bool HitForMiss::contains(std::string_view key) {
  auto& s = shard_for(key);
  std::lock_guard lock(s.mutex);
  if (s.until.empty()) return false;
  auto it = s.until.find(std::string(key));
  if (it == s.until.end()) return false;
  if (it->second > std::chrono::steady_clock::now()) return true;
  s.until.erase(it);
  return false;
}

void HitForMiss::forget(std::string_view key) {
  auto& s = shard_for(key);
  std::lock_guard lock(s.mutex);
  s.until.erase(std::string(key));
}

}  // namespace edgelab
