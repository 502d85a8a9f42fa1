#include "lab/what_if_query.hpp"

#include "cache/cache_key.hpp"
#include "purge/purge_types.hpp"

#include <boost/json.hpp>
#include <boost/url/parse.hpp>

#include <cctype>
#include <charconv>
#include <cmath>

namespace edgelab {
namespace json = boost::json;
namespace {

// To 0.1 ms, as the nearest double to the decimal (4.1, not 4.1000000000000005).
double tenths(double v) { return std::round(v * 10) / 10; }

// A finite decimal in [lo, hi], the whole text.
std::optional<double> coordinate(const std::string& text, double lo, double hi) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value) || value < lo || value > hi)
    return std::nullopt;
  return value;
}

const Region* find_region(const RegionCatalogue& catalogue, const std::string& name) {
  if (const Region* r = catalogue.find(name)) return r;
  // A city's own name ("Paris") is what a person types; the first region there answers.
  auto lower = [](std::string_view s) {
    std::string out;
    for (char c : s) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return out;
  };
  const std::string wanted = lower(name);
  for (const auto& r : catalogue.regions())
    if (lower(r.city) == wanted) return &r;
  return nullptr;
}

bool absolute_http_url(const std::string& text) {
  auto url = boost::urls::parse_absolute_uri(text);
  if (!url || (url->scheme_id() != boost::urls::scheme::http && url->scheme_id() != boost::urls::scheme::https) ||
      url->encoded_host().empty())
    return false;
  // The nodes turn it into their cache key with the same helper.
  return url_to_primary_key(text, CacheKeyBuilder{}).has_value();
}

}  // namespace

std::optional<WhatIfQuery> parse_what_if_query(const QueryParams& params, const RegionCatalogue& catalogue,
                                               std::string& error) {
  auto refuse = [&error](std::string message) {
    error = std::move(message);
    return std::optional<WhatIfQuery>();
  };
  if (auto name = params.unknown({"lat", "lon", "city", "url"}))
    return refuse("unknown parameter \"" + *name + "\" (lat, lon, city, url)");
  WhatIfQuery q;
  const auto lat = params.get("lat"), lon = params.get("lon"), city = params.get("city");
  if (city && (lat || lon)) return refuse("city and lat/lon exclude each other");
  if (city) {
    q.region = find_region(catalogue, *city);
    if (!q.region) return refuse("city: no region or city \"" + *city + "\" in the catalogue (such as eu-west-3)");
    q.client = q.region->at;
  } else {
    if (!lat) return refuse("lat: required (lat and lon, or city)");
    if (!lon) return refuse("lon: required (lat and lon, or city)");
    auto la = coordinate(*lat, -90, 90);
    if (!la) return refuse("lat: expected a number from -90 to 90, got \"" + *lat + "\"");
    auto lo = coordinate(*lon, -180, 180);
    if (!lo) return refuse("lon: expected a number from -180 to 180, got \"" + *lon + "\"");
    q.client = {*la, *lo};
  }
  const auto url = params.get("url");
  if (!url) return refuse("url: required, an absolute http(s) URL such as http://www.example.com/obj/a");
  if (!absolute_http_url(*url))
    return refuse("url: expected an absolute http(s) URL with a host, such as http://www.example.com/obj/a, got \"" +
                  *url + "\"");
  q.url = *url;
  return q;
}

json::object what_if_json(const WhatIfQuery& query, const WhatIfAnswer& answer, const std::string& pop_name) {
  json::object client{{"lat", query.client.lat}, {"lon", query.client.lon}};
  if (query.region) {
    client["region"] = query.region->name;
    client["city"] = query.region->city;
  }
  json::object out{{"client", std::move(client)}};
  out["pop"] = answer.route ? json::value(pop_name) : json::value(nullptr);
  out["spilled"] = answer.route && answer.route->spilled;
  if (!answer.route)
    out["reason"] = "every PoP is down or full";
  else if (answer.route->spilled)
    out["reason"] = answer.route->why;
  json::array path;
  double total_ms = 0;
  for (std::size_t i = 0; i < answer.path.size(); ++i) {
    const WhatIfHop& hop = answer.path[i];
    const char* role = i == 0 ? "edge" : i + 1 == answer.path.size() ? "origin" : "shield";
    const double link_ms = tenths(static_cast<double>(hop.link.count()) / 1000.0);
    total_ms += link_ms;
    json::object item{{"node", hop.node},
                      {"role", role},
                      {"link_ms", link_ms},
                      {"tiers", json::array(hop.tiers.begin(), hop.tiers.end())}};
    if (!hop.error.empty()) item["error"] = hop.error;
    path.push_back(std::move(item));
  }
  out["path"] = std::move(path);
  out["total_link_ms"] = tenths(total_ms);
  return out;
}

}  // namespace edgelab
