#pragma once
// The L2 index's tables, created or migrated when the tier opens.
#include "core/sqlite_db.hpp"

#include <string>

namespace edgelab {

// Creates the schema, or brings an older one up to date (adding columns and
// back-filling the tag index from stored metadata). Returns false with `error`.
bool ensure_disk_schema(SqliteDb& db, std::string& error);

}  // namespace edgelab
