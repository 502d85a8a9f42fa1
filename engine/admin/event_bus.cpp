#include "admin/event_bus.hpp"

#include "core/wall_clock.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <algorithm>

namespace edgelab {

struct EventBus::Waiter {
  std::uint64_t after = 0;
  std::size_t limit = 0;
  net::any_io_executor ex;
  Handler done;
  std::unique_ptr<net::steady_timer> timer;
  bool fired = false;  // guarded by the bus's mutex
};

void EventBus::publish(std::string type, boost::json::object data) {
  std::vector<std::pair<std::string, boost::json::object>> one;
  one.emplace_back(std::move(type), std::move(data));
  publish_all(std::move(one));
}

std::uint64_t EventBus::publish_all(std::vector<std::pair<std::string, boost::json::object>> events) {
  std::vector<std::shared_ptr<Waiter>> woken;
  std::vector<std::vector<NodeEvent>> batches;
  std::uint64_t last = 0;
  {
    std::lock_guard lock(mutex_);
    const std::int64_t now = unix_millis();
    for (auto& [type, data] : events) {
      NodeEvent event;
      event.id = next_id_++;
      event.at_ms = now;
      event.type = std::move(type);
      event.data = std::move(data);
      events_.push_back(std::move(event));
    }
    last = next_id_ - 1;
    while (events_.size() > capacity_) events_.pop_front();
    if (events.empty()) return last;
    for (auto& w : waiters_) {
      w->fired = true;
      batches.push_back(events_after(w->after, w->limit));
      woken.push_back(std::move(w));
    }
    waiters_.clear();
  }
  for (std::size_t i = 0; i < woken.size(); ++i) {
    auto& w = woken[i];
    net::post(w->ex, [w, events = std::move(batches[i])]() mutable {
      w->timer->cancel();
      w->done(std::move(events));
    });
  }
  return last;
}

bool EventBus::wait(std::uint64_t after, std::size_t limit, std::chrono::milliseconds timeout, net::any_io_executor ex,
                    Handler done) {
  std::unique_lock lock(mutex_);
  auto ready = events_after(after, limit);
  if (!ready.empty() || closed_ || timeout.count() <= 0) {
    lock.unlock();
    net::post(ex, [done = std::move(done), ready = std::move(ready)]() mutable { done(std::move(ready)); });
    return true;
  }
  if (waiters_.size() >= kMaxWaiters) return false;
  auto w = std::make_shared<Waiter>();
  w->after = after;
  w->limit = limit;
  w->ex = ex;
  w->done = std::move(done);
  w->timer = std::make_unique<net::steady_timer>(ex, timeout);
  waiters_.push_back(w);
  std::weak_ptr<EventBus> weak = weak_from_this();
  w->timer->async_wait([weak, w](boost::system::error_code) {
    if (auto bus = weak.lock()) {
      std::lock_guard bus_lock(bus->mutex_);
      if (w->fired) return;
      w->fired = true;
      std::erase(bus->waiters_, w);
    } else if (w->fired) {
      return;
    }
    w->done({});
  });
  return true;
}

void EventBus::close() {
  std::vector<std::shared_ptr<Waiter>> woken;
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
    for (auto& w : waiters_) w->fired = true;
    woken.swap(waiters_);
  }
  for (auto& w : woken)
    net::post(w->ex, [w] {
      w->timer->cancel();
      w->done({});
    });
}

std::uint64_t EventBus::last_id() const {
  std::lock_guard lock(mutex_);
  return next_id_ - 1;
}

std::vector<NodeEvent> EventBus::events_after(std::uint64_t after, std::size_t limit) const {
  std::vector<NodeEvent> out;
  auto it = std::lower_bound(events_.begin(), events_.end(), after + 1,
                             [](const NodeEvent& e, std::uint64_t id) { return e.id < id; });
  for (; it != events_.end() && out.size() < limit; ++it) out.push_back(*it);
  return out;
}

}  // namespace edgelab
