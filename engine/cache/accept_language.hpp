#pragma once
// Accept-Language in one canonical spelling, so that requests asking for the
// same languages share a Vary variant (RFC 9110 12.5.4): "en-US,de;q=0.5",
// "de;Q=0.500 , en-US" and "EN-us;q=1.0, de;q=0.5, en-us" all become
// "en-us,de;q=0.5".
#include <string>
#include <string_view>

namespace edgelab {

// Appends the canonical form of `value` (every Accept-Language line of the
// request, joined by commas) to `out`: language ranges lower-cased (they are
// case-insensitive), whitespace and empty members dropped, q-values written
// as the shortest decimal and q=1 left out, ranges by descending weight, with
// equal weights in alphabetical order (RFC 9110 gives them no order), a range
// repeated keeping its first weight. Returns false and appends nothing when
// the value is not a valid Accept-Language (a bad range, a bad or unknown
// parameter, more than 64 members): the caller keeps such a value as it is.
bool append_canonical_accept_language(std::string_view value, std::string& out);

}  // namespace edgelab
