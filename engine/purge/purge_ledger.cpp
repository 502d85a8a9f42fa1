#include "purge/purge_ledger.hpp"

#include <algorithm>

namespace edgelab {

void PurgeLedger::restore(const PurgeState& state, std::vector<PurgeRecord> recent) {
  std::lock_guard lock(mutex_);
  seq_ = state.seq;
  fleet_seq_ = state.fleet_seq;
  hard_floor_ = state.hard_floor;
  soft_floor_ = state.soft_floor;
  soft_floor_at_ = state.soft_floor_at;
  l2_applied_ = state.l2_applied;
  recent_.assign(std::make_move_iterator(recent.begin()), std::make_move_iterator(recent.end()));
  while (recent_.size() > kRecentLimit) recent_.pop_front();
}

PurgeState PurgeLedger::state() const {
  std::lock_guard lock(mutex_);
  return PurgeState{seq_, fleet_seq_, hard_floor_, soft_floor_, soft_floor_at_, l2_applied_};
}

void PurgeLedger::set_l2_applied(std::uint64_t seq) {
  auto current = l2_applied_.load();
  while (seq > current && !l2_applied_.compare_exchange_weak(current, seq)) {
  }
}


PurgeScreen PurgeLedger::purged_since(const CachedObject& object, std::uint64_t since) const {
  if (seq() <= since) return {};
  std::lock_guard lock(mutex_);
  if (recent_.empty() || recent_.front().seq > since + 1) return {PurgeVerdict::gone};
  PurgeScreen result;
  for (auto it = recent_.rbegin(); it != recent_.rend() && it->seq > since; ++it) {
    if (!purge_selects(it->kind, it->value, object)) continue;
    if (!it->soft) return {PurgeVerdict::gone};
    // The earliest soft purge that selects it is when it went stale.
    result = {PurgeVerdict::stale, it->at_ms / 1000};
  }
  return result;
}

PurgeScreen PurgeLedger::judge(const CachedObject& object, std::optional<std::uint64_t> since) const {
  const PurgeScreen floors = screen(object);
  if (floors.verdict == PurgeVerdict::gone || !since) return floors;
  const PurgeScreen later = purged_since(object, std::max(object.purge_epoch, *since));
  if (later.verdict == PurgeVerdict::keep) return floors;
  if (later.verdict == PurgeVerdict::gone || floors.verdict == PurgeVerdict::keep) return later;
  return {PurgeVerdict::stale, std::min(floors.stale_at, later.stale_at)};  // stale since the earlier one
}

CachedObjectPtr apply_screen(CachedObjectPtr object, const PurgeScreen& screen, std::uint64_t epoch) {
  switch (screen.verdict) {
    case PurgeVerdict::keep:
      return object;
    case PurgeVerdict::gone:
      return nullptr;
    case PurgeVerdict::stale:
      break;
  }
  auto copy = stale_copy(*object, screen.stale_at);
  copy->purge_epoch = epoch;
  return copy;
}

std::pair<PurgeRecord, PurgeState> PurgeLedger::begin(const PurgeRequest& request, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  PurgeRecord record;
  record.seq = seq_.load() + 1;
  record.fleet_seq = request.fleet_seq.value_or(0);
  record.kind = request.kind;
  record.value = request.value;
  record.soft = request.soft;
  record.at_ms = now_ms;
  record.source = request.source;
  if (request.kind == PurgeKind::all) {
    // Objects fetched before this purge carry an epoch below its sequence.
    if (request.soft) {
      soft_floor_at_.store(now_ms / 1000, std::memory_order_relaxed);
      soft_floor_.store(record.seq, std::memory_order_release);
    } else {
      hard_floor_.store(record.seq, std::memory_order_release);
    }
  }
  recent_.push_back(record);
  while (recent_.size() > kRecentLimit) recent_.pop_front();
  seq_.store(record.seq, std::memory_order_release);
  PurgeState state{record.seq, std::max(fleet_seq_.load(), record.fleet_seq), hard_floor_, soft_floor_,
                   soft_floor_at_, l2_applied_};
  return {std::move(record), state};
}

void PurgeLedger::complete(const PurgeRecord& record) {
  std::lock_guard lock(mutex_);
  for (auto it = recent_.rbegin(); it != recent_.rend(); ++it) {
    if (it->seq == record.seq) {
      it->l1 = record.l1;
      it->l2 = record.l2;
      break;
    }
    if (it->seq < record.seq) break;
  }
  if (record.fleet_seq > fleet_seq_.load()) fleet_seq_.store(record.fleet_seq, std::memory_order_release);
}

std::optional<PurgeRecord> PurgeLedger::find_by_fleet_seq(std::uint64_t fleet_seq) const {
  std::lock_guard lock(mutex_);
  for (auto it = recent_.rbegin(); it != recent_.rend(); ++it)
    if (it->fleet_seq == fleet_seq) return *it;
  return std::nullopt;
}

std::vector<PurgeRecord> PurgeLedger::recent(std::uint64_t after_seq, std::size_t limit) const {
  std::lock_guard lock(mutex_);
  std::vector<PurgeRecord> out;
  for (const auto& r : recent_) {
    if (r.seq <= after_seq) continue;
    out.push_back(r);
    if (out.size() >= limit) break;
  }
  return out;
}

}  // namespace edgelab
