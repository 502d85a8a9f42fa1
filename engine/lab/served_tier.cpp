#include "lab/served_tier.hpp"

namespace edgelab {
namespace {

bool has_parameter(std::string_view member, std::string_view parameter) {
  std::size_t at = 0;
  while ((at = member.find(';', at)) != std::string_view::npos) {
    std::string_view rest = member.substr(at + 1);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    const auto end = rest.find(';');
    std::string_view item = rest.substr(0, end);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item == parameter) return true;
    ++at;
  }
  return false;
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
  const auto last = cache_status.rfind(',');
  std::string_view edge = last == std::string_view::npos ? cache_status : cache_status.substr(last + 1);
  std::string_view upstream = last == std::string_view::npos ? std::string_view() : cache_status.substr(0, last);
  if (has_parameter(edge, "hit")) return has_parameter(edge, "detail=L2") ? ServedTier::l2_hit : ServedTier::l1_hit;
  const auto previous = upstream.rfind(',');
  std::string_view shield = previous == std::string_view::npos ? upstream : upstream.substr(previous + 1);
  if (!shield.empty() && has_parameter(shield, "hit")) return ServedTier::shield_hit;
  return ServedTier::origin;
}

}  // namespace edgelab
