// EdgeNode: applying purges to the tiers, durably, and screening lookups
// against purge-all floors.
#include "node/edge_node.hpp"

#include "core/wall_clock.hpp"

#include <boost/asio/post.hpp>

namespace edgelab {
namespace {

constexpr std::size_t kReclaimBatch = 512;
// Small batches: a purge's record waits behind at most one of them on the disk thread.
constexpr std::size_t kApplyBatch = 128;

}  // namespace

CachedObjectPtr EdgeNode::screened(CachedObjectPtr object) {
  const PurgeScreen screen = purges_->screen(*object);
  if (screen.verdict == PurgeVerdict::keep) return object;  // the hit path: two relaxed loads
  auto seen = apply_screen(object, screen, purges_->seq());
  if (!seen)
    l1_.erase(object->primary_key, object->key);
  else
    l1_.replace_in_place(seen);  // swapped in once: later lookups find it stale already
  return seen;
}

void EdgeNode::purge(PurgeRequest request, net::any_io_executor ex, std::function<void(PurgeOutcome)> done) {
  const auto started = std::chrono::steady_clock::now();
  auto reply = [ex, done](PurgeOutcome outcome) {
    net::post(ex, [done, outcome = std::move(outcome)]() mutable { done(std::move(outcome)); });
  };
  if (request.fleet_seq) {
    // Fleet purges apply in order: a repeat is acknowledged again, a gap is refused
    // so the controller replays what this node missed first.
    const std::uint64_t have = purges_->fleet_seq();
    if (*request.fleet_seq <= have) {
      PurgeOutcome outcome{.status = PurgeOutcome::Status::duplicate, .node_fleet_seq = have};
      if (auto record = purges_->find_by_fleet_seq(*request.fleet_seq)) outcome.record = *record;
      outcome.record.fleet_seq = *request.fleet_seq;
      return reply(std::move(outcome));
    }
    if (*request.fleet_seq > have + 1)
      return reply({.status = PurgeOutcome::Status::gap,
                    .node_fleet_seq = have,
                    .error = "missing fleet purges " + std::to_string(have + 1) + ".." +
                             std::to_string(*request.fleet_seq - 1)});
  }
  // The L2 record (a durable commit) and the L1 eviction run at the same
  // time; whichever ends last answers.
  struct Join {
    std::mutex mutex;
    int remaining = 2;
    PurgeRecord record;
    std::string error;  // set when L2 failed
    std::vector<CachedObjectPtr> graveyard;  // freed after the answer
  };
  auto join = std::make_shared<Join>();
  std::weak_ptr<EdgeNode> weak = weak_from_this();
  auto finish_one = [weak, join, started, reply] {
    {
      std::lock_guard lock(join->mutex);
      if (--join->remaining > 0) return;
    }
    auto self = weak.lock();
    if (!self) return reply({.status = PurgeOutcome::Status::failed, .error = "node shut down"});
    if (!join->error.empty()) {
      add(self->metrics_, &NodeMetrics::purges_failed);
      self->events_->publish("error",
                             {{"what", "purge not persisted"}, {"seq", join->record.seq}, {"why", join->error}});
      return reply({.status = PurgeOutcome::Status::failed, .record = join->record, .error = "L2: " + join->error});
    }
    self->on_purge_applied(join->record, started);
    self->apply_l2_purges();
    reply({.status = PurgeOutcome::Status::applied, .record = join->record});
    join->graveyard.clear();
  };
  const bool skip = fault_skip_purges_.load();
  std::unique_lock lock(purges_->apply_mutex());
  auto [record, state] = purges_->begin(request, unix_millis());
  join->record = record;
  coalescer_.detach_if([&request](const std::string& key) {
    switch (request.kind) {
      case PurgeKind::url:
        return key == request.value;
      case PurgeKind::prefix:
        return key.starts_with(request.value);
      default:
        return true;  // a tag is only known once the response is in
    }
  });
  if (l2_ && !skip) {
    // Queued under the lock, so it reaches the disk in sequence order with stores.
    l2_->async_purge(record, state, ex, [join, finish_one](bool ok, PurgeRecord recorded, std::string error) {
      {
        std::lock_guard guard(join->mutex);
        join->record.l2 = recorded.l2;
        if (!ok) join->error = error.empty() ? std::string("commit failed") : error;
      }
      finish_one();
    });
  } else {
    finish_one();
  }
  std::uint64_t l1 = 0;
  if (!skip)
    l1 = request.kind == PurgeKind::all
             ? l1_.stats().objects
             : l1_.purge(request.kind, request.value, request.soft, record.at_ms / 1000, &join->graveyard);
  if (l2_ && !skip) l2_->async_note_l1_count(record.seq, l1);  // for the persisted log
  lock.unlock();
  {
    std::lock_guard guard(join->mutex);
    join->record.l1 = l1;
  }
  finish_one();
}

void EdgeNode::on_purge_applied(const PurgeRecord& record, std::chrono::steady_clock::time_point started) {
  purges_->complete(record);
  add(metrics_, &NodeMetrics::purges_applied);
  add(metrics_, &NodeMetrics::purged_objects, record.l1 + record.l2);
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
  events_->publish("purge_applied", {{"seq", record.seq},
                                     {"fleet_seq", record.fleet_seq},
                                     {"kind", to_string(record.kind)},
                                     {"value", record.value},
                                     {"soft", record.soft},
                                     {"l1", record.l1},
                                     {"l2", record.l2},
                                     {"took_us", micros}});
  if (record.kind == PurgeKind::all && !record.soft) reclaim_purged(record.seq);
}

void EdgeNode::apply_l2_purges() {
  ++apply_requests_;
  if (!l2_ || applying_purges_.exchange(true)) return;
  apply_l2_purges_step();
}

void EdgeNode::apply_l2_purges_step() {
  std::weak_ptr<EdgeNode> weak = weak_from_this();
  const auto requests = apply_requests_.load();
  l2_->async_apply_pending(kApplyBatch, ioc_.get_executor(), [weak, requests](PurgeProgress progress) {
    auto self = weak.lock();
    if (!self) return;
    self->purges_->set_l2_applied(progress.applied_seq);
    // Go on while there is work, or when a purge was recorded meanwhile.
    if (progress.more || self->apply_requests_.load() != requests) return self->apply_l2_purges_step();
    self->applying_purges_ = false;
    if (self->apply_requests_.load() != requests && !self->applying_purges_.exchange(true))
      self->apply_l2_purges_step();
  });
}

void EdgeNode::reclaim_purged(std::uint64_t floor) {
  // One shard per posted job: the io threads serve requests in between.
  std::weak_ptr<EdgeNode> weak = weak_from_this();
  for (std::size_t shard = 0; shard < l1_.shard_count(); ++shard)
    net::post(ioc_, [weak, shard, floor] {
      if (auto self = weak.lock())
        add(self->metrics_, &NodeMetrics::purge_reclaimed, self->l1_.erase_older_than(shard, floor));
    });
  if (l2_) reclaim_l2(floor);
}

void EdgeNode::reclaim_l2(std::uint64_t floor) {
  std::weak_ptr<EdgeNode> weak = weak_from_this();
  l2_->async_reclaim(floor, kReclaimBatch, ioc_.get_executor(), [weak, floor](std::size_t removed) {
    auto self = weak.lock();
    if (!self) return;
    add(self->metrics_, &NodeMetrics::purge_reclaimed, removed);
    if (removed == kReclaimBatch) return self->reclaim_l2(floor);
    self->events_->publish("purge_reclaimed", {{"floor", floor}});
  });
}

}  // namespace edgelab
