#include "tiers/memory_tier_shard.hpp"

#include <algorithm>
#include <mutex>

namespace edgelab {

MemoryTierShard::MemoryTierShard(std::uint64_t max_bytes)
    : max_bytes_(max_bytes), small_target_(std::max<std::uint64_t>(1, max_bytes / 10)) {}

CachedObjectPtr MemoryTierShard::lookup(std::string_view key) {
  std::shared_lock lock(mutex_);
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  Entry& e = *it->second.entry;
  // A racy saturating increment is fine: the count is a hint for eviction.
  auto f = e.frequency.load(std::memory_order_relaxed);
  if (f < 3) e.frequency.store(static_cast<std::uint8_t>(f + 1), std::memory_order_relaxed);
  return e.object;
}

bool MemoryTierShard::insert(CachedObjectPtr object) {
  const std::size_t charge = object->charge();
  std::unique_lock lock(mutex_);
  if (auto it = index_.find(std::string_view(object->key)); it != index_.end()) {
    Entry& old = *it->second.entry;
    drop(old.in_main ? main_ : small_, it->second.entry);
  }
  if (charge > max_bytes_) return false;
  evict_until_fits(charge);
  const std::size_t hash = std::hash<std::string_view>{}(object->key);
  bool to_main = false;
  if (auto g = ghost_.find(hash); g != ghost_.end()) {
    ghost_.erase(g);
    to_main = true;
  }
  Queue& queue = to_main ? main_ : small_;
  queue.emplace_front();
  Entry& e = queue.front();
  e.object = std::move(object);
  e.charge = charge;
  e.in_main = to_main;
  (to_main ? main_bytes_ : small_bytes_) += charge;
  index_.emplace(e.object->key, Slot{queue.begin()});
  if (e.object->key != e.object->primary_key) {
    auto& keys = variants_[e.object->primary_key];
    if (std::find(keys.begin(), keys.end(), e.object->key) == keys.end()) keys.push_back(e.object->key);
    // Replacing the last variant above may have dropped the Vary names.
    if (vary_.find(std::string_view(e.object->primary_key)) == vary_.end())
      vary_.emplace(e.object->primary_key, std::make_shared<const std::vector<std::string>>(e.object->vary_names));
  }
  return true;
}

std::size_t MemoryTierShard::erase_all_variants(std::string_view primary_key) {
  std::unique_lock lock(mutex_);
  std::size_t erased = 0;
  auto erase_key = [&](std::string_view key) {
    auto it = index_.find(key);
    if (it == index_.end()) return;
    Entry& e = *it->second.entry;
    drop(e.in_main ? main_ : small_, it->second.entry);
    ++erased;
  };
  erase_key(primary_key);
  if (auto v = variants_.find(primary_key); v != variants_.end()) {
    auto keys = std::move(v->second);
    variants_.erase(v);
    for (const auto& k : keys) erase_key(k);
  }
  if (auto v = vary_.find(primary_key); v != vary_.end()) vary_.erase(v);
  return erased;
}

bool MemoryTierShard::erase(std::string_view key) {
  std::unique_lock lock(mutex_);
  auto it = index_.find(key);
  if (it == index_.end()) return false;
  Entry& e = *it->second.entry;
  drop(e.in_main ? main_ : small_, it->second.entry);
  return true;
}

void MemoryTierShard::clear() {
  std::unique_lock lock(mutex_);
  index_.clear();
  small_.clear();
  main_.clear();
  ghost_.clear();
  ghost_fifo_.clear();
  vary_.clear();
  variants_.clear();
  small_bytes_ = main_bytes_ = 0;
}

void MemoryTierShard::for_each(const std::function<void(const CachedObjectPtr&)>& visit) const {
  std::shared_lock lock(mutex_);
  for (const auto& e : small_) visit(e.object);
  for (const auto& e : main_) visit(e.object);
}

std::uint64_t MemoryTierShard::bytes() const {
  std::shared_lock lock(mutex_);
  return small_bytes_ + main_bytes_;
}

std::uint64_t MemoryTierShard::objects() const {
  std::shared_lock lock(mutex_);
  return index_.size();
}

std::shared_ptr<const std::vector<std::string>> MemoryTierShard::vary_of(std::string_view primary_key) const {
  std::shared_lock lock(mutex_);
  auto it = vary_.find(primary_key);
  return it == vary_.end() ? nullptr : it->second;
}

void MemoryTierShard::set_vary(std::string_view primary_key, std::vector<std::string> names) {
  std::unique_lock lock(mutex_);
  auto value = std::make_shared<const std::vector<std::string>>(std::move(names));
  if (auto it = vary_.find(primary_key); it != vary_.end())
    it->second = std::move(value);
  else
    vary_.emplace(std::string(primary_key), std::move(value));
}

void MemoryTierShard::evict_until_fits(std::size_t incoming) {
  while (!index_.empty() && small_bytes_ + main_bytes_ + incoming > max_bytes_) evict_one();
}

void MemoryTierShard::evict_one() {
  if ((small_bytes_ >= small_target_ && !small_.empty()) || main_.empty())
    evict_from_small();
  else
    evict_from_main();
}

void MemoryTierShard::evict_from_small() {
  while (!small_.empty()) {
    auto tail = std::prev(small_.end());
    if (tail->frequency.load(std::memory_order_relaxed) > 0) {
      // Hit while on probation: promote to main.
      tail->frequency.store(0, std::memory_order_relaxed);
      tail->in_main = true;
      small_bytes_ -= tail->charge;
      main_bytes_ += tail->charge;
      main_.splice(main_.begin(), small_, tail);
      if (small_bytes_ < small_target_ && !main_.empty()) return evict_from_main();
      continue;
    }
    remember_ghost(std::hash<std::string_view>{}(tail->object->key));
    drop(small_, tail);
    ++evictions_;
    return;
  }
  evict_from_main();
}

void MemoryTierShard::evict_from_main() {
  while (!main_.empty()) {
    auto tail = std::prev(main_.end());
    auto f = tail->frequency.load(std::memory_order_relaxed);
    if (f > 0) {
      tail->frequency.store(static_cast<std::uint8_t>(f - 1), std::memory_order_relaxed);
      main_.splice(main_.begin(), main_, tail);
      continue;
    }
    drop(main_, tail);
    ++evictions_;
    return;
  }
}

void MemoryTierShard::remember_ghost(std::size_t hash) {
  ghost_fifo_.push_back(hash);
  ghost_.insert(hash);
  const std::size_t cap = index_.size() + 64;
  while (ghost_fifo_.size() > cap) {
    if (auto g = ghost_.find(ghost_fifo_.front()); g != ghost_.end()) ghost_.erase(g);
    ghost_fifo_.pop_front();
  }
}

void MemoryTierShard::drop(Queue& queue, Queue::iterator it) {
  (it->in_main ? main_bytes_ : small_bytes_) -= it->charge;
  const CachedObject& o = *it->object;
  if (o.key != o.primary_key) {
    if (auto v = variants_.find(std::string_view(o.primary_key)); v != variants_.end()) {
      std::erase(v->second, o.key);
      if (v->second.empty()) {
        // The last variant is gone: its Vary names need not be remembered.
        variants_.erase(v);
        if (auto names = vary_.find(std::string_view(o.primary_key)); names != vary_.end()) vary_.erase(names);
      }
    }
  }
  if (auto slot = index_.find(std::string_view(it->object->key)); slot != index_.end()) index_.erase(slot);
  queue.erase(it);
}

}  // namespace edgelab
