#include "tiers/disk_work_queue.hpp"

#include <cstdint>

namespace edgelab {

DiskWorkQueue::DiskWorkQueue(StoreBatch write_batch, Limits limits)
    : write_batch_(std::move(write_batch)), limits_(limits), thread_([this] { worker(); }) {}

DiskWorkQueue::~DiskWorkQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void DiskWorkQueue::enqueue(std::function<void()> job, bool ordered) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(Job{std::move(job), ordered, next_store_number_});
  }
  wake_.notify_one();
}

bool DiskWorkQueue::post_store(CachedObjectPtr object) {
  const std::uint64_t bytes = object->charge();
  {
    std::lock_guard lock(mutex_);
    if (stores_.size() >= limits_.max_queued_stores ||
        (!stores_.empty() && queued_store_bytes_ + bytes > limits_.max_queued_store_bytes)) {
      dropped_.fetch_add(1, std::memory_order_relaxed);
      return false;
    }
    queued_store_bytes_ += bytes;
    stores_.push_back(QueuedStore{next_store_number_++, std::move(object)});
    queued_count_.store(stores_.size(), std::memory_order_relaxed);
  }
  wake_.notify_one();
  return true;
}

std::vector<CachedObjectPtr> DiskWorkQueue::take_stores(std::size_t limit, std::uint64_t before) {
  std::vector<CachedObjectPtr> batch;
  while (!stores_.empty() && stores_.front().number < before && batch.size() < limit) {
    queued_store_bytes_ -= stores_.front().object->charge();
    batch.push_back(std::move(stores_.front().object));
    stores_.pop_front();
  }
  queued_count_.store(stores_.size(), std::memory_order_relaxed);
  return batch;
}

void DiskWorkQueue::worker() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stopping_ || !jobs_.empty() || !stores_.empty(); });
    if (!jobs_.empty()) {
      Job job = std::move(jobs_.front());
      jobs_.pop_front();
      // An ordered job's earlier stores land first (not those queued after it).
      std::vector<CachedObjectPtr> before =
          job.ordered ? take_stores(SIZE_MAX, job.stores_before) : std::vector<CachedObjectPtr>{};
      lock.unlock();
      for (std::size_t at = 0; at < before.size(); at += limits_.batch) {
        const auto end = std::min(before.size(), at + limits_.batch);
        write_batch_(std::vector<CachedObjectPtr>(before.begin() + std::ptrdiff_t(at), before.begin() + std::ptrdiff_t(end)));
      }
      job.run();
      lock.lock();
      continue;
    }
    if (!stores_.empty()) {
      auto batch = take_stores(limits_.batch);
      lock.unlock();
      write_batch_(batch);
      lock.lock();
      continue;
    }
    if (stopping_) return;
  }
}

}  // namespace edgelab
