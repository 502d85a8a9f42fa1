#pragma once
// A node's purge bookkeeping: its purge sequence, the purge-all floors, the
// last fleet sequence applied, and the recent log.
//
// Ordering with stores: a fetch records the sequence when it starts; when it
// stores, purges applied since then that select the object keep it out (hard)
// or store it stale (soft). Stores hold apply_mutex() shared, purges exclusive
// while they touch L1 and queue their L2 work, so no store slips between a
// purge's check and its eviction.
#include "purge/purge_types.hpp"

#include <atomic>
#include <deque>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <vector>

namespace edgelab {

enum class PurgeVerdict { keep, stale, gone };

struct PurgeScreen {
  PurgeVerdict verdict = PurgeVerdict::keep;
  std::int64_t stale_at = 0;  // for stale: when the soft purge happened (Unix seconds)
};

// The object as a screen leaves it: null when gone; for stale, a copy that
// went stale when the purge happened, stamped with `epoch` (the current
// sequence) so that later screens do not stretch its stale window.
CachedObjectPtr apply_screen(CachedObjectPtr object, const PurgeScreen& screen, std::uint64_t epoch);

class PurgeLedger {
 public:
  static constexpr std::size_t kRecentLimit = 1024;

  void restore(const PurgeState& state, std::vector<PurgeRecord> recent);

  std::uint64_t seq() const { return seq_.load(std::memory_order_acquire); }
  std::uint64_t fleet_seq() const { return fleet_seq_.load(std::memory_order_acquire); }
  // L2: purges up to here are carried out on its rows; later ones are only
  // recorded there, and lookups screen against them.
  std::uint64_t l2_applied() const { return l2_applied_.load(std::memory_order_acquire); }
  void set_l2_applied(std::uint64_t seq);
  PurgeState state() const;

  // The purge-all floors against an object's epoch (the hot path: two relaxed loads).
  PurgeScreen screen(const CachedObject& object) const {
    if (object.purge_epoch < hard_floor_.load(std::memory_order_relaxed)) return {PurgeVerdict::gone};
    if (object.purge_epoch < soft_floor_.load(std::memory_order_relaxed))
      return {PurgeVerdict::stale, soft_floor_at_.load(std::memory_order_relaxed)};
    return {};
  }
  // Purges applied after sequence `since` that select `object`. When the log
  // no longer reaches back that far, the answer is "gone" (the safe side).
  PurgeScreen purged_since(const CachedObject& object, std::uint64_t since) const;

  // Everything that applies to a stored object: the purge-all floors and,
  // when `since` is given, purges applied after it (or after the object's own
  // epoch, if later). For L2 objects `since` is l2_applied(): purges recorded
  // there but not yet carried out on its rows.
  PurgeScreen judge(const CachedObject& object, std::optional<std::uint64_t> since) const;

  // Starts a purge (call with apply_mutex() held exclusively): the next
  // sequence, and for purge-all the moved floors. Returns the record (counts
  // still zero) and the state to persist with it.
  std::pair<PurgeRecord, PurgeState> begin(const PurgeRequest& request, std::int64_t now_ms);
  // The purge is applied (and durable): its counts go into the log and its
  // fleet sequence becomes the node's.
  void complete(const PurgeRecord& record);

  std::optional<PurgeRecord> find_by_fleet_seq(std::uint64_t fleet_seq) const;
  std::vector<PurgeRecord> recent(std::uint64_t after_seq, std::size_t limit) const;

  std::shared_mutex& apply_mutex() { return apply_mutex_; }

 private:
  mutable std::mutex mutex_;  // guards recent_ and the non-atomic parts of the state
  std::deque<PurgeRecord> recent_;
  std::atomic<std::uint64_t> seq_{0};
  std::atomic<std::uint64_t> fleet_seq_{0};
  std::atomic<std::uint64_t> hard_floor_{0};
  std::atomic<std::uint64_t> soft_floor_{0};
  std::atomic<std::int64_t> soft_floor_at_{0};
  std::atomic<std::uint64_t> l2_applied_{0};
  std::shared_mutex apply_mutex_;
};

}  // namespace edgelab
