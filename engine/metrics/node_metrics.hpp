#pragma once
// A node's counters, declared once in a table (name, help) from which both the
// Prometheus text and the JSON stats are produced. Every degraded path has one.
#include "metrics/latency_histogram.hpp"

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

namespace edgelab {

#define EDGELAB_NODE_COUNTERS(X)                                                      \
  X(requests, "Client requests received")                                             \
  X(l1_hits, "Requests served fresh from the memory tier")                            \
  X(l2_hits, "Requests served fresh from the disk tier")                              \
  X(misses, "Requests that had to go upstream for the object")                        \
  X(stale_served, "Requests served a stale object (stale-while-revalidate/if-error)") \
  X(revalidated, "Stale objects refreshed by a 304 from upstream")                    \
  X(coalesced, "Requests that waited on another request's upstream fetch")            \
  X(coalesce_timeouts, "Coalesced waiters that hit their deadline (answered 504)")    \
  X(coalesce_overflow, "Requests that found the waiting list full and went upstream") \
  X(passes, "Requests passed upstream uncached (method, hit-for-miss, oversize)")     \
  X(hit_for_miss, "Requests for keys remembered as uncacheable")                      \
  X(not_modified, "Client conditional requests answered 304 from cache")              \
  X(stored, "Objects stored after a fetch")                                           \
  X(not_stored, "Fetched responses that were not storable")                           \
  X(invalidations, "Cache entries invalidated by unsafe methods")                     \
  X(upstream_requests, "Requests sent upstream")                                      \
  X(upstream_errors, "Upstream connect, read or protocol failures")                   \
  X(errors, "Responses this node generated as 5xx")                                   \
  X(loops_detected, "Requests refused because CDN-Loop showed a forwarding loop")     \
  X(admin_auth_failures, "Admin requests refused for a missing or wrong token")          \
  X(purges_applied, "Purges applied (admin API or PURGE method)")                     \
  X(purges_failed, "Purges that could not be made durable (answered 500)")           \
  X(purged_objects, "Objects invalidated by purges, all tiers")                       \
  X(purge_denied, "PURGE requests refused by the source address list")                \
  X(stores_discarded, "Fetched objects not stored because a purge selected them")     \
  X(purge_reclaimed, "Objects reclaimed in the background after a purge-all")         \
  X(bytes_out, "Body bytes sent to clients")                                          \
  X(bytes_in_upstream, "Body bytes received from upstream")

class NodeMetrics {
 public:
#define EDGELAB_DECLARE_COUNTER(name, help) std::atomic<std::uint64_t> name{0};
  EDGELAB_NODE_COUNTERS(EDGELAB_DECLARE_COUNTER)
#undef EDGELAB_DECLARE_COUNTER

  LatencyHistogram latency;  // client request received -> response handed to the socket

  // Prometheus text exposition; `extra` is appended as-is (tier gauges).
  std::string prometheus(const std::string& node_name, const std::string& extra = {}) const;
  // {"requests": N, ..., "latency_us": {"p50":..}}
  std::string json() const;
};

// A Prometheus histogram family `edgelab_NAME` (buckets in seconds) from a
// microsecond histogram; `labels` is `{node="..."}`.
void append_latency_histogram(std::string& out, std::string_view name, std::string_view help,
                              std::string_view labels, const LatencyHistogram& histogram);

void add(NodeMetrics& m, std::atomic<std::uint64_t> NodeMetrics::*counter, std::uint64_t n = 1);

}  // namespace edgelab
