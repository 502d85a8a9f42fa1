#pragma once
// Which tier served a lab request, read from its Cache-Status (RFC 9211): the
// edge's member comes last, the shield's (stored with the object) before it.
//   edge "hit; detail=L1"        -> l1_hit
//   edge "hit; detail=L2"        -> l2_hit
//   shield "hit"                 -> shield_hit
//   otherwise                    -> origin: a miss all the way, uncacheable, or
//                                   collapsed onto another request's origin fetch
//                                   (it waited for the origin all the same)
// A 5xx or a failed exchange is an error, whatever the header says.
#include <cstdint>
#include <string_view>

namespace edgelab {

enum class ServedTier : std::uint8_t { l1_hit, l2_hit, shield_hit, origin, error };
inline constexpr int kServedTiers = 5;
std::string_view to_string(ServedTier tier);
// `status` 0 means the exchange failed (no response).
ServedTier served_tier(std::string_view cache_status, unsigned status);

}  // namespace edgelab
