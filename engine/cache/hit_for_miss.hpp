#pragma once
// Keys whose last response was uncacheable. Requests for them skip the
// coalescing waiting list and go upstream in parallel for a while, so an
// uncacheable URL never serializes its requests (Varnish's hit-for-miss).
#include <array>
#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace edgelab {

class HitForMiss {
 public:
  explicit HitForMiss(std::chrono::seconds remember_for) : remember_for_(remember_for) {}

  void remember(std::string_view key);
  bool contains(std::string_view key);
  void forget(std::string_view key);

 private:
  struct Shard {
    std::mutex mutex;
    std::unordered_map<std::string, std::chrono::steady_clock::time_point> until;
  };
  Shard& shard_for(std::string_view key) { return shards_[std::hash<std::string_view>{}(key) % shards_.size()]; }

  std::chrono::seconds remember_for_;
  std::array<Shard, 8> shards_;
};

}  // namespace edgelab
