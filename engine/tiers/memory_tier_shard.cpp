#include "tiers/memory_tier_shard.hpp"

#include <algorithm>
#include <mutex>

namespace edgelab {

MemoryTierShard::MemoryTierShard(std::uint64_t max_bytes)
    : max_bytes_(max_bytes), window_target_(std::max<std::uint64_t>(1, max_bytes / 100)) {}

CachedObjectPtr MemoryTierShard::lookup(std::string_view key, bool count_access) {
  std::shared_lock lock(mutex_);
  if (count_access) sketch_.record(std::hash<std::string_view>{}(key));
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  Entry& e = *it->second.entry;
  // A racy saturating increment is fine: the count is a hint for eviction.
  auto f = e.frequency.load(std::memory_order_relaxed);
  if (f < 3) e.frequency.store(static_cast<std::uint8_t>(f + 1), std::memory_order_relaxed);
  e.hits.fetch_add(1, std::memory_order_relaxed);
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
  sketch_.ensure_capacity(index_.size() + 1);
  small_.emplace_front();
  Entry& e = small_.front();
  e.object = std::move(object);
  e.charge = charge;
  small_bytes_ += charge;
  index_.emplace(e.object->key, Slot{small_.begin()});
  for (const auto& tag : e.object->tags) tags_[tag].insert(e.object->key);
  if (e.object->key != e.object->primary_key) {
    auto& keys = variants_[e.object->primary_key];
    if (std::find(keys.begin(), keys.end(), e.object->key) == keys.end()) keys.push_back(e.object->key);
    // Replacing the last variant above may have dropped the Vary names.
    if (vary_.find(std::string_view(e.object->primary_key)) == vary_.end())
      vary_.emplace(e.object->primary_key, std::make_shared<const std::vector<std::string>>(e.object->vary_names));
  }
  const bool kept = admit_from_window(&e);
  // The window alone can hold more than the bound when its target is under
  // one object: the main queue gives way, oldest first.
  while (small_bytes_ + main_bytes_ > max_bytes_ && !main_.empty()) evict_main_victim();
  return kept;
}

std::size_t MemoryTierShard::erase_all_variants(std::string_view primary_key) {
  std::unique_lock lock(mutex_);
  std::size_t erased = 0;
  for (const auto& key : keys_selected(PurgeKind::url, primary_key)) {
    drop_key(key);
    ++erased;
  }
  if (auto v = variants_.find(primary_key); v != variants_.end()) variants_.erase(v);
  if (auto v = vary_.find(primary_key); v != vary_.end()) vary_.erase(v);
  return erased;
}

bool MemoryTierShard::erase(std::string_view key) {
  std::unique_lock lock(mutex_);
  if (index_.find(key) == index_.end()) return false;
  drop_key(key);
  return true;
}

void MemoryTierShard::drop_key(std::string_view key, std::vector<CachedObjectPtr>* graveyard) {
  auto it = index_.find(key);
  if (it == index_.end()) return;
  Entry& e = *it->second.entry;
  drop(e.in_main ? main_ : small_, it->second.entry, graveyard);
}

std::vector<std::string> MemoryTierShard::keys_selected(PurgeKind kind, std::string_view value) const {
  std::vector<std::string> keys;
  switch (kind) {
    case PurgeKind::url:
      if (index_.find(value) != index_.end()) keys.emplace_back(value);
      if (auto v = variants_.find(value); v != variants_.end())
        keys.insert(keys.end(), v->second.begin(), v->second.end());
      break;
    case PurgeKind::tag:
      if (auto t = tags_.find(value); t != tags_.end()) keys.assign(t->second.begin(), t->second.end());
      break;
    case PurgeKind::prefix:
      // Variant keys start with their primary key, so one pass over keys finds both.
      for (const auto& [key, slot] : index_)
        if (std::string_view(slot.entry->object->primary_key).substr(0, value.size()) == value) keys.push_back(key);
      break;
    case PurgeKind::all:
      for (const auto& [key, slot] : index_) keys.push_back(key);
      break;
  }
  return keys;
}

std::size_t MemoryTierShard::purge(PurgeKind kind, std::string_view value, bool soft, std::int64_t stale_at,
                                   std::vector<CachedObjectPtr>* graveyard) {
  std::unique_lock lock(mutex_);
  std::vector<std::string> keys;
  if (auto t = kind == PurgeKind::tag && !soft ? tags_.find(value) : tags_.end(); t != tags_.end()) {
    // Dropping them all: take the set instead of copying it.
    auto node = tags_.extract(t);
    keys.reserve(node.mapped().size());
    for (auto it = node.mapped().begin(); it != node.mapped().end();)
      keys.push_back(std::move(node.mapped().extract(it++).value()));
  } else {
    keys = keys_selected(kind, value);
  }
  for (const auto& key : keys) {
    if (!soft) {
      drop_key(key, graveyard);
      continue;
    }
    Entry& e = *index_.find(std::string_view(key))->second.entry;
    auto old = std::exchange(e.object, stale_copy(*e.object, stale_at));
    if (graveyard) graveyard->push_back(std::move(old));
  }
  return keys.size();
}

std::size_t MemoryTierShard::erase_older_than(std::uint64_t epoch) {
  std::unique_lock lock(mutex_);
  std::vector<std::string> keys;
  for (const auto& [key, slot] : index_)
    if (slot.entry->object->purge_epoch < epoch) keys.push_back(key);
  for (const auto& key : keys) drop_key(key);
  return keys.size();
}

void MemoryTierShard::for_each_variant(std::string_view primary_key,
                                       const std::function<void(const CachedObjectPtr&, std::uint32_t)>& visit) const {
  std::shared_lock lock(mutex_);
  for (const auto& key : keys_selected(PurgeKind::url, primary_key)) {
    const Entry& e = *index_.find(std::string_view(key))->second.entry;
    visit(e.object, e.hits.load(std::memory_order_relaxed));
  }
}

void MemoryTierShard::replace_in_place(const CachedObjectPtr& object) {
  std::unique_lock lock(mutex_);
  auto it = index_.find(std::string_view(object->key));
  if (it != index_.end()) it->second.entry->object = object;
}

void MemoryTierShard::clear() {
  std::unique_lock lock(mutex_);
  index_.clear();
  small_.clear();
  main_.clear();
  vary_.clear();
  variants_.clear();
  tags_.clear();
  small_bytes_ = main_bytes_ = 0;
}

void MemoryTierShard::for_each(const std::function<void(const CachedObjectPtr&, std::uint32_t)>& visit) const {
  std::shared_lock lock(mutex_);
  for (const auto& e : small_) visit(e.object, e.hits.load(std::memory_order_relaxed));
  for (const auto& e : main_) visit(e.object, e.hits.load(std::memory_order_relaxed));
}

void MemoryTierShard::for_each_tagged(std::string_view tag,
                                      const std::function<void(const CachedObjectPtr&, std::uint32_t)>& visit) const {
  std::shared_lock lock(mutex_);
  auto t = tags_.find(tag);
  if (t == tags_.end()) return;
  for (const auto& key : t->second) {
    const Entry& e = *index_.find(std::string_view(key))->second.entry;
    visit(e.object, e.hits.load(std::memory_order_relaxed));
  }
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

bool MemoryTierShard::admit_from_window(const Entry* inserted) {
  bool inserted_kept = true;
  while (small_bytes_ > window_target_ && !small_.empty()) {
    auto candidate = std::prev(small_.end());
    // The candidate takes space in main only from victims it is more popular
    // than: a one-off scan of any length cannot push out the hot set.
    const std::uint64_t candidate_frequency = sketch_.estimate(std::hash<std::string_view>{}(candidate->object->key));
    bool admitted = true;
    while (small_bytes_ + main_bytes_ > max_bytes_) {
      if (main_.empty()) {
        admitted = false;
        break;
      }
      auto victim = main_victim();
      if (candidate_frequency <= sketch_.estimate(std::hash<std::string_view>{}(victim->object->key))) {
        admitted = false;
        break;
      }
      drop(main_, victim);
      ++evictions_;
    }
    if (!admitted) {
      if (&*candidate == inserted) inserted_kept = false;
      drop(small_, candidate);
      ++evictions_;
      continue;
    }
    candidate->frequency.store(0, std::memory_order_relaxed);
    candidate->in_main = true;
    small_bytes_ -= candidate->charge;
    main_bytes_ += candidate->charge;
    main_.splice(main_.begin(), small_, candidate);
  }
  return inserted_kept;
}

// CLOCK over main: an object hit since it last came round gets another turn
// (its count, up to 3, is spent one per turn); the first without one goes.
MemoryTierShard::Queue::iterator MemoryTierShard::main_victim() {
  while (true) {
    auto tail = std::prev(main_.end());
    auto f = tail->frequency.load(std::memory_order_relaxed);
    if (f == 0) return tail;
    tail->frequency.store(static_cast<std::uint8_t>(f - 1), std::memory_order_relaxed);
    main_.splice(main_.begin(), main_, tail);
  }
}

void MemoryTierShard::evict_main_victim() {
  drop(main_, main_victim());
  ++evictions_;
}

void MemoryTierShard::drop(Queue& queue, Queue::iterator it, std::vector<CachedObjectPtr>* graveyard) {
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
  for (const auto& tag : o.tags) {
    if (auto t = tags_.find(std::string_view(tag)); t != tags_.end()) {
      if (auto k = t->second.find(o.key); k != t->second.end()) t->second.erase(k);
      if (t->second.empty()) tags_.erase(t);
    }
  }
  if (auto slot = index_.find(std::string_view(it->object->key)); slot != index_.end()) index_.erase(slot);
  if (graveyard) graveyard->push_back(std::move(it->object));
  queue.erase(it);
}

}  // namespace edgelab
