#include "tiers/disk_tier.hpp"

#include "tiers/disk_index.hpp"

#include <boost/asio/post.hpp>

#include <future>

namespace edgelab {

std::unique_ptr<DiskTier> DiskTier::open(const DiskTierConfig& config, std::string& error) {
  auto index = DiskIndex::open(config.path, config.max_bytes, error);
  if (!index) return nullptr;
  return std::make_unique<DiskTier>(std::move(index));
}

DiskTier::DiskTier(std::unique_ptr<DiskIndex> index)
    : index_(std::move(index)),
      queue_(std::make_unique<DiskWorkQueue>(
          [index = index_.get()](const std::vector<CachedObjectPtr>& batch) {
            std::vector<const CachedObject*> objects;
            objects.reserve(batch.size());
            for (const auto& o : batch) objects.push_back(o.get());
            index->store_batch(objects);
          },
          DiskWorkQueue::Limits{})) {}

// queue_ goes first (declared last): it writes what is queued, then stops.
DiskTier::~DiskTier() = default;

void DiskTier::async_lookup(std::string primary_key, VariantKeyFn variant_key, net::any_io_executor ex,
                            LookupHandler done) {
  queue_->post([this, primary_key = std::move(primary_key), variant_key = std::move(variant_key), ex = std::move(ex),
        done = std::move(done)]() mutable {
    CachedObjectPtr found = index_->lookup(primary_key, variant_key);
    // variant_key may hold the last reference to the request and its node: it goes
    // back with the answer, never dies here (a node destroyed on this thread would
    // join this thread).
    net::post(ex, [done = std::move(done), found = std::move(found), variant_key = std::move(variant_key)]() mutable {
      done(std::move(found));
    });
  });
}

void DiskTier::async_store(CachedObjectPtr object) { queue_->post_store(std::move(object)); }

void DiskTier::async_erase(std::string key) {
  queue_->post_ordered([this, key = std::move(key)] { index_->erase(key); });
}

void DiskTier::async_erase_all_variants(std::string primary_key) {
  queue_->post_ordered([this, primary_key = std::move(primary_key)] { index_->erase_all_variants(primary_key); });
}

void DiskTier::flush() {
  std::promise<void> done;
  auto future = done.get_future();
  queue_->post_ordered([&done] { done.set_value(); });
  future.wait();
}

void DiskTier::async_purge(PurgeRecord record, PurgeState state, net::any_io_executor ex, PurgeHandler done) {
  struct Outcome {
    bool ok;
    PurgeRecord record;
    std::string error;
  };
  run_then(
      [this, record = std::move(record), state]() mutable {
        std::string error;
        const bool ok = index_->record_purge(record, state, error);
        return Outcome{ok, std::move(record), std::move(error)};
      },
      std::move(ex),
      [done = std::move(done)](Outcome o) mutable { done(o.ok, std::move(o.record), std::move(o.error)); },
      /*ordered=*/true);
}

bool DiskTier::load_purge_state(PurgeState& state, std::vector<PurgeRecord>& recent, std::size_t recent_limit,
                                std::string& error) {
  std::promise<bool> done;
  auto future = done.get_future();
  queue_->post([&] { done.set_value(index_->load_purge_state(state, recent, recent_limit, error)); });
  return future.get();
}

void DiskTier::async_note_l1_count(std::uint64_t seq, std::uint64_t l1) {
  queue_->post_ordered([this, seq, l1] { index_->note_l1_count(seq, l1); });
}

void DiskTier::async_apply_pending(std::size_t batch, net::any_io_executor ex,
                                   std::function<void(PurgeProgress)> done) {
  run_then([this, batch] { return index_->apply_pending(batch); }, std::move(ex), std::move(done), /*ordered=*/true);
}

void DiskTier::async_reclaim(std::uint64_t epoch, std::size_t batch, net::any_io_executor ex,
                             std::function<void(std::size_t)> done) {
  run_then([this, epoch, batch] { return index_->erase_older_than(epoch, batch); }, std::move(ex), std::move(done),
           /*ordered=*/true);
}

void DiskTier::async_list(CacheQuery query, net::any_io_executor ex, std::function<void(ListedPage)> done) {
  run_then([this, query = std::move(query)] { return index_->list(query); }, std::move(ex), std::move(done));
}

void DiskTier::async_variants(std::string primary_key, net::any_io_executor ex,
                              std::function<void(std::vector<ListedObject>)> done) {
  run_then([this, primary_key = std::move(primary_key)] { return index_->variants_of(primary_key); }, std::move(ex),
           std::move(done));
}

DiskTierStats DiskTier::stats() const {
  return DiskTierStats{index_->bytes(),     index_->objects(),   index_->evictions(),
                       index_->corrupt(),   index_->io_errors(), queue_->stores_dropped()};
}

}  // namespace edgelab
