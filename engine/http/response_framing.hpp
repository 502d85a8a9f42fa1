#pragma once
// Checks on an upstream response header beyond what Beast's parser enforces
// (RFC 9112 6.3, and the limits a proxy must keep on what an origin sends).
#include "http/http_types.hpp"
#include "http/protocol_error.hpp"

#include <boost/beast/http/parser.hpp>

namespace edgelab {

// For a final (non-1xx) response header that parsed: too many fields, or a
// Transfer-Encoding other than `chunked` alone (nginx refuses the same: a
// coding we would strip as hop-by-hop must not reach a client undecoded).
UpstreamFramingError check_response_framing(const http::response_header<>& header, std::size_t max_headers);

// Refines a header parse error with the fields Beast had accepted before it
// (the failing field is never inserted): Content-Length after
// Transfer-Encoding, or the reverse, is a smuggling signature of its own.
UpstreamFramingError classify_header_error(boost::system::error_code ec, const http::response_header<>& partial);

}  // namespace edgelab
