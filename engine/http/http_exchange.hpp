#pragma once
// One request on a server connection and the ways to answer it. Exactly one of
// respond(), respond_buffers() or take_stream()+finish() must be called, from
// any thread; the connection reads its next request only after that.
#include "http/http_types.hpp"

#include <functional>
#include <memory>
#include <span>
#include <string>

namespace edgelab {

class HttpExchange {
 public:
  virtual ~HttpExchange() = default;

  virtual const Request& request() const = 0;
  virtual const net::ip::address& remote_address() const = 0;
  virtual bool keep_alive() const = 0;
  // The executor of the connection (a strand): handlers that touch the
  // exchange's stream run there.
  virtual net::any_io_executor executor() const = 0;

  // Serializes a complete response with Beast.
  virtual void respond(Response response) = 0;
  // Writes pre-serialized bytes (header + body) with one gather write. `owner`
  // keeps the memory behind `buffers` alive until the write has finished.
  virtual void respond_buffers(std::span<const net::const_buffer> buffers, bool keep_alive,
                               std::shared_ptr<const void> owner) = 0;
  // Writes an interim (1xx) response ahead of the final one. `done` runs once
  // it is written or has failed; the final answer is given after it either way.
  virtual void send_interim(std::shared_ptr<const std::string> bytes, std::function<void()> done) = 0;
  // For relaying a streamed body: the caller writes to the stream itself (on
  // executor()) and then calls finish().
  virtual beast::tcp_stream& stream() = 0;
  virtual void finish(bool keep_alive) = 0;

  // Per-connection scratch buffers that keep their capacity across requests,
  // so the hit path builds keys and formats headers without allocating.
  enum class Scratch { head_tail, primary_key, variant_key, edited_head, count_ };
  virtual std::string& scratch(Scratch which) = 0;
};

using HttpExchangePtr = std::shared_ptr<HttpExchange>;
using RequestHandler = std::function<void(HttpExchangePtr)>;

}  // namespace edgelab
