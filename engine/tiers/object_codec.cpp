#include "tiers/object_codec.hpp"

#include <boost/json.hpp>

namespace edgelab {
namespace json = boost::json;

std::string encode_object_metadata(const CachedObject& o) {
  json::object j;
  j["key"] = o.key;
  j["primary"] = o.primary_key;
  j["status"] = o.status;
  json::array headers;
  for (const auto& [n, v] : o.headers) headers.push_back(json::array{json::string(n), json::string(v)});
  j["headers"] = std::move(headers);
  j["ucs"] = o.upstream_cache_status;
  j["sc"] = o.surrogate_control;
  j["etag"] = o.etag;
  j["lm"] = o.last_modified;
  json::array vary(o.vary_names.begin(), o.vary_names.end());
  j["vary"] = std::move(vary);
  json::array tags(o.tags.begin(), o.tags.end());
  j["tags"] = std::move(tags);
  j["rt"] = o.response_time;
  j["age"] = o.initial_age;
  j["life"] = o.lifetime;
  j["swr"] = o.stale_while_revalidate;
  j["sie"] = o.stale_if_error;
  j["mr"] = o.must_revalidate;
  j["nc"] = o.no_cache;
  return json::serialize(j);
}

std::optional<CachedObject> decode_object_metadata(std::string_view text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const json::object& j = v.as_object();
  CachedObject o;
  try {  // a boundary: the stored text may be damaged; any shape error is a miss
    o.key = json::value_to<std::string>(j.at("key"));
    o.primary_key = json::value_to<std::string>(j.at("primary"));
    o.status = json::value_to<unsigned>(j.at("status"));
    for (const auto& h : j.at("headers").as_array()) {
      const auto& pair = h.as_array();
      o.headers.emplace_back(json::value_to<std::string>(pair.at(0)), json::value_to<std::string>(pair.at(1)));
    }
    o.upstream_cache_status = json::value_to<std::string>(j.at("ucs"));
    o.surrogate_control = json::value_to<std::string>(j.at("sc"));
    o.etag = json::value_to<std::string>(j.at("etag"));
    o.last_modified = json::value_to<std::string>(j.at("lm"));
    o.vary_names = json::value_to<std::vector<std::string>>(j.at("vary"));
    o.tags = json::value_to<std::vector<std::string>>(j.at("tags"));
    o.response_time = json::value_to<std::int64_t>(j.at("rt"));
    o.initial_age = json::value_to<std::int64_t>(j.at("age"));
    o.lifetime = json::value_to<std::int64_t>(j.at("life"));
    o.stale_while_revalidate = json::value_to<std::int64_t>(j.at("swr"));
    o.stale_if_error = json::value_to<std::int64_t>(j.at("sie"));
    o.must_revalidate = j.at("mr").as_bool();
    o.no_cache = j.at("nc").as_bool();
  } catch (const std::exception&) {
    return std::nullopt;
  }
  return o;
}

}  // namespace edgelab
