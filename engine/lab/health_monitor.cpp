#include "lab/health_monitor.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

#include <future>

namespace edgelab {

HealthMonitor::HealthMonitor(net::any_io_executor ex, GeoRouter& router, std::vector<AdminEndpoint> admin,
                             HealthThresholds thresholds, ChangeHandler on_change)
    : strand_(net::make_strand(std::move(ex))),
      router_(router),
      admin_(std::move(admin)),
      thresholds_(thresholds),
      on_change_(std::move(on_change)),
      timer_(strand_),
      counters_(admin_.size()) {}

void HealthMonitor::start() {
  net::dispatch(strand_, [self = shared_from_this()] { self->check_all(); });
}

void HealthMonitor::stop() {
  stopped_ = true;
  // A check answered just before the flag may still be judging on the strand:
  // wait for it, so the router may go away once stop() returns.
  auto drained = std::make_shared<std::promise<void>>();
  net::post(strand_, [self = shared_from_this(), drained] {
    self->timer_.cancel();
    drained->set_value();
  });
  drained->get_future().wait_for(std::chrono::seconds(2));
}

void HealthMonitor::record(std::size_t pop, bool error) {
  net::post(strand_, [self = shared_from_this(), pop, error] {
    if (pop >= self->counters_.size()) return;
    ++self->counters_[pop].requests;
    if (error) ++self->counters_[pop].errors;
  });
}

void HealthMonitor::check_all() {
  if (stopped_) return;
  for (std::size_t pop = 0; pop < admin_.size(); ++pop)
    AdminClient::request(strand_, admin_[pop], http::verb::get, "/health", {}, thresholds_.timeout,
                         [self = shared_from_this(), pop](AdminReply reply) { self->judge(pop, reply); });
  timer_.expires_after(thresholds_.interval);
  timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
    if (!ec) self->check_all();
  });
}

void HealthMonitor::judge(std::size_t pop, const AdminReply& reply) {
  if (stopped_) return;
  PopCounters counters = std::exchange(counters_[pop], {});
  if (!reply.ok()) {
    // Refused or reset: the node is gone. A timeout may be a busy machine: down on the second in a row.
    if (reply.error == beast::error::timeout) {
      counters_[pop].timeouts_in_a_row = counters.timeouts_in_a_row + 1;
      if (counters_[pop].timeouts_in_a_row < 2)
        return set(pop, PopHealth::degraded, "health check timed out (down if the next one does too)");
    }
    return set(pop, PopHealth::down, "health check: " + reply.describe());
  }
  const double error_rate =
      counters.requests ? static_cast<double>(counters.errors) / static_cast<double>(counters.requests) : 0.0;
  if (error_rate > thresholds_.degraded_error_rate)
    return set(pop, PopHealth::degraded,
               "error rate " + std::to_string(static_cast<int>(error_rate * 100)) + "% over the last interval");
  if (reply.took > thresholds_.degraded_latency)
    return set(pop, PopHealth::degraded,
               "health check took " + std::to_string(reply.took.count() / 1000) + " ms");
  set(pop, PopHealth::healthy, "health check passed");
}

void HealthMonitor::set(std::size_t pop, PopHealth health, const std::string& why) {
  const PopHealth before = router_.health(pop);
  if (before == health) return;
  router_.set_health(pop, health);
  if (on_change_) on_change_(pop, before, health, why);
}

}  // namespace edgelab
