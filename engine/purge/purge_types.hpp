#pragma once
// What a purge is: which objects it selects (one URL with all its Vary
// variants, a key prefix, a tag, or everything) and how (hard: removed from
// every tier; soft: marked stale, so stale-while-revalidate / stale-if-error
// still apply while one refresh runs).
#include "cache/cached_object.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace edgelab {

enum class PurgeKind { url, prefix, tag, all };

std::string_view to_string(PurgeKind kind);
std::optional<PurgeKind> parse_purge_kind(std::string_view text);

struct PurgeRequest {
  PurgeKind kind = PurgeKind::url;
  // url: a primary cache key ("host/path?query"); prefix: the start of keys;
  // tag: one tag; all: empty. Normalized by parse_purge_body().
  std::string value;
  bool soft = false;
  // Set by a fleet controller: the purge's place in the fleet's sequence.
  // A node applies fleet purges in order and refuses one that leaves a gap.
  std::optional<std::uint64_t> fleet_seq;
  std::string source;  // "admin", "PURGE", "ctl" ... for the log
};

// One applied purge, as the node's log keeps it.
struct PurgeRecord {
  std::uint64_t seq = 0;        // the node's own sequence, 1, 2, 3 ...
  std::uint64_t fleet_seq = 0;  // 0 when the purge did not come from a controller
  PurgeKind kind = PurgeKind::url;
  std::string value;
  bool soft = false;
  std::int64_t at_ms = 0;  // Unix milliseconds
  std::uint64_t l1 = 0;    // objects invalidated per tier
  std::uint64_t l2 = 0;
  std::string source;
};

// The node's purge position, persisted with every purge (L2) so it survives
// a restart: objects stamped below hard_floor are gone, those below
// soft_floor went stale at soft_floor_at (purge-all is O(1): no object is
// touched when it is applied; lookups compare epochs, a sweep reclaims).
struct PurgeState {
  std::uint64_t seq = 0;
  std::uint64_t fleet_seq = 0;
  std::uint64_t hard_floor = 0;
  std::uint64_t soft_floor = 0;
  std::int64_t soft_floor_at = 0;
  // Every purge up to this sequence has been carried out on L2's rows; later
  // ones are recorded (durable) and screened on lookup until the background
  // applier reaches them.
  std::uint64_t l2_applied = 0;
};

// What a node answers to one purge.
struct PurgeOutcome {
  enum class Status { applied, duplicate, gap, failed };
  Status status = Status::applied;
  PurgeRecord record;             // applied / duplicate: the node's record of it
  std::uint64_t node_fleet_seq = 0;  // gap: the last fleet purge the node has
  std::string error;              // failed: why
};

// Does a url/prefix/tag purge select this object? (`all` selects everything.)
bool purge_selects(PurgeKind kind, std::string_view value, const CachedObject& object);

// Turns an admin request body ({"kind","value","soft","fleet_seq"}) into a
// request, normalizing URLs into cache keys with `keys`. On failure returns
// nullopt and names the problem in `error`.
class CacheKeyBuilder;
std::optional<PurgeRequest> parse_purge_body(std::string_view body, const CacheKeyBuilder& keys, std::string& error);

// "http://Host:80/a?b=1", "//host/a", "host/a" -> the primary key "host/a?b=1".
// Without a host there is no key: nullopt.
std::optional<std::string> url_to_primary_key(std::string_view url, const CacheKeyBuilder& keys);
// The same for a prefix: scheme dropped and host lower-cased, the rest verbatim.
std::optional<std::string> url_to_key_prefix(std::string_view url);

}  // namespace edgelab
