#include "tiers/disk_selection.hpp"

namespace edgelab {
namespace {

// The smallest string greater than every string starting with `prefix`, or
// nullopt when there is none (a prefix of 0xFF bytes, or the empty prefix).
std::optional<std::string> prefix_upper_bound(std::string prefix) {
  while (!prefix.empty()) {
    auto last = static_cast<unsigned char>(prefix.back());
    if (last < 0xFF) {
      prefix.back() = static_cast<char>(last + 1);
      return prefix;
    }
    prefix.pop_back();
  }
  return std::nullopt;
}

}  // namespace

DiskSelection::DiskSelection(PurgeKind kind, std::string value, int first_param)
    : kind_(kind), value_(std::move(value)), first_param_(first_param) {
  const std::string p1 = "?" + std::to_string(first_param), p2 = "?" + std::to_string(first_param + 1);
  switch (kind_) {
    case PurgeKind::url:
      where_ = "primary_key = " + p1;
      break;
    case PurgeKind::prefix:
      upper_ = prefix_upper_bound(value_);
      where_ = "primary_key >= " + p1 + (upper_ ? " AND primary_key < " + p2 : std::string());
      break;
    case PurgeKind::tag:
      where_ = "key IN (SELECT key FROM tags WHERE tag = " + p1 + ")";
      break;
    case PurgeKind::all:
      where_ = "1";
      break;
  }
}

void DiskSelection::bind(SqliteStatement& statement) const {
  if (kind_ == PurgeKind::all) return;
  statement.bind(first_param_, value_);
  if (upper_) statement.bind(first_param_ + 1, *upper_);
}

}  // namespace edgelab
