#pragma once
// Small pieces every admin endpoint uses: JSON answers and errors, the bearer
// check, and query parameters (decoded with Boost.URL).
#include "http/http_types.hpp"

#include <boost/json/value.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace edgelab {

Response json_response(http::status status, const boost::json::value& body, bool keep_alive);
Response json_error(http::status status, std::string_view message, bool keep_alive);

// "Authorization: Bearer <token>", compared in constant time.
bool bearer_authorized(const Request& request, const std::string& token);

class QueryParams {
 public:
  // Parses the query of an origin-form target; nullopt (with `error`) when malformed.
  static std::optional<QueryParams> parse(std::string_view target, std::string& error);

  std::optional<std::string> get(const std::string& name) const;
  // A non-negative integer within [min, max]; `fallback` when absent. nullopt
  // (with `error` naming the parameter) when malformed or out of range.
  std::optional<std::uint64_t> get_uint(const std::string& name, std::uint64_t fallback, std::uint64_t min,
                                        std::uint64_t max, std::string& error) const;
  std::optional<bool> get_bool(const std::string& name, bool fallback, std::string& error) const;
  // The first parameter not in `known`, if any.
  std::optional<std::string> unknown(std::initializer_list<std::string_view> known) const;

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

}  // namespace edgelab
