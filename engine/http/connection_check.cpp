#include "http/connection_check.hpp"

#include <sys/socket.h>
#include <cerrno>

namespace edgelab {

SocketState peek_socket(tcp::socket& socket) {
  if (!socket.is_open()) return SocketState::closed;
  char byte = 0;
  for (;;) {
    const ssize_t n = ::recv(socket.native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    if (n > 0) return SocketState::readable;
    if (n == 0) return SocketState::closed;
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return SocketState::quiet;
    return SocketState::closed;
  }
}

}  // namespace edgelab
