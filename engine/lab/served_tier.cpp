#include "lab/served_tier.hpp"

#include "http/structured_field.hpp"

namespace edgelab {
namespace {

bool is_hit(const StructuredItem& member) {
  const StructuredBareItem* hit = member.parameter("hit");
  return hit && hit->type == StructuredBareItem::Type::boolean && hit->boolean;
}

bool detail_is(const StructuredItem& member, std::string_view value) {
  const StructuredBareItem* detail = member.parameter("detail");
  return detail &&
         (detail->type == StructuredBareItem::Type::token || detail->type == StructuredBareItem::Type::string) &&
         detail->text == value;
}

}  // namespace
std::string_view to_string(ServedTier tier) {
  switch (tier) {
    case ServedTier::l1_hit: return "l1_hit";
    case ServedTier::l2_hit: return "l2_hit";
    case ServedTier::shield_hit: return "shield_hit";
    case ServedTier::origin: return "origin";
    case ServedTier::error: return "error";
  }
  return "?";
}

ServedTier served_tier(std::string_view cache_status, unsigned status) {
  if (status == 0 || status >= 500) return ServedTier::error;
  // Read as RFC 9211 defines it, a Structured Field List; one that does not
  // parse says nothing about a hit (RFC 8941: ignore the whole field).
  const auto members = parse_structured_list(cache_status);
  if (!members || members->empty()) return ServedTier::origin;
  const StructuredItem& edge = members->back();
  if (is_hit(edge)) return detail_is(edge, "L2") ? ServedTier::l2_hit : ServedTier::l1_hit;
  if (members->size() >= 2 && is_hit((*members)[members->size() - 2])) return ServedTier::shield_hit;
  return ServedTier::origin;
}

}  // namespace edgelab
