#pragma once
// edge.ratelimit's buckets: one token bucket per key, per node. Bounded: past
// `capacity` keys the least recently used bucket goes (a script keyed on
// client addresses cannot grow the node's memory without bound; an evicted
// key starts again with a full bucket, which only forgives). Thread-safe; the
// lock is held for a map lookup and a little arithmetic.
#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace edgelab {

class TokenBucketTable {
 public:
  struct Decision {
    bool allowed = true;
    double remaining = 0;
  };
  explicit TokenBucketTable(std::size_t capacity = 100'000) : capacity_(capacity) {}

  // Takes one token from `key`'s bucket (refilled at rate_per_s up to burst).
  // `now` in seconds, any monotonic origin.
  Decision take(std::string_view key, double rate_per_s, double burst, double now);

  std::size_t size() const;
  std::uint64_t evictions() const;

 private:
  struct Bucket {
    double tokens = 0;
    double updated = 0;
    std::list<std::string>::iterator recency;
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Bucket, Hash, std::equal_to<>> buckets_;
  std::list<std::string> recency_;  // front: most recently used
  std::uint64_t evictions_ = 0;
};

}  // namespace edgelab
