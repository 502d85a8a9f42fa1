#pragma once
// Structured Field dictionaries (RFC 8941 3.2, parsed as 4.2 says): the form
// of CDN-Cache-Control (RFC 9213) and of the targeted cache fields after it.
// A value that is not a valid dictionary is nullopt as a whole: a recipient
// ignores such a field entirely, it does not salvage members.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace edgelab {

struct StructuredItem {
  enum class Type { integer, decimal, string, token, byte_sequence, boolean, inner_list };
  Type type = Type::boolean;
  std::int64_t integer = 0;
  double decimal = 0;
  std::string text;  // string and token values, byte sequences still in base64
  bool boolean = true;
};

using StructuredDictionary = std::vector<std::pair<std::string, StructuredItem>>;

// Parameters are checked and dropped; a repeated key keeps its last value in
// the first one's place (RFC 8941 4.2.2).
std::optional<StructuredDictionary> parse_structured_dictionary(std::string_view value);

}  // namespace edgelab
