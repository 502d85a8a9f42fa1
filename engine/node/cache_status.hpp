#pragma once
// This node's member of the Cache-Status field (RFC 9211).
#include <cstdint>
#include <string>
#include <string_view>

namespace edgelab {

struct CacheStatusNote {
  bool hit = false;
  std::string_view fwd;  // uri-miss, vary-miss, stale, bypass, method, request
  unsigned fwd_status = 0;
  bool stored = false;
  bool collapsed = false;
  std::int64_t ttl = 0;
  bool has_ttl = false;
  std::string_view detail;  // L1, L2, ...
};

// Appends "name; hit; ttl=10; detail=L1" (no leading separator).
void append_cache_status(std::string& out, std::string_view node_name, const CacheStatusNote& note);

}  // namespace edgelab
