#include "tiers/memory_tier.hpp"

#include "tiers/memory_tier_shard.hpp"

namespace edgelab {

MemoryTier::MemoryTier(std::uint64_t max_bytes, std::size_t shards) : max_bytes_(max_bytes) {
  shards = std::max<std::size_t>(1, shards);
  shards_.reserve(shards);
  for (std::size_t i = 0; i < shards; ++i) shards_.push_back(std::make_unique<MemoryTierShard>(max_bytes / shards));
}

MemoryTier::~MemoryTier() = default;

MemoryTierShard& MemoryTier::shard_for(std::string_view key) const {
  return *shards_[std::hash<std::string_view>{}(key) % shards_.size()];
}

CachedObjectPtr MemoryTier::lookup(std::string_view primary_key, std::string_view key, bool count_access) {
  return shard_for(primary_key).lookup(key, count_access);
}
bool MemoryTier::insert(CachedObjectPtr object) {
  auto& shard = shard_for(object->primary_key);
  return shard.insert(std::move(object));
}
bool MemoryTier::erase(std::string_view primary_key, std::string_view key) { return shard_for(primary_key).erase(key); }
std::size_t MemoryTier::erase_all_variants(std::string_view primary_key) {
  return shard_for(primary_key).erase_all_variants(primary_key);
}
void MemoryTier::clear() {
  for (auto& s : shards_) s->clear();
}
void MemoryTier::for_each(const Visitor& visit) const {
  for (const auto& s : shards_) s->for_each(visit);
}
void MemoryTier::for_each_tagged(std::string_view tag, const Visitor& visit) const {
  for (const auto& s : shards_) s->for_each_tagged(tag, visit);
}

void MemoryTier::for_each_variant(std::string_view primary_key, const Visitor& visit) const {
  shard_for(primary_key).for_each_variant(primary_key, visit);
}

std::size_t MemoryTier::purge(PurgeKind kind, std::string_view value, bool soft, std::int64_t stale_at,
                              std::vector<CachedObjectPtr>* graveyard) {
  if (kind == PurgeKind::url) return shard_for(value).purge(kind, value, soft, stale_at, graveyard);
  std::size_t n = 0;
  for (auto& s : shards_) n += s->purge(kind, value, soft, stale_at, graveyard);
  return n;
}

std::size_t MemoryTier::erase_older_than(std::size_t shard, std::uint64_t epoch) {
  return shard < shards_.size() ? shards_[shard]->erase_older_than(epoch) : 0;
}
void MemoryTier::replace_in_place(const CachedObjectPtr& object) { shard_for(object->primary_key).replace_in_place(object); }

MemoryTierStats MemoryTier::stats() const {
  MemoryTierStats st;
  for (const auto& s : shards_) {
    st.bytes += s->bytes();
    st.objects += s->objects();
    st.evictions += s->evictions();
  }
  return st;
}

std::shared_ptr<const std::vector<std::string>> MemoryTier::vary_of(std::string_view primary_key) const {
  return shard_for(primary_key).vary_of(primary_key);
}
void MemoryTier::set_vary(std::string_view primary_key, std::vector<std::string> names) {
  shard_for(primary_key).set_vary(primary_key, std::move(names));
}

}  // namespace edgelab
