#include "http/protocol_error.hpp"

#include <boost/beast/http/error.hpp>

#include <string>

namespace edgelab {
namespace http = boost::beast::http;

std::string_view kind_name(UpstreamFramingError e) {
  switch (e) {
#define EDGELAB_NAME_CASE(name, text) \
  case UpstreamFramingError::name:    \
    return #name;
    EDGELAB_UPSTREAM_FRAMING_ERRORS(EDGELAB_NAME_CASE)
#undef EDGELAB_NAME_CASE
    default:
      return "none";
  }
}

std::string_view kind_name(BadRequestKind k) {
  switch (k) {
#define EDGELAB_NAME_CASE(name, text) \
  case BadRequestKind::name:          \
    return #name;
    EDGELAB_BAD_REQUEST_KINDS(EDGELAB_NAME_CASE)
#undef EDGELAB_NAME_CASE
    default:
      return "malformed";
  }
}

std::string_view kind_text(BadRequestKind k) {
  switch (k) {
#define EDGELAB_TEXT_CASE(name, text) \
  case BadRequestKind::name:          \
    return text;
    EDGELAB_BAD_REQUEST_KINDS(EDGELAB_TEXT_CASE)
#undef EDGELAB_TEXT_CASE
    default:
      return "malformed request";
  }
}

namespace {

// Boost's error_category has a protected non-virtual destructor by design
// (categories are static singletons, never deleted through the base).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"
class UpstreamFramingCategory final : public boost::system::error_category {
 public:
  const char* name() const noexcept override { return "edgelab.upstream_framing"; }
  std::string message(int value) const override {
    switch (static_cast<UpstreamFramingError>(value)) {
#define EDGELAB_TEXT_CASE(name, text) \
  case UpstreamFramingError::name:    \
    return text;
      EDGELAB_UPSTREAM_FRAMING_ERRORS(EDGELAB_TEXT_CASE)
#undef EDGELAB_TEXT_CASE
      default:
        return "upstream framing error";
    }
  }
};
#pragma GCC diagnostic pop

}  // namespace

const boost::system::error_category& upstream_framing_category() {
  static const UpstreamFramingCategory category;
  return category;
}

UpstreamFramingError upstream_framing_error(boost::system::error_code ec) {
  if (ec.category() == upstream_framing_category()) return static_cast<UpstreamFramingError>(ec.value());
  if (ec.category() != http::make_error_code(http::error::bad_chunk).category()) return UpstreamFramingError::none;
  switch (static_cast<http::error>(ec.value())) {
    case http::error::bad_version:
    case http::error::bad_status:
    case http::error::bad_reason:
      return UpstreamFramingError::bad_status_line;
    case http::error::bad_line_ending:
    case http::error::bad_field:
    case http::error::bad_value:
    case http::error::bad_obs_fold:
      return UpstreamFramingError::bad_header;
    case http::error::header_limit:
      return UpstreamFramingError::header_too_large;
    case http::error::bad_content_length:
      return UpstreamFramingError::bad_content_length;
    case http::error::multiple_content_length:
      return UpstreamFramingError::multiple_content_length;
    case http::error::bad_transfer_encoding:
      return UpstreamFramingError::bad_transfer_encoding;
    case http::error::bad_chunk:
    case http::error::bad_chunk_extension:
      return UpstreamFramingError::bad_chunk;
    case http::error::partial_message:
      return UpstreamFramingError::short_body;
    default:
      return UpstreamFramingError::none;
  }
}

std::string upstream_error_message(boost::system::error_code ec) {
  const auto kind = upstream_framing_error(ec);
  return kind == UpstreamFramingError::none ? ec.message() : make_error_code(kind).message();
}

BadRequestKind bad_request_kind(boost::system::error_code ec) {
  if (ec == http::error::header_limit) return BadRequestKind::header_too_large;
  if (ec == http::error::body_limit) return BadRequestKind::body_too_large;
  if (ec == http::error::bad_content_length || ec == http::error::multiple_content_length)
    return BadRequestKind::bad_content_length;
  if (ec == http::error::bad_transfer_encoding) return BadRequestKind::bad_transfer_encoding;
  return BadRequestKind::malformed;
}

}  // namespace edgelab
