#pragma once
// What an admin listing asks a tier for, and what comes back.
#include "cache/cached_object.hpp"
#include "purge/purge_types.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace edgelab {

struct CacheQuery {
  // url / prefix / tag narrow the listing the way a purge would select;
  // nullopt (or all) lists everything.
  std::optional<PurgeKind> kind;
  std::string value;
  std::string cursor;  // keys strictly after this one
  std::size_t limit = 100;
  // Applied to each candidate before it counts toward `limit`: returns the
  // object as the node would see it (purge floors applied), or null to skip.
  // Runs on the tier's thread, so it must only use what it captured.
  std::function<CachedObjectPtr(CachedObjectPtr)> screen;
};

struct ListedObject {
  CachedObjectPtr object;  // metadata; the body may be absent (L2)
  std::uint64_t size = 0;  // bytes the tier charges for it
  std::uint64_t hits = 0;
};

struct ListedPage {
  std::vector<ListedObject> objects;  // in key order
  std::string next_cursor;            // empty when there is nothing after
};

}  // namespace edgelab
