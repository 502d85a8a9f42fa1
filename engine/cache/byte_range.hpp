#pragma once
// Range requests on a stored representation (RFC 9110 14): the Range field
// read against the representation's length, and If-Range against its
// validators. One range is answered 206; several are answered with the whole
// 200 (RFC 9110 14.2 lets a server ignore Range; multipart/byteranges is rare
// from players and costs a copy); a field that does not parse is ignored too.
#include "http/http_types.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace edgelab {

struct CachedObject;

struct ByteRange {
  enum class Kind {
    whole,          // no Range, an unparsable one, several ranges, or If-Range said no: the 200
    single,         // [first, last] inclusive: a 206
    unsatisfiable,  // no range overlaps the representation: a 416
  };
  Kind kind = Kind::whole;
  std::uint64_t first = 0;
  std::uint64_t last = 0;
  std::uint64_t length() const { return last - first + 1; }
};

// The Range field's value (without If-Range) against a representation of `length` bytes.
ByteRange parse_byte_range(std::string_view value, std::uint64_t length);

// What a GET for `object` asks of its bytes, If-Range included.
ByteRange requested_range(const RequestFields& request, const CachedObject& object, std::uint64_t length);

// A stored header block (status line, fields, "Content-Length: N\r\n" last)
// turned into the 206's or 416's: the status line, then Content-Range and the
// part's Content-Length in place of the whole one.
std::string partial_header_block(std::string_view block, const ByteRange& range, std::uint64_t length);

}  // namespace edgelab
