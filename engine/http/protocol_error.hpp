#pragma once
// The ways an HTTP message can be refused for its framing, on either side of a
// node, each with a stable name for /metrics (`kind="..."`) and the event
// stream. Upstream framing errors are also error codes, so the request path
// can answer 502 with a message that names what the origin got wrong.
#include <boost/system/error_code.hpp>

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace edgelab {

#define EDGELAB_UPSTREAM_FRAMING_ERRORS(X)                                                           \
  X(bad_status_line, "upstream sent a malformed status line")                                        \
  X(bad_header, "upstream sent a malformed header field (NUL, bare CR, bad name or value)")          \
  X(header_too_large, "upstream response header exceeds the header byte limit")                      \
  X(too_many_headers, "upstream response has more header fields than limits.upstream_max_headers")   \
  X(bad_content_length, "upstream sent an invalid Content-Length")                                   \
  X(multiple_content_length, "upstream sent two different Content-Length values")                    \
  X(content_length_and_transfer_encoding, "upstream sent both Content-Length and Transfer-Encoding") \
  X(bad_transfer_encoding, "upstream sent a Transfer-Encoding other than chunked alone")             \
  X(bad_chunk, "upstream sent an invalid chunk")                                                     \
  X(short_body, "upstream closed the connection before the end of the body")                         \
  X(switching_protocols, "upstream answered 101 Switching Protocols to a proxied request")           \
  X(too_many_interim, "upstream sent too many 1xx interim responses")                                \
  X(trailing_bytes, "upstream sent bytes after the end of a response")                               \
  X(idle_data, "upstream sent bytes on an idle pooled connection")

enum class UpstreamFramingError : int {
  none = 0,
#define EDGELAB_ENUM_ENTRY(name, text) name,
  EDGELAB_UPSTREAM_FRAMING_ERRORS(EDGELAB_ENUM_ENTRY)
#undef EDGELAB_ENUM_ENTRY
      count_
};

#define EDGELAB_BAD_REQUEST_KINDS(X)                                              \
  X(malformed, "malformed request")                                               \
  X(header_too_large, "request header too large")                                 \
  X(too_many_headers, "too many request header fields")                           \
  X(uri_too_long, "request target too long")                                      \
  X(bad_transfer_encoding, "Transfer-Encoding whose final coding is not chunked") \
  X(unsupported_transfer_encoding, "Transfer-Encoding other than chunked alone")  \
  X(bad_content_length, "invalid or conflicting Content-Length")                  \
  X(body_too_large, "request body too large")                                     \
  X(aborted, "connection reset or aborted in the middle of a request")

enum class BadRequestKind : int {
#define EDGELAB_ENUM_ENTRY(name, text) name,
  EDGELAB_BAD_REQUEST_KINDS(EDGELAB_ENUM_ENTRY)
#undef EDGELAB_ENUM_ENTRY
      count_
};

std::string_view kind_name(UpstreamFramingError e);
std::string_view kind_name(BadRequestKind k);
std::string_view kind_text(BadRequestKind k);  // a sentence for logs and events

const boost::system::error_category& upstream_framing_category();
inline boost::system::error_code make_error_code(UpstreamFramingError e) {
  return {static_cast<int>(e), upstream_framing_category()};
}

// The framing error an upstream read failed with: ours, or one of Beast's
// parse errors classified; `none` for transport errors (timeouts, resets).
UpstreamFramingError upstream_framing_error(boost::system::error_code ec);
// What to tell a client about a failed upstream exchange: the framing rule the
// upstream broke when it is one, else the transport error.
std::string upstream_error_message(boost::system::error_code ec);
// The same for a request Beast refused to parse; malformed when unclassified.
BadRequestKind bad_request_kind(boost::system::error_code ec);

// One counter per kind, for `{kind="..."}` series.
template <class Kind>
class KindCounters {
 public:
  static constexpr std::size_t kSize = static_cast<std::size_t>(Kind::count_);
  void add(Kind k) { counts_[static_cast<std::size_t>(k)].fetch_add(1, std::memory_order_relaxed); }
  std::uint64_t get(Kind k) const { return counts_[static_cast<std::size_t>(k)].load(std::memory_order_relaxed); }
  std::uint64_t total() const {
    std::uint64_t sum = 0;
    for (const auto& c : counts_) sum += c.load(std::memory_order_relaxed);
    return sum;
  }

 private:
  std::array<std::atomic<std::uint64_t>, kSize> counts_{};
};

}  // namespace edgelab

template <>
struct boost::system::is_error_code_enum<edgelab::UpstreamFramingError> : std::true_type {};
