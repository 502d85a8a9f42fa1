#include "http/response_framing.hpp"

#include "http/transfer_codings.hpp"

namespace edgelab {

UpstreamFramingError check_response_framing(const http::response_header<>& header, std::size_t max_headers) {
  std::size_t fields = 0;
  TransferCodings codings;
  for (const auto& field : header) {
    if (++fields > max_headers) return UpstreamFramingError::too_many_headers;
    if (field.name() == http::field::transfer_encoding) codings.add_field(field.value());
  }
  if (!codings.present) return UpstreamFramingError::none;
  if (!codings.chunked_alone()) return UpstreamFramingError::bad_transfer_encoding;
  // RFC 9112 6.1: Transfer-Encoding in an HTTP/1.0 message is faulty framing.
  if (header.version() < 11) return UpstreamFramingError::bad_transfer_encoding;
  return UpstreamFramingError::none;
}

UpstreamFramingError classify_header_error(boost::system::error_code ec, const http::response_header<>& partial) {
  const UpstreamFramingError kind = upstream_framing_error(ec);
  const bool has_te = partial.find(http::field::transfer_encoding) != partial.end();
  const bool has_cl = partial.find(http::field::content_length) != partial.end();
  if (kind == UpstreamFramingError::bad_content_length && has_te)
    return UpstreamFramingError::content_length_and_transfer_encoding;
  if (kind == UpstreamFramingError::bad_transfer_encoding && has_cl)
    return UpstreamFramingError::content_length_and_transfer_encoding;
  return kind;
}

}  // namespace edgelab
