#pragma once
// The L2 rows a url/prefix/tag/all selection covers, as one SQL condition over
// `objects`, so purges, counts and listings select alike (a prefix as an
// index range, a tag through the tag index).
#include "core/sqlite_db.hpp"
#include "purge/purge_types.hpp"

#include <optional>
#include <string>

namespace edgelab {

class DiskSelection {
 public:
  // The condition uses the parameters ?first_param and ?first_param+1.
  DiskSelection(PurgeKind kind, std::string value, int first_param);

  const std::string& where() const { return where_; }
  void bind(SqliteStatement& statement) const;

 private:
  PurgeKind kind_;
  std::string value_;
  std::optional<std::string> upper_;  // prefixes: the first key past the range
  int first_param_;
  std::string where_;
};

}  // namespace edgelab
