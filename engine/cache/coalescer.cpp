#include "cache/coalescer.hpp"

#include <boost/asio/post.hpp>

namespace edgelab {

InflightFetch::Join InflightFetch::add_waiter(net::any_io_executor ex, std::chrono::milliseconds deadline,
                                              std::size_t cap, WaiterHandler handler) {
  auto waiter = std::make_shared<Waiter>(ex);
  waiter->handler = std::move(handler);
  {
    std::lock_guard lock(mutex_);
    if (completed_) return Join::already_completed;
    if (streaming_) {
      // Joined mid-body: no wait, read the shared body from the start.
      net::post(ex, [waiter, streaming = streaming_] { waiter->handler(streaming.get()); });
      return Join::queued;
    }
    if (waiters_.size() >= cap) return Join::list_full;
    waiters_.push_back(waiter);
  }
  waiter->timer.expires_after(deadline);
  waiter->timer.async_wait([waiter](boost::system::error_code ec) {
    if (ec) return;  // cancelled: the fetch completed first
    if (!waiter->fired.exchange(true)) waiter->handler(nullptr);
  });
  return Join::queued;
}

void InflightFetch::stream(const FetchOutcome& streaming) {
  std::vector<std::shared_ptr<Waiter>> waiters;
  auto shared = std::make_shared<const FetchOutcome>(streaming);
  {
    std::lock_guard lock(mutex_);
    streaming_ = shared;
    waiters.swap(waiters_);
  }
  wake(waiters, shared);
}

void InflightFetch::complete(const FetchOutcome& outcome) {
  std::vector<std::shared_ptr<Waiter>> waiters;
  {
    std::lock_guard lock(mutex_);
    completed_ = true;
    waiters.swap(waiters_);
  }
  wake(waiters, std::make_shared<const FetchOutcome>(outcome));
}

void InflightFetch::wake(std::vector<std::shared_ptr<Waiter>>& waiters,
                         const std::shared_ptr<const FetchOutcome>& shared) {
  for (auto& w : waiters) {
    if (w->fired.exchange(true)) continue;  // its deadline won
    net::post(w->timer.get_executor(), [w, shared] {
      w->timer.cancel();
      w->handler(shared.get());
    });
  }
}

Coalescer::Joined Coalescer::join(const std::string& key) {
  auto& s = shard_for(key);
  std::lock_guard lock(s.mutex);
  auto [it, inserted] = s.fetches.try_emplace(key);
  if (inserted) it->second = std::make_shared<InflightFetch>();
  return Joined{it->second, inserted};
}

void Coalescer::finish(const std::string& key, const std::shared_ptr<InflightFetch>& fetch,
                       const FetchOutcome& outcome) {
  {
    auto& s = shard_for(key);
    std::lock_guard lock(s.mutex);
    if (auto it = s.fetches.find(key); it != s.fetches.end() && it->second == fetch) s.fetches.erase(it);
  }
  fetch->complete(outcome);
}

std::size_t Coalescer::inflight() const {
  std::size_t n = 0;
  for (const auto& s : shards_) {
    std::lock_guard lock(s.mutex);
    n += s.fetches.size();
  }
  return n;
}

void Coalescer::detach_if(const std::function<bool(const std::string&)>& selected) {
  for (auto& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    std::erase_if(shard.fetches, [&](const auto& entry) { return selected(entry.first); });
  }
}

}  // namespace edgelab
