#pragma once
// The disk tier's worker thread and its two queues. A lookup must not wait
// behind the writes of an overloaded node (an L2 hit that takes seconds is
// worse than a miss), so:
// - jobs (lookups, purges, erasures, listings) run in the order they were
//   posted, each before any store still queued;
// - stores wait in their own bounded queue and are written in batches (one
//   transaction each) whenever no job is waiting; a store that finds the
//   queue full is dropped and counted: the object is in L1 anyway.
// A job that changes what is stored (an erasure, a purge) is an `ordered`
// job: the stores queued before it are written first, so a store can never
// land after the purge or invalidation that should have removed it.
#include "cache/cached_object.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace edgelab {

class DiskWorkQueue {
 public:
  using StoreBatch = std::function<void(const std::vector<CachedObjectPtr>& batch)>;
  struct Limits {
    std::size_t max_queued_stores = 1024;
    std::uint64_t max_queued_store_bytes = 64ull << 20;
    std::size_t batch = 32;
  };

  DiskWorkQueue(StoreBatch write_batch, Limits limits);
  // Runs every job and store still queued, then stops the thread.
  ~DiskWorkQueue();
  DiskWorkQueue(const DiskWorkQueue&) = delete;
  DiskWorkQueue& operator=(const DiskWorkQueue&) = delete;

  // A read: runs ahead of queued stores.
  void post(std::function<void()> job) { enqueue(std::move(job), false); }
  // A change to what is stored: runs after every store queued before it.
  void post_ordered(std::function<void()> job) { enqueue(std::move(job), true); }
  // False (and counted) when the store queue is full.
  bool post_store(CachedObjectPtr object);

  std::uint64_t stores_dropped() const { return dropped_.load(std::memory_order_relaxed); }
  std::uint64_t stores_queued() const { return queued_count_.load(std::memory_order_relaxed); }

 private:
  struct Job {
    std::function<void()> run;
    bool ordered = false;
    std::uint64_t stores_before = 0;  // ordered: stores numbered below this go first
  };
  struct QueuedStore {
    std::uint64_t number;
    CachedObjectPtr object;
  };
  void enqueue(std::function<void()> job, bool ordered);
  void worker();
  // Takes up to `limit` queued stores numbered below `before`; mutex_ held.
  std::vector<CachedObjectPtr> take_stores(std::size_t limit, std::uint64_t before = UINT64_MAX);

  StoreBatch write_batch_;
  Limits limits_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> jobs_;
  std::deque<QueuedStore> stores_;
  std::uint64_t next_store_number_ = 0;
  std::uint64_t queued_store_bytes_ = 0;
  std::atomic<std::uint64_t> queued_count_{0};
  std::atomic<std::uint64_t> dropped_{0};
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace edgelab
