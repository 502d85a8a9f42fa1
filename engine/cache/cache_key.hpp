#pragma once
// Cache keys: host + path + normalized query (parameters sorted, an ignore list
// dropped), and for Vary-ing responses the values of the named request headers.
#include "http/http_types.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace edgelab {

class CacheKeyBuilder {
 public:
  explicit CacheKeyBuilder(std::vector<std::string> ignored_query_params = {});

  // Writes the primary key of (host, target) into `out` (cleared first), so a
  // caller can reuse one buffer per connection.
  void primary_key(std::string_view host, std::string_view target, std::string& out) const;
  std::string primary_key(std::string_view host, std::string_view target) const {
    std::string out;
    primary_key(host, target, out);
    return out;
  }

 private:
  std::vector<std::string> ignored_;
};

// The header names a Vary value lists, lower-cased, sorted, deduplicated.
// Returns false for `Vary: *` (never served from cache).
bool parse_vary(const http::fields& response, std::vector<std::string>& names);
// primary key + the request's values for the Vary names, whitespace-normalized.
void variant_key(std::string_view primary, const std::vector<std::string>& vary_names, const RequestFields& request,
                 std::string& out);

}  // namespace edgelab
