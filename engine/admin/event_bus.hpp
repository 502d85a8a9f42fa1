#pragma once
// The node's recent events (purge applied, node state, errors) for
// GET /admin/v1/events: a bounded ring read by id, and long-poll waiters
// woken when something is published (or when their timeout passes).
#include "http/http_types.hpp"

#include <boost/json/object.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace edgelab {

struct NodeEvent {
  std::uint64_t id = 0;
  std::int64_t at_ms = 0;
  std::string type;  // "purge_applied", "node_state", "error" ...
  boost::json::object data;
};

class EventBus : public std::enable_shared_from_this<EventBus> {
 public:
  static constexpr std::size_t kCapacity = 1000;
  explicit EventBus(std::size_t capacity = kCapacity) : capacity_(capacity) {}
  static constexpr std::size_t kMaxWaiters = 256;
  using Handler = std::function<void(std::vector<NodeEvent>)>;

  void publish(std::string type, boost::json::object data);
  // Several events at once: waiters wake once with all of them (a stream of
  // many small events, such as the lab's sampled requests, is not answered
  // one long-poll per event). Returns the last id.
  std::uint64_t publish_all(std::vector<std::pair<std::string, boost::json::object>> events);
  // Events with id > after, at most `limit`; when there are none yet, waits
  // up to `timeout` for one. `done` runs on `ex`. False when too many wait.
  bool wait(std::uint64_t after, std::size_t limit, std::chrono::milliseconds timeout, net::any_io_executor ex,
            Handler done);
  // Wakes every waiter with what it has (node shutdown).
  void close();
  std::uint64_t last_id() const;

 private:
  struct Waiter;
  std::vector<NodeEvent> events_after(std::uint64_t after, std::size_t limit) const;  // mutex_ held

  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::deque<NodeEvent> events_;
  std::uint64_t next_id_ = 1;
  std::vector<std::shared_ptr<Waiter>> waiters_;
  bool closed_ = false;
};

}  // namespace edgelab
