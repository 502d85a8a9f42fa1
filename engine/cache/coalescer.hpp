#pragma once
// Request coalescing (single flight): the first miss for a key becomes the
// leader and fetches; later misses for the same key wait on its outcome. A
// waiter is woken by the fetch's completion (no polling) or by its own
// deadline, whichever comes first; the waiting list per key is capped.
#include "cache/cached_object.hpp"
#include "cache/streaming_body.hpp"
#include "http/http_types.hpp"

#include <boost/asio/steady_timer.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace edgelab {

struct FetchOutcome {
  enum class Kind { object, streaming, stale_object, uncacheable, error };
  Kind kind = Kind::error;
  CachedObjectPtr object;               // object / stale_object; streaming: the header, body still arriving
  std::shared_ptr<StreamingBody> body;  // streaming
  unsigned status = 502;                // error: what the leader answered
  bool revalidated = false;
};

class InflightFetch {
 public:
  // nullptr: the waiter's deadline passed first.
  using WaiterHandler = std::function<void(const FetchOutcome*)>;
  void complete(const FetchOutcome& outcome);
  // The response header is in and the body is arriving: wakes every waiter
  // now, and answers later waiters at once, until complete().
  void stream(const FetchOutcome& streaming);
  enum class Join { queued, list_full, already_completed };
  Join add_waiter(net::any_io_executor ex, std::chrono::milliseconds deadline, std::size_t cap, WaiterHandler handler);

 private:
  struct Waiter {
    explicit Waiter(net::any_io_executor ex) : timer(std::move(ex)) {}
    std::atomic<bool> fired{false};
    net::steady_timer timer;
    WaiterHandler handler;
  };
  static void wake(std::vector<std::shared_ptr<Waiter>>& waiters, const std::shared_ptr<const FetchOutcome>& outcome);

  std::mutex mutex_;
  bool completed_ = false;
  std::shared_ptr<const FetchOutcome> streaming_;
  std::vector<std::shared_ptr<Waiter>> waiters_;
};

class Coalescer {
 public:
  struct Joined {
    std::shared_ptr<InflightFetch> fetch;
    bool leader = false;
  };
  Joined join(const std::string& key);
  // Removes the key's entry (only if it is still `fetch`) and wakes its waiters.
  void finish(const std::string& key, const std::shared_ptr<InflightFetch>& fetch, const FetchOutcome& outcome);
  std::size_t inflight() const;
  // Forgets in-flight fetches whose key passes `selected`, so later requests
  // start a fetch of their own (a purge must not be answered by a fetch that
  // began before it). Their current waiters are still answered by them.
  void detach_if(const std::function<bool(const std::string& key)>& selected);

 private:
  struct Shard {
    mutable std::mutex mutex;
    std::unordered_map<std::string, std::shared_ptr<InflightFetch>> fetches;
  };
  Shard& shard_for(const std::string& key) { return shards_[std::hash<std::string>{}(key) % shards_.size()]; }
  std::array<Shard, 16> shards_;
};

}  // namespace edgelab
