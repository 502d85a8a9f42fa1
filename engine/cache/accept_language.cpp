#include "cache/accept_language.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace edgelab {
namespace {

constexpr std::size_t kMaxRanges = 64;
constexpr std::size_t kMaxRangeLength = 64;

struct LanguageRange {
  std::string_view text;  // as sent; lower-cased when written
  int weight = 1000;      // q in thousandths
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool ieq(char a, char b) {
  return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
}

// language-range = (1*8ALPHA *("-" 1*8alphanum)) / "*" (RFC 4647 2.1)
bool valid_range(std::string_view r) {
  if (r == "*") return true;
  if (r.empty() || r.size() > kMaxRangeLength) return false;
  std::size_t run = 0;
  bool first = true;
  for (char c : r) {
    if (c == '-') {
      if (run == 0) return false;
      run = 0;
      first = false;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    if (!(first ? std::isalpha(u) : std::isalnum(u)) || ++run > 8) return false;
  }
  return run > 0;
}

// qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ), in thousandths.
bool parse_qvalue(std::string_view q, int& weight) {
  if (q.empty() || (q[0] != '0' && q[0] != '1')) return false;
  const bool one = q[0] == '1';
  int thousandths = one ? 1000 : 0;
  if (q.size() > 1) {
    if (q[1] != '.' || q.size() > 5) return false;
    int scale = 100;
    for (char c : q.substr(2)) {
      if (c < '0' || c > '9' || (one && c != '0')) return false;
      thousandths += (c - '0') * scale;
      scale /= 10;
    }
  }
  weight = thousandths;
  return true;
}

bool parse_member(std::string_view member, LanguageRange& range) {
  const std::size_t semi = member.find(';');
  range.text = trim(member.substr(0, semi));
  if (!valid_range(range.text)) return false;
  if (semi == std::string_view::npos) return true;
  const std::string_view param = trim(member.substr(semi + 1));
  // One parameter only, the weight: "q=0.5" with OWS around ';' (RFC 9110 12.4.2).
  if (param.size() < 2 || !ieq(param[0], 'q') || param[1] != '=') return false;
  return parse_qvalue(param.substr(2), range.weight);
}

bool same_range(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), ieq);
}

bool range_less(std::string_view a, std::string_view b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) < std::tolower(static_cast<unsigned char>(y));
  });
}

void append_weight(int weight, std::string& out) {
  if (weight == 1000) return;
  out.append(";q=0");
  if (weight == 0) return;
  out.push_back('.');
  for (int scale = 100; weight > 0; scale /= 10) {
    out.push_back(static_cast<char>('0' + weight / scale));
    weight %= scale;
  }
}

}  // namespace

bool append_canonical_accept_language(std::string_view value, std::string& out) {
  std::array<LanguageRange, kMaxRanges> ranges;
  std::size_t count = 0;
  while (!value.empty()) {
    const std::size_t comma = value.find(',');
    const std::string_view member = trim(value.substr(0, comma));
    value.remove_prefix(comma == std::string_view::npos ? value.size() : comma + 1);
    if (member.empty()) continue;  // "a,,b" and a trailing comma: empty list members are allowed
    LanguageRange range;
    if (!parse_member(member, range)) return false;
    const bool repeated = std::any_of(ranges.begin(), ranges.begin() + count,
                                      [&](const LanguageRange& seen) { return same_range(seen.text, range.text); });
    if (repeated) continue;
    if (count == kMaxRanges) return false;
    ranges[count++] = range;
  }
  std::sort(ranges.begin(), ranges.begin() + count, [](const LanguageRange& a, const LanguageRange& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    return range_less(a.text, b.text);
  });
  for (std::size_t i = 0; i < count; ++i) {
    if (i) out.push_back(',');
    for (char c : ranges[i].text) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    append_weight(ranges[i].weight, out);
  }
  return true;
}

}  // namespace edgelab
