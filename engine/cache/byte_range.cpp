#include "cache/byte_range.hpp"

#include "cache/cache_directives.hpp"
#include "cache/cached_object.hpp"
#include "cache/http_date.hpp"

#include <charconv>
#include <optional>

namespace edgelab {
namespace {

std::string_view trim(std::string_view s) { return trim_ows(s); }

// 1*DIGIT, nothing else; nullopt also on overflow.
std::optional<std::uint64_t> digits(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

}  // namespace

ByteRange parse_byte_range(std::string_view value, std::uint64_t length) {
  value = trim(value);
  // The unit is case-insensitive (RFC 9110 14.1).
  if (value.size() < 6 || !beast::iequals(value.substr(0, 6), "bytes=")) return {};
  std::string_view set = value.substr(6);
  ByteRange chosen;
  int satisfiable = 0;
  int specs = 0;
  while (!set.empty()) {
    const std::size_t comma = set.find(',');
    const std::string_view spec = trim(set.substr(0, comma));
    set = comma == std::string_view::npos ? std::string_view() : set.substr(comma + 1);
    if (spec.empty()) continue;  // empty list elements are allowed (RFC 9110 5.6.1)
    if (++specs > 64) return {};  // a request that lists more is not worth parsing
    const std::size_t dash = spec.find('-');
    if (dash == std::string_view::npos) return {};
    const auto first = digits(spec.substr(0, dash));
    const auto last = digits(spec.substr(dash + 1));
    ByteRange r{ByteRange::Kind::single};
    if (!first) {
      // suffix-range: the last N bytes.
      if (dash != 0 || !last) return {};
      if (*last == 0 || length == 0) continue;
      r.first = *last >= length ? 0 : length - *last;
      r.last = length - 1;
    } else {
      if (dash + 1 < spec.size() && !last) return {};
      if (last && *last < *first) return {};  // invalid: the whole field is ignored
      if (*first >= length) continue;         // unsatisfiable alone
      r.first = *first;
      r.last = last && *last < length ? *last : length - 1;
    }
    if (++satisfiable == 1) chosen = r;
  }
  if (specs == 0) return {};
  if (satisfiable == 0) return {ByteRange::Kind::unsatisfiable};
  if (satisfiable > 1) return {};  // several: the whole representation
  return chosen;
}

ByteRange requested_range(const RequestFields& request, const CachedObject& object, std::uint64_t length) {
  const auto range = request.find(http::field::range);
  if (range == request.end()) return {};
  if (const auto if_range = request.find(http::field::if_range); if_range != request.end()) {
    // RFC 9110 13.1.5: a strong ETag that matches, or the exact Last-Modified date.
    const std::string_view validator = trim(if_range->value());
    if (!validator.empty() && validator.front() == '"') {
      if (object.etag.empty() || object.etag.substr(0, 2) == "W/" || validator != object.etag) return {};
    } else if (validator.substr(0, 2) == "W/") {
      return {};
    } else {
      const auto date = parse_http_date(validator);
      const auto modified = parse_http_date(object.last_modified);
      if (!date || !modified || *date != *modified) return {};
    }
  }
  return parse_byte_range(range->value(), length);
}

std::string partial_header_block(std::string_view block, const ByteRange& range, std::uint64_t length) {
  std::string out;
  const std::size_t status_end = block.find("\r\n");
  const std::size_t length_line = block.rfind("\r\nContent-Length: ");
  if (status_end == std::string_view::npos || length_line == std::string_view::npos) return out;
  out.reserve(block.size() + 64);
  const bool partial = range.kind == ByteRange::Kind::single;
  out += partial ? "HTTP/1.1 206 Partial Content" : "HTTP/1.1 416 Range Not Satisfiable";
  out += block.substr(status_end, length_line - status_end + 2);  // the fields, each with its CRLF
  out += "Content-Range: bytes ";
  if (partial) {
    out += std::to_string(range.first);
    out += '-';
    out += std::to_string(range.last);
  } else {
    out += '*';
  }
  out += '/';
  out += std::to_string(length);
  out += "\r\nContent-Length: ";
  out += std::to_string(partial ? range.length() : 0);
  out += "\r\n";
  return out;
}

}  // namespace edgelab
