#pragma once
// Whether a connection is provably at a message boundary: nothing buffered,
// nothing readable, not closed by the peer. Asked (without blocking) before a
// connection goes back to the pool and again before a pooled one is reused.
#include "http/http_types.hpp"

namespace edgelab {

enum class SocketState { quiet, readable, closed };

// A non-blocking one-byte MSG_PEEK: readable when bytes wait, closed on EOF
// or an error, quiet when a read would block.
SocketState peek_socket(tcp::socket& socket);

}  // namespace edgelab
