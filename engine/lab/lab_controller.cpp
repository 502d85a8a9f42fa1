#include "lab/lab_controller.hpp"

#include "core/text_table.hpp"
#include "core/wall_clock.hpp"

#include <boost/json.hpp>

#include <cmath>
#include <future>
#include <random>

namespace edgelab {
namespace json = boost::json;
namespace {

constexpr auto kTick = std::chrono::milliseconds(200);

double round_to(double v, double step) { return std::round(v / step) * step; }
// To 0.1, as the nearest double to the decimal (4.1, not 4.1000000000000005).
double tenths(double v) { return std::round(v * 10) / 10; }

// The tier names of the lab API (Cache-Status's vocabulary, shortened).
std::string_view api_tier(ServedTier tier) {
  switch (tier) {
    case ServedTier::l1_hit:
      return "L1";
    case ServedTier::l2_hit:
      return "L2";
    case ServedTier::shield_hit:
      return "shield";
    case ServedTier::origin:
      return "origin";
    case ServedTier::error:
      return "error";
  }
  return "error";
}

std::string new_instance() {
  std::random_device seed;
  const std::uint64_t random = (static_cast<std::uint64_t>(seed()) << 32) ^ seed();
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(random));
  return std::to_string(unix_millis()) + "-" + hex;
}

// 250, 0.7, 1.25: for messages people read.
std::string short_number(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<std::int64_t>(v));
  std::string text = format_fixed(v, 3);
  while (text.back() == '0') text.pop_back();
  return text;
}

std::string describe(const LiveTrafficSettings& s) {
  const auto number = short_number;
  return std::string(s.running ? "running" : "stopped") + ", " + number(s.rps) + " req/s, mix " + number(s.mix[0]) +
         "/" + number(s.mix[1]) + "/" + number(s.mix[2]) + ", " + std::to_string(s.objects) + " objects, zipf " +
         number(s.zipf) + ", seed " + std::to_string(s.seed);
}

}  // namespace

// The settings as fields beside the message, so a console can word the event in its own language.
static json::object traffic_event_fields(const LiveTrafficSettings& s, const char* change) {
  return json::object{{"running", s.running},
                      {"change", change},
                      {"rps", json_number(s.rps)},
                      {"mix", json::array{json_number(s.mix[0]), json_number(s.mix[1]), json_number(s.mix[2])}},
                      {"objects", s.objects},
                      {"zipf", json_number(s.zipf)},
                      {"seed", s.seed}};
}

json::value json_number(double v) {
  if (v == std::floor(v) && std::fabs(v) < 9e15) return static_cast<std::int64_t>(v);
  return v;
}

LabController::LabController(LabFleet& fleet, const Topology& topology, LabControllerOptions options)
    : fleet_(fleet),
      topology_(topology),
      options_(std::move(options)),
      instance_(new_instance()),
      metrics_(options_.metrics_seconds) {}

std::unique_ptr<LabController> LabController::start(LabFleet& fleet, const Topology& topology,
                                                    const RegionCatalogue& catalogue, LabControllerOptions options,
                                                    std::string& error) {
  auto users = UserPopulation::build(catalogue, options.traffic.population);
  if (!users) {
    error = users.error();
    return nullptr;
  }
  auto c = std::make_unique<LabController>(fleet, topology, std::move(options));
  c->catalogue_ = &catalogue;
  // Only the origin's totals are used here; per-path counts would grow with every object ever asked for.
  fleet.origin().count_paths(false);
  c->users_.emplace(std::move(*users));

  std::vector<PopSite> pops, shields;
  std::vector<Endpoint> data;
  std::vector<AdminEndpoint> pop_admin, shield_admin;
  std::vector<std::size_t> pop_rows, shield_rows;
  const std::int64_t now = unix_millis();
  for (std::size_t i = 0; i < fleet.nodes().size(); ++i) {
    const LabNode& n = fleet.nodes()[i];
    const bool pop = n.role == LabNode::Role::pop;
    c->health_.push_back({n.name, pop ? "edge" : "shield", PopHealth::healthy, "up since the lab started", now});
    AdminEndpoint admin{"127.0.0.1", std::to_string(n.node->admin_port()), n.node->admin_token()};
    if (pop) {
      pops.push_back({n.name, n.region->at, n.capacity_rps});
      data.push_back({"127.0.0.1", n.node->port()});
      pop_admin.push_back(std::move(admin));
      pop_rows.push_back(i);
      c->pop_names_.push_back(n.name);
      c->pop_shields_.push_back(n.upstream_name == "origin" ? std::string() : n.upstream_name);
      c->pop_nodes_.push_back(&n);
    } else {
      shields.push_back({n.name, n.region->at, 0});
      shield_admin.push_back(std::move(admin));
      shield_rows.push_back(i);
    }
  }
  if (pops.empty()) {
    error = "the topology has no PoP to send users to";
    return nullptr;
  }
  c->router_ = std::make_unique<GeoRouter>(std::move(pops));
  c->shield_states_ = std::make_unique<GeoRouter>(std::move(shields));
  LabController* self = c.get();
  auto ex = c->pool_.context().get_executor();
  c->pop_monitor_ = std::make_shared<HealthMonitor>(
      ex, *c->router_, std::move(pop_admin), c->options_.health,
      [self, pop_rows](std::size_t pop, PopHealth from, PopHealth to, const std::string& why) {
        self->health_changed(pop_rows[pop], from, to, why);
      });
  c->shield_monitor_ = std::make_shared<HealthMonitor>(
      ex, *c->shield_states_, std::move(shield_admin), c->options_.health,
      [self, shield_rows](std::size_t shield, PopHealth from, PopHealth to, const std::string& why) {
        self->health_changed(shield_rows[shield], from, to, why);
      });
  c->traffic_ =
      std::make_shared<LiveTraffic>(c->pool_.context(), c->options_.traffic, *c->users_, *c->router_, std::move(data),
                                    c->options_.client_wan, [self](const LiveRequest& r) { self->observe(r); });
  c->ticker_ = std::make_unique<net::steady_timer>(net::make_strand(ex));
  c->pop_monitor_->start();
  c->shield_monitor_->start();
  c->traffic_->start(c->options_.settings);
  if (c->options_.settings.running)
    c->publish("traffic", "", "users started: " + describe(c->options_.settings),
               traffic_event_fields(c->options_.settings, "started"));
  c->tick();
  return c;
}

LabController::~LabController() {
  stopping_ = true;
  if (traffic_) {
    std::promise<void> drained;
    traffic_->shutdown([&drained] { drained.set_value(); });
    drained.get_future().wait_for(std::chrono::seconds(20));
  }
  if (pop_monitor_) pop_monitor_->stop();
  if (shield_monitor_) shield_monitor_->stop();
  if (ticker_) {
    std::promise<void> cancelled;
    net::post(ticker_->get_executor(), [this, &cancelled] {
      ticker_->cancel();
      cancelled.set_value();
    });
    cancelled.get_future().wait_for(std::chrono::seconds(2));
  }
  events_->close();
  samples_->close();
  pool_.stop();
}

void LabController::tick() {
  if (stopping_) return;
  std::vector<std::pair<std::string, json::object>> batch;
  {
    std::lock_guard lock(samples_mutex_);
    batch.swap(pending_samples_);
  }
  if (!batch.empty()) samples_->publish_all(std::move(batch));
  metrics_.close_until(unix_millis() / 1000, fleet_.origin().requests());
  ticker_->expires_after(kTick);
  ticker_->async_wait([this](boost::system::error_code ec) {
    if (!ec) tick();
  });
}

void LabController::observe(const LiveRequest& r) {
  const UserCity& city = users_->cities()[r.city];
  metrics_.record(r.time_ms, r.tier, r.latency_us, city.continent);
  const std::string* shield = r.pop >= 0 ? &pop_shields_[static_cast<std::size_t>(r.pop)] : nullptr;
  if (r.pop >= 0) pop_monitor_->record(static_cast<std::size_t>(r.pop), r.tier == ServedTier::error);
  std::lock_guard lock(samples_mutex_);
  // A bucket refilled evenly, not a count per second: the samples (the map's arcs)
  // spread over each second instead of being the first hundred requests of it.
  const double per_ms = static_cast<double>(options_.samples_per_second) / 1000.0;
  const double burst = std::max(1.0, per_ms * 50);  // at most 50 ms worth at once
  sample_credit_ = std::min(burst, sample_credit_ + static_cast<double>(std::max<std::int64_t>(
                                                        0, r.time_ms - sample_credit_ms_)) * per_ms);
  sample_credit_ms_ = std::max(sample_credit_ms_, r.time_ms);
  // ...and never more than the contract's number within one calendar second.
  const std::int64_t second = r.time_ms / 1000;
  if (second != sample_second_) {
    sample_second_ = second;
    samples_this_second_ = 0;
  }
  if (sample_credit_ < 1 || samples_this_second_ >= options_.samples_per_second) return;
  sample_credit_ -= 1;
  ++samples_this_second_;
  pending_samples_.emplace_back(
      "sample", json::object{{"time_ms", r.time_ms},
                             {"city", city.city},
                             {"lat", city.at.lat},
                             {"lon", city.at.lon},
                             {"continent", city.continent},
                             {"pop", r.pop >= 0 ? json::value(pop_names_[static_cast<std::size_t>(r.pop)])
                                                : json::value(nullptr)},
                             {"tier", api_tier(r.tier)},
                             {"latency_ms", round_to(r.latency_us / 1000.0, 0.1)},
                             {"status", r.status},
                             {"url", r.url},
                             {"cache_status", r.cache_status},
                             {"shield", shield ? *shield : std::string()},
                             {"link_ms", tenths(r.link_us / 1000.0)}});
}

void LabController::health_changed(std::size_t row, PopHealth from, PopHealth to, const std::string& why) {
  std::string node;
  {
    std::lock_guard lock(health_mutex_);
    HealthRow& h = health_[row];
    h.state = to;
    h.reason = why;
    h.since_ms = unix_millis();
    node = h.node;
  }
  publish("health", node, std::string(to_string(from)) + " -> " + std::string(to_string(to)) + ": " + why,
          json::object{{"from", to_string(from)}, {"state", to_string(to)}});
}

json::object LabController::publish(const std::string& kind, const std::string& node, const std::string& message,
                                    json::object extra) {
  json::object data = std::move(extra);
  data["node"] = node;
  data["message"] = message;
  std::vector<std::pair<std::string, json::object>> one;
  one.emplace_back(kind, data);
  const std::uint64_t id = events_->publish_all(std::move(one));
  json::object shown{{"id", id}, {"time_ms", unix_millis()}, {"kind", kind}};
  for (auto& [key, value] : data) shown[key] = value;
  return shown;
}

bool LabController::killed(const std::string& node) const {
  std::lock_guard lock(killed_mutex_);
  return killed_.contains(node);
}

void LabController::set_killed(const std::string& node, bool killed) {
  std::lock_guard lock(killed_mutex_);
  if (killed)
    killed_.insert(node);
  else
    killed_.erase(node);
}

void LabController::set_traffic(const LiveTrafficSettings& settings) {
  const LiveTrafficSettings before = traffic_->settings();
  if (before == settings) return;
  traffic_->apply(settings);
  const char* change = before.running != settings.running ? (settings.running ? "started" : "stopped") : "changed";
  publish("traffic", "", std::string("users ") + change + ": " + describe(settings),
          traffic_event_fields(settings, change));
}

json::object LabController::topology_json() const {
  json::array nodes, links;
  for (std::size_t i = 0; i < fleet_.nodes().size(); ++i) {
    const LabNode& n = fleet_.nodes()[i];
    const auto node = fleet_.node_of(i);
    nodes.push_back({{"name", n.name},
                     {"role", n.role == LabNode::Role::pop ? "edge" : "shield"},
                     {"region", n.region->name},
                     {"city", n.region->city},
                     {"continent", n.region->continent},
                     {"lat", n.region->at.lat},
                     {"lon", n.region->at.lon},
                     {"data_url", "http://127.0.0.1:" + std::to_string(node->port())},
                     {"admin_url", "http://127.0.0.1:" + std::to_string(node->admin_port())},
                     {"token_file", std::filesystem::absolute(n.token_file).string()},
                     {"upstream", n.upstream_name},
                     {"capacity_rps", json_number(n.capacity_rps)}});
    links.push_back({{"from", n.name},
                     {"to", n.upstream_name},
                     {"delay_ms", round_to(static_cast<double>(n.uplink->delay().count()) / 1000.0, 0.1)},
                     {"cut", n.uplink->cut()}});
  }
  const Region* origin = fleet_.origin_region();
  return {{"name", topology_.name},
          {"instance", instance_},
          {"origin",
           {{"name", "origin"},
            {"region", origin->name},
            {"city", origin->city},
            {"continent", origin->continent},
            {"lat", origin->at.lat},
            {"lon", origin->at.lon},
            {"data_url", "http://127.0.0.1:" + std::to_string(fleet_.origin().port())}}},
          {"nodes", std::move(nodes)},
          {"links", std::move(links)}};
}

json::object LabController::health_json() const {
  json::array nodes;
  std::lock_guard lock(health_mutex_);
  for (const auto& h : health_)
    nodes.push_back({{"node", h.node},
                     {"role", h.role},
                     {"state", to_string(h.state)},
                     {"reason", h.reason},
                     {"since_ms", h.since_ms}});
  return {{"nodes", std::move(nodes)}};
}

json::object LabController::metrics_json(std::int64_t after_s) const {
  json::array seconds;
  for (const auto& s : metrics_.after(after_s)) {
    json::object tiers;
    for (int t = 0; t < kServedTiers; ++t) tiers[api_tier(static_cast<ServedTier>(t))] = s.tiers[t];
    json::object continents;
    for (const auto& [name, n] : s.continents) continents[name] = n;
    json::object tier_latency;
    for (int t = 0; t < kLatencyTiers; ++t) {
      const TierLatency& l = s.tier_latency[t];
      tier_latency[api_tier(static_cast<ServedTier>(t))] = {
          {"count", l.count}, {"p50_ms", l.p50_ms}, {"p99_ms", l.p99_ms}};
    }
    seconds.push_back(
        {{"t", s.t},
         {"requests", s.requests},
         {"errors", s.errors},
         {"origin_requests", s.origin_requests},
         {"tiers", std::move(tiers)},
         {"p50_ms", s.p50_ms},
         {"p99_ms", s.p99_ms},
         {"continents", std::move(continents)},
         {"tier_latency", std::move(tier_latency)},
         {"histogram",
          {{"hit", json::array(s.hit.begin(), s.hit.end())}, {"miss", json::array(s.miss.begin(), s.miss.end())}}}});
  }
  json::array bounds;
  for (std::size_t i = 0; i < kHistogramBuckets; ++i) bounds.push_back(histogram_bound_ms(i));
  const TierTotals totals = metrics_.tier_totals();
  json::object tier_mean, tier_requests;
  for (int t = 0; t < kLatencyTiers; ++t) {
    const auto name = api_tier(static_cast<ServedTier>(t));
    tier_mean[name] = totals.mean_ms[t];
    tier_requests[name] = totals.requests[t];
  }
  const OffloadFigures last10 = metrics_.offload_last(10), run = metrics_.offload_total();
  const LiveTrafficCounters c = traffic_->counters();
  return {{"seconds", std::move(seconds)},
          {"offload_10s", last10.ratio},
          {"offload_run", run.ratio},
          {"requests_10s", last10.requests},
          {"requests_run", run.requests},
          {"origin_requests_run", run.origin_requests},
          {"shed", c.shed},
          {"no_route", c.no_route},
          {"histogram_bounds_ms", std::move(bounds)},
          {"tier_mean_ms", std::move(tier_mean)},
          {"tier_requests", std::move(tier_requests)}};
}

void LabController::what_if(const WhatIfQuery& query, std::function<void(json::object)> done) const {
  // The answer may come after the API stopped waiting: it keeps what it names by value.
  ask_what_if(fleet_, *router_, pop_nodes_, query.client, query.url,
              [query, names = pop_names_, done = std::move(done)](WhatIfAnswer answer) {
                const std::string pop = answer.route ? names.at(answer.route->pop) : std::string();
                done(what_if_json(query, answer, pop));
              });
}

}  // namespace edgelab
