#pragma once
// GET /lab/v1/whatif: the question from its query parameters (a position as
// lat/lon, or a region of the catalogue by name, and an absolute http(s)
// URL), and the answer as the API shows it.
#include "admin/admin_http.hpp"
#include "geo/region_catalogue.hpp"
#include "lab/what_if.hpp"

#include <boost/json/object.hpp>

#include <optional>
#include <string>

namespace edgelab {

struct WhatIfQuery {
  GeoPoint client;
  const Region* region = nullptr;  // when asked by city: its coordinates are the client's
  std::string url;
};

// nullopt with `error` naming the parameter when a value is missing, malformed or out of range.
std::optional<WhatIfQuery> parse_what_if_query(const QueryParams& params, const RegionCatalogue& catalogue,
                                               std::string& error);
// `pop_name` names answer.route's PoP (unused without a route).
boost::json::object what_if_json(const WhatIfQuery& query, const WhatIfAnswer& answer, const std::string& pop_name);

}  // namespace edgelab
