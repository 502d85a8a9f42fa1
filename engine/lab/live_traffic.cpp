#include "lab/live_traffic.hpp"

#include "core/wall_clock.hpp"

#include <boost/asio/post.hpp>

#include <algorithm>
#include <cmath>

namespace edgelab {
namespace {
constexpr auto kPacing = std::chrono::milliseconds(5);

TrafficConfig with_settings(TrafficConfig c, const LiveTrafficSettings& s) {
  c.rps = s.rps;
  for (int i = 0; i < kObjectClasses; ++i) c.share[i] = s.mix[i];
  c.objects = s.objects;
  c.zipf_exponent = s.zipf;
  c.seed = s.seed;
  return c;
}

bool same_mix(const LiveTrafficSettings& a, const LiveTrafficSettings& b) {
  return std::equal(std::begin(a.mix), std::end(a.mix), std::begin(b.mix)) && a.objects == b.objects &&
         a.zipf == b.zipf;
}
}  // namespace

struct LiveTraffic::InFlight {
  explicit InFlight(net::any_io_executor ex) : timer(std::move(ex)) {}
  LiveRequest outcome;
  std::chrono::steady_clock::time_point started;
  std::chrono::microseconds leg{0};  // one way, client <-> PoP (simulated)
  std::shared_ptr<Request> request;
  net::steady_timer timer;
};

LiveTraffic::LiveTraffic(net::io_context& ioc, TrafficConfig base, const UserPopulation& users, GeoRouter& router,
                         std::vector<Endpoint> pop_endpoints, WanLatencyModel client_wan, Observer observer)
    : strand_(net::make_strand(ioc)),
      base_(std::move(base)),
      users_(users),
      router_(router),
      wan_(client_wan),
      observer_(std::move(observer)),
      pacer_(strand_) {
  pools_ = make_user_pools(ioc, pop_endpoints, base_);
}

void LiveTraffic::start(LiveTrafficSettings settings) {
  auto mix = std::make_shared<const TrafficMix>(with_settings(base_, settings));
  {
    std::lock_guard lock(mutex_);
    settings_ = settings;
  }
  net::post(strand_, [self = shared_from_this(), settings, mix = std::move(mix)] {
    self->active_ = settings;
    self->mix_ = mix;
    self->random_.seed(settings.seed);
    self->jitter_random_.seed(settings.seed ^ 0x9e3779b9u);
    self->epoch_ = std::chrono::steady_clock::now();
    self->tick();
  });
}

void LiveTraffic::apply(const LiveTrafficSettings& settings) {
  // A new popularity table can take a few ms for a million objects: built
  // here, off the strand; apply_mutex_ keeps two callers from crossing.
  std::lock_guard apply_lock(apply_mutex_);
  bool rebuild = false;
  {
    std::lock_guard lock(mutex_);
    rebuild = !same_mix(settings, settings_);
  }
  std::shared_ptr<const TrafficMix> mix;
  if (rebuild) mix = std::make_shared<const TrafficMix>(with_settings(base_, settings));
  std::lock_guard lock(mutex_);
  settings_ = settings;
  if (mix) pending_mix_ = std::move(mix);
}

LiveTrafficSettings LiveTraffic::settings() const {
  std::lock_guard lock(mutex_);
  return settings_;
}

LiveTrafficCounters LiveTraffic::counters() const {
  std::lock_guard lock(mutex_);
  return counters_;
}

void LiveTraffic::shutdown(std::function<void()> done) {
  net::post(strand_, [self = shared_from_this(), done = std::move(done)]() mutable {
    self->done_ = std::move(done);
    self->stopping_ = true;
    self->pacer_.cancel();
    self->maybe_done();
  });
}

void LiveTraffic::tick() {
  if (stopping_) return maybe_done();
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(mutex_);
    const LiveTrafficSettings wanted = settings_;
    if (auto mix = std::move(pending_mix_)) mix_ = std::move(mix);
    if (wanted.seed != active_.seed) {
      random_.seed(wanted.seed);
      jitter_random_.seed(wanted.seed ^ 0x9e3779b9u);
    }
    // A new rate (or a restart) paces from now, not from when the old one began.
    if (wanted.rps != active_.rps || wanted.running != active_.running) {
      epoch_ = now;
      launched_since_epoch_ = 0;
    }
    active_ = wanted;
  }
  if (active_.running && active_.rps > 0) {
    const double elapsed_s = std::chrono::duration<double>(now - epoch_).count();
    const auto due = static_cast<std::uint64_t>(std::floor(elapsed_s * active_.rps)) + 1;
    // Open loop, but a machine that fell more than a second behind sheds the backlog
    // rather than sending it in one burst.
    const auto backlog_cap = static_cast<std::uint64_t>(std::max(1.0, active_.rps));
    if (due > launched_since_epoch_ + backlog_cap) {
      const std::uint64_t skipped = due - launched_since_epoch_ - backlog_cap;
      std::lock_guard lock(mutex_);
      counters_.shed += skipped;
      launched_since_epoch_ += skipped;
    }
    while (launched_since_epoch_ < due) {
      ++launched_since_epoch_;
      launch_one(now);
    }
  }
  pacer_.expires_after(kPacing);
  pacer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
    if (!ec) self->tick();
  });
}

void LiveTraffic::launch_one(std::chrono::steady_clock::time_point now) {
  {
    std::lock_guard lock(mutex_);
    ++counters_.launched;
    if (in_flight_ >= base_.max_in_flight) {
      ++counters_.shed;
      return;
    }
  }
  auto r = std::make_shared<InFlight>(strand_);
  r->started = now;
  r->outcome.city = users_.pick(random_);
  const TrafficPick pick = mix_->pick(random_);
  r->outcome.url = mix_->target(pick);
  const UserCity& city = users_.cities()[r->outcome.city];
  auto route = router_.route(city.at, now);
  if (!route) {
    {
      std::lock_guard lock(mutex_);
      ++counters_.no_route;
    }
    r->outcome.time_ms = unix_millis();
    report(*r);
    return;
  }
  r->outcome.pop = static_cast<int>(route->pop);
  r->leg = wan_.one_way(route->distance_km, jitter_random_);
  r->outcome.link_us = static_cast<std::uint32_t>(std::min<std::int64_t>(r->leg.count(), UINT32_MAX));
  r->request = std::make_shared<Request>();
  r->request->version(11);
  r->request->method(http::verb::get);
  r->request->target(r->outcome.url);
  r->request->set(http::field::host, base_.host);
  r->request->set(http::field::user_agent, "edgelab-lab-user");
  r->request->set("X-EdgeLab-User-City", city.city);  // req.geo.city for edge scripts on lab nodes
  ++in_flight_;
  // The request crosses the simulated client -> PoP leg first.
  r->timer.expires_after(r->leg);
  r->timer.async_wait([self = shared_from_this(), r](boost::system::error_code) { self->send(r); });
}

void LiveTraffic::send(std::shared_ptr<InFlight> r) {
  auto& pool = pools_[static_cast<std::size_t>(r->outcome.pop)];
  const std::uint64_t limit = base_.object_bytes + 64 * 1024;
  pool->send(r->request, [self = shared_from_this(), r, limit](boost::system::error_code ec, UpstreamExchangePtr ex) {
    if (ec || !ex) return net::post(self->strand_, [self, r] { self->answered(r, 0, {}); });
    ex->read_body(limit, [self, r](boost::system::error_code read_error, Response res) {
      const unsigned status = read_error ? 0 : res.result_int();
      std::string cache_status = read_error ? std::string() : std::string(res["Cache-Status"]);
      net::post(self->strand_, [self, r, status, cache_status = std::move(cache_status)]() mutable {
        self->answered(r, status, std::move(cache_status));
      });
    });
  });
}

void LiveTraffic::answered(std::shared_ptr<InFlight> r, unsigned status, std::string cache_status) {
  r->outcome.status = static_cast<std::uint16_t>(status);
  r->outcome.tier = served_tier(cache_status, status);
  r->outcome.cache_status = std::move(cache_status);
  // ... and the answer crosses the leg back.
  r->timer.expires_after(r->leg);
  r->timer.async_wait([self = shared_from_this(), r](boost::system::error_code) { self->finish(r); });
}

void LiveTraffic::finish(std::shared_ptr<InFlight> r) {
  const auto took = std::chrono::steady_clock::now() - r->started;
  r->outcome.latency_us = static_cast<std::uint32_t>(
      std::min<std::int64_t>(std::chrono::duration_cast<std::chrono::microseconds>(took).count(), UINT32_MAX));
  r->outcome.time_ms = unix_millis();
  {
    std::lock_guard lock(mutex_);
    ++counters_.completed;
  }
  --in_flight_;
  report(*r);
  maybe_done();
}

void LiveTraffic::report(const InFlight& r) {
  if (observer_) observer_(r.outcome);
}

void LiveTraffic::maybe_done() {
  if (!stopping_ || in_flight_ > 0 || finished_) return;
  finished_ = true;
  for (auto& pool : pools_) pool->close_idle();
  if (auto done = std::move(done_)) done();
}

}  // namespace edgelab
