#include "script/token_bucket_table.hpp"

#include <algorithm>

namespace edgelab {

TokenBucketTable::Decision TokenBucketTable::take(std::string_view key, double rate_per_s, double burst, double now) {
  std::lock_guard lock(mutex_);
  auto it = buckets_.find(key);
  if (it == buckets_.end()) {
    if (buckets_.size() >= capacity_ && !recency_.empty()) {
      buckets_.erase(recency_.back());
      recency_.pop_back();
      ++evictions_;
    }
    recency_.emplace_front(key);
    it = buckets_.emplace(recency_.front(), Bucket{burst, now, recency_.begin()}).first;
  } else {
    recency_.splice(recency_.begin(), recency_, it->second.recency);
  }
  Bucket& bucket = it->second;
  bucket.tokens = std::min(burst, bucket.tokens + std::max(0.0, now - bucket.updated) * rate_per_s);
  bucket.updated = std::max(bucket.updated, now);
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return {true, bucket.tokens};
  }
  return {false, bucket.tokens};
}

std::size_t TokenBucketTable::size() const {
  std::lock_guard lock(mutex_);
  return buckets_.size();
}

std::uint64_t TokenBucketTable::evictions() const {
  std::lock_guard lock(mutex_);
  return evictions_;
}

}  // namespace edgelab
