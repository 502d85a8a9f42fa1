#include "lab/traffic_config.hpp"

#include <boost/json.hpp>

#include <cmath>

namespace edgelab {
namespace json = boost::json;
namespace {

using ConfigResult = boost::system::result<TrafficConfig, std::string>;
ConfigResult fail(std::string message) { return ConfigResult(boost::system::in_place_error, std::move(message)); }

std::optional<double> number(const json::value& v) {
  if (!v.is_number()) return std::nullopt;
  const double d = v.to_number<double>();
  return std::isfinite(d) ? std::optional(d) : std::nullopt;
}

// A whole number in [lo, hi] into `out`; the error names `key`.
template <class Int>
std::optional<std::string> whole(const json::value& v, std::string_view key, Int& out, double lo, double hi) {
  auto d = number(v);
  if (!d || *d != std::floor(*d) || *d < lo || *d > hi)
    return "traffic." + std::string(key) + ": expected a whole number from " + std::to_string(std::llround(lo)) +
           " to " + std::to_string(std::llround(hi));
  out = static_cast<Int>(*d);
  return std::nullopt;
}

}  // namespace

std::string_view to_string(ObjectClass klass) {
  switch (klass) {
    case ObjectClass::static_asset: return "static";
    case ObjectClass::semi_dynamic: return "semi_dynamic";
    case ObjectClass::dynamic: return "dynamic";
  }
  return "?";
}

std::uint64_t TrafficConfig::request_budget() const {
  const auto by_rate = static_cast<std::uint64_t>(std::llround(rps * duration_s));
  return max_requests > 0 ? std::min(max_requests, by_rate) : by_rate;
}

ConfigResult parse_traffic_config(const json::value& section, const RegionCatalogue& catalogue, TrafficConfig c) {
  const json::object* o = section.if_object();
  if (!o) return fail("traffic: expected an object");
  for (const auto& [key, value] : *o) {
    std::optional<std::string> error;
    if (key == "rps" || key == "duration_s" || key == "zipf") {
      auto d = number(value);
      const double hi = key == "rps" ? 100'000 : key == "duration_s" ? 86'400 : 5;
      if (!d || *d <= 0 || *d > hi)
        return fail("traffic." + std::string(key) + ": expected a number above 0, at most " +
                    std::to_string(std::llround(hi)));
      (key == "rps" ? c.rps : key == "duration_s" ? c.duration_s : c.zipf_exponent) = *d;
    } else if (key == "max_requests") {
      error = whole(value, key, c.max_requests, 0, 1e9);
    } else if (key == "objects") {
      error = whole(value, key, c.objects, 1, 10'000'000);
    } else if (key == "object_bytes") {
      error = whole(value, key, c.object_bytes, 1, 64 << 20);
    } else if (key == "static_ttl_s") {
      error = whole(value, key, c.static_ttl_s, 1, 31'536'000);
    } else if (key == "semi_ttl_s") {
      error = whole(value, key, c.semi_ttl_s, 1, 86'400);
    } else if (key == "semi_swr_s") {
      error = whole(value, key, c.semi_swr_s, 0, 86'400);
    } else if (key == "seed") {
      error = whole(value, key, c.seed, 0, 4'294'967'295.0);
    } else if (key == "max_in_flight") {
      error = whole(value, key, c.max_in_flight, 1, 100'000);
    } else if (key == "host") {
      if (!value.is_string() || value.as_string().empty()) return fail("traffic.host: expected a host name");
      c.host = value.as_string();
    } else if (key == "mix") {
      const json::object* mix = value.if_object();
      if (!mix) return fail("traffic.mix: expected {\"static\": .., \"semi_dynamic\": .., \"dynamic\": ..}");
      double shares[kObjectClasses] = {0, 0, 0};
      for (const auto& [name, share] : *mix) {
        int index = name == "static" ? 0 : name == "semi_dynamic" ? 1 : name == "dynamic" ? 2 : -1;
        if (index < 0) return fail("traffic.mix: unknown class \"" + std::string(name) + "\"");
        auto d = number(share);
        if (!d || *d < 0) return fail("traffic.mix." + std::string(name) + ": expected a share >= 0");
        shares[index] = *d;
      }
      for (int i = 0; i < kObjectClasses; ++i) c.share[i] = shares[i];
    } else if (key == "population") {
      const json::object* weights = value.if_object();
      if (!weights) return fail("traffic.population: expected {\"<region>\": weight, ...}");
      for (const auto& [region, weight] : *weights) {
        if (!catalogue.find(region)) return fail("traffic.population: unknown region \"" + std::string(region) + "\"");
        auto d = number(weight);
        if (!d || *d < 0) return fail("traffic.population." + std::string(region) + ": expected a weight >= 0");
        c.population[std::string(region)] = *d;
      }
    } else {
      return fail("traffic: unknown key \"" + std::string(key) + "\"");
    }
    if (error) return fail(std::move(*error));
  }
  if (auto problem = validate(c); !problem.empty()) return fail(std::move(problem));
  return c;
}

std::string validate(const TrafficConfig& c) {
  double total = 0;
  for (double s : c.share) total += s;
  if (!(total > 0)) return "traffic.mix: the shares add up to 0";
  if (!(c.rps > 0)) return "traffic: the request rate must be above 0";
  if (!(c.duration_s > 0)) return "traffic: the duration must be above 0";
  if (c.request_budget() == 0) return "traffic: rps x duration makes no request";
  // Every request is kept as a record (about 28 bytes) until the report.
  if (c.request_budget() > kMaxRunRequests)
    return "traffic: a run makes at most " + std::to_string(kMaxRunRequests) + " requests; this one would make " +
           std::to_string(c.request_budget());
  return {};
}

}  // namespace edgelab
