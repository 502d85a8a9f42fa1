#pragma once
// Structured Field dictionaries and lists (RFC 8941 3.1, 3.2, parsed as 4.2
// says): the form of CDN-Cache-Control (RFC 9213) and of Cache-Status (RFC
// 9211). A value that is not valid is nullopt as a whole: a recipient ignores
// such a field entirely, it does not salvage members.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace edgelab {

struct StructuredBareItem {
  enum class Type { integer, decimal, string, token, byte_sequence, boolean, inner_list };
  Type type = Type::boolean;
  std::int64_t integer = 0;
  double decimal = 0;
  std::string text;  // string and token values, byte sequences still in base64
  bool boolean = true;
};

using StructuredParameters = std::vector<std::pair<std::string, StructuredBareItem>>;

// An item with its parameters (an inner list's members are checked and dropped).
struct StructuredItem : StructuredBareItem {
  StructuredParameters parameters;
  // The parameter's value, or nullptr.
  const StructuredBareItem* parameter(std::string_view key) const;
};

using StructuredDictionary = std::vector<std::pair<std::string, StructuredItem>>;
using StructuredList = std::vector<StructuredItem>;

// A repeated key (of a member or a parameter) keeps its last value in the
// first one's place (RFC 8941 4.2.2, 4.2.3.2).
std::optional<StructuredDictionary> parse_structured_dictionary(std::string_view value);
// A List (RFC 8941 3.1), the form of Cache-Status (RFC 9211).
std::optional<StructuredList> parse_structured_list(std::string_view value);

}  // namespace edgelab
