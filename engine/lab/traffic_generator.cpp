#include "lab/traffic_generator.hpp"

#include <boost/asio/post.hpp>

#include <algorithm>
#include <cmath>

namespace edgelab {
namespace {
constexpr auto kPacing = std::chrono::milliseconds(5);
}  // namespace

struct TrafficGenerator::InFlight {
  explicit InFlight(net::any_io_executor ex) : timer(std::move(ex)) {}
  RequestRecord record;
  std::chrono::steady_clock::time_point started;
  std::chrono::microseconds leg{0};  // one way, client <-> PoP (simulated)
  std::shared_ptr<Request> request;
  net::steady_timer timer;
};

TrafficGenerator::TrafficGenerator(net::io_context& ioc, TrafficConfig config, const TrafficMix& mix,
                                   const UserPopulation& users, GeoRouter& router, std::vector<Endpoint> pop_endpoints,
                                   WanLatencyModel client_wan, Observer observer)
    : strand_(net::make_strand(ioc)),
      config_(std::move(config)),
      mix_(mix),
      users_(users),
      router_(router),
      wan_(client_wan),
      observer_(std::move(observer)),
      random_(config_.seed),
      jitter_random_(config_.seed ^ 0x9e3779b9u),
      pacer_(strand_) {
  pools_ = make_user_pools(ioc, pop_endpoints, config_);
  budget_ = config_.request_budget();
  records_.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(budget_, 1'000'000)));
}

void TrafficGenerator::start(std::function<void()> done) {
  net::post(strand_, [self = shared_from_this(), done = std::move(done)]() mutable {
    self->done_ = std::move(done);
    self->started_ = std::chrono::steady_clock::now();
    self->tick();
  });
}

void TrafficGenerator::stop() {
  net::post(strand_, [self = shared_from_this()] {
    self->stopping_ = true;
    self->pacer_.cancel();
    self->maybe_done();
  });
}

void TrafficGenerator::tick() {
  if (stopping_) return maybe_done();
  const auto now = std::chrono::steady_clock::now();
  const double elapsed_s = std::chrono::duration<double>(now - started_).count();
  // Open loop: whatever is due by now goes out now, even after a stall.
  const auto due = std::min<std::uint64_t>(budget_, static_cast<std::uint64_t>(std::floor(elapsed_s * config_.rps)) + 1);
  if (counters_.launched < due) {
    const auto due_at = started_ + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                       std::chrono::duration<double>(static_cast<double>(counters_.launched) / config_.rps));
    const auto lag = std::chrono::duration_cast<std::chrono::milliseconds>(now - due_at).count();
    counters_.max_pacing_lag_ms = std::max<std::uint32_t>(counters_.max_pacing_lag_ms, static_cast<std::uint32_t>(std::max<std::int64_t>(lag, 0)));
  }
  while (counters_.launched < due) launch_one(now);
  if (counters_.launched >= budget_) {
    stopping_ = true;
    return maybe_done();
  }
  pacer_.expires_after(kPacing);
  pacer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
    if (!ec) self->tick();
  });
}

void TrafficGenerator::launch_one(std::chrono::steady_clock::time_point now) {
  ++counters_.launched;
  if (in_flight_ >= config_.max_in_flight) {
    ++counters_.shed;
    return;
  }
  auto r = std::make_shared<InFlight>(strand_);
  r->started = now;
  r->record.at_ms = static_cast<std::uint32_t>(std::chrono::duration_cast<std::chrono::milliseconds>(now - started_).count());
  r->record.city = static_cast<std::uint16_t>(users_.pick(random_));
  const TrafficPick pick = mix_.pick(random_);
  r->record.klass = pick.klass;
  r->record.rank = pick.rank;
  const UserCity& city = users_.cities()[r->record.city];
  auto route = router_.route(city.at, now);
  if (!route) {
    ++counters_.no_route;
    r->record.tier = ServedTier::error;
    records_.push_back(r->record);
    return;
  }
  r->record.pop = static_cast<std::int16_t>(route->pop);
  r->record.spilled = route->spilled;
  r->leg = wan_.one_way(route->distance_km, jitter_random_);
  r->request = std::make_shared<Request>();
  r->request->version(11);
  r->request->method(http::verb::get);
  r->request->target(mix_.target(pick));
  r->request->set(http::field::host, config_.host);
  r->request->set(http::field::user_agent, "edgelab-lab-user");
  r->request->set("X-EdgeLab-User-City", city.city);  // req.geo.city for edge scripts on lab nodes
  ++in_flight_;
  // The request crosses the simulated client -> PoP leg first.
  r->timer.expires_after(r->leg);
  r->timer.async_wait([self = shared_from_this(), r](boost::system::error_code) { self->send(r); });
}

void TrafficGenerator::send(std::shared_ptr<InFlight> r) {
  auto& pool = pools_[static_cast<std::size_t>(r->record.pop)];
  const std::uint64_t limit = config_.object_bytes + 64 * 1024;
  pool->send(r->request, [self = shared_from_this(), r, limit](boost::system::error_code ec, UpstreamExchangePtr ex) {
    if (ec || !ex)
      return net::post(self->strand_, [self, r] { self->answered(r, 0, {}, 0); });
    ex->read_body(limit, [self, r](boost::system::error_code read_error, Response res) {
      const unsigned status = read_error ? 0 : res.result_int();
      std::string cache_status = read_error ? std::string() : std::string(res["Cache-Status"]);
      net::post(self->strand_, [self, r, status, cache_status = std::move(cache_status),
                                bytes = res.body().size()]() mutable {
        self->answered(r, status, std::move(cache_status), bytes);
      });
    });
  });
}

void TrafficGenerator::answered(std::shared_ptr<InFlight> r, unsigned status, std::string cache_status,
                                std::size_t bytes) {
  r->record.status = static_cast<std::uint16_t>(status);
  r->record.bytes = static_cast<std::uint32_t>(std::min<std::size_t>(bytes, UINT32_MAX));
  r->record.tier = served_tier(cache_status, status);
  if (observer_) observer_(static_cast<std::size_t>(r->record.pop), r->record.tier == ServedTier::error);
  // ... and the answer crosses it back.
  r->timer.expires_after(r->leg);
  r->timer.async_wait([self = shared_from_this(), r](boost::system::error_code) { self->finish(r); });
}

void TrafficGenerator::finish(std::shared_ptr<InFlight> r) {
  const auto took = std::chrono::steady_clock::now() - r->started;
  r->record.latency_us = static_cast<std::uint32_t>(
      std::min<std::int64_t>(std::chrono::duration_cast<std::chrono::microseconds>(took).count(), UINT32_MAX));
  records_.push_back(r->record);
  ++counters_.completed;
  --in_flight_;
  maybe_done();
}

void TrafficGenerator::maybe_done() {
  if (!stopping_ || in_flight_ > 0 || finished_) return;
  finished_ = true;
  elapsed_ = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started_);
  for (auto& pool : pools_) pool->close_idle();
  if (auto done = std::move(done_)) done();
}

}  // namespace edgelab
