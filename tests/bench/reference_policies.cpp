#include "bench/reference_policies.hpp"

#include <algorithm>

namespace edgelab::bench {

bool LruPolicy::request(std::uint64_t key) {
  if (auto it = index_.find(key); it != index_.end()) {
    order_.splice(order_.begin(), order_, it->second);
    return true;
  }
  if (order_.size() >= capacity_) {
    index_.erase(order_.back());
    order_.pop_back();
  }
  order_.push_front(key);
  index_[key] = order_.begin();
  return false;
}

S3FifoPolicy::S3FifoPolicy(std::size_t capacity)
    : capacity_(capacity), small_target_(std::max<std::size_t>(1, capacity / 10)) {}

bool S3FifoPolicy::request(std::uint64_t key) {
  if (auto it = index_.find(key); it != index_.end()) {
    auto& f = it->second.first->frequency;
    f = std::min(f + 1, 3);
    return true;
  }
  insert(key);
  return false;
}

void S3FifoPolicy::insert(std::uint64_t key) {
  while (index_.size() >= capacity_) evict();
  bool to_main = false;
  if (auto g = ghost_.find(key); g != ghost_.end()) {
    ghost_.erase(g);
    to_main = true;
  }
  Queue& queue = to_main ? main_ : small_;
  queue.push_front(Entry{key});
  index_[key] = {queue.begin(), to_main};
}

void S3FifoPolicy::evict() {
  if ((small_.size() >= small_target_ && !small_.empty()) || main_.empty())
    evict_from_small();
  else
    evict_from_main();
}

void S3FifoPolicy::evict_from_small() {
  while (!small_.empty()) {
    auto tail = std::prev(small_.end());
    if (tail->frequency > 0) {
      tail->frequency = 0;
      main_.splice(main_.begin(), small_, tail);
      index_[tail->key].second = true;
      if (small_.size() < small_target_) return evict_from_main();
      continue;
    }
    remember_ghost(tail->key);
    index_.erase(tail->key);
    small_.erase(tail);
    return;
  }
  evict_from_main();
}

void S3FifoPolicy::evict_from_main() {
  while (!main_.empty()) {
    auto tail = std::prev(main_.end());
    if (tail->frequency > 0) {
      --tail->frequency;
      main_.splice(main_.begin(), main_, tail);
      continue;
    }
    index_.erase(tail->key);
    main_.erase(tail);
    return;
  }
}

void S3FifoPolicy::remember_ghost(std::uint64_t key) {
  ghost_order_.push_back(key);
  ghost_.insert(key);
  while (ghost_order_.size() > index_.size() + 64) {
    if (auto g = ghost_.find(ghost_order_.front()); g != ghost_.end()) ghost_.erase(g);
    ghost_order_.pop_front();
  }
}

}  // namespace edgelab::bench
