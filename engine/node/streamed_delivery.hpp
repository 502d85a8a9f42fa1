#pragma once
// Sends one client a response whose body is still arriving (a coalesced miss):
// the header first, then each newly published range of the shared body. If the
// fetch fails midway, the connection is closed so the client sees a truncated
// response, never a wrong one.
#include "cache/streaming_body.hpp"
#include "http/http_exchange.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace edgelab {

class StreamedDelivery : public std::enable_shared_from_this<StreamedDelivery> {
 public:
  using DoneHandler = std::function<void(bool ok, std::uint64_t body_bytes)>;

  // Sends the body's bytes [first, end) (a Range answer's part), or all of it.
  struct Window {
    std::size_t first = 0;
    std::size_t end = SIZE_MAX;
  };
  StreamedDelivery(HttpExchangePtr client, std::shared_ptr<StreamingBody> body, std::string head, bool keep_alive,
                   std::chrono::milliseconds send_timeout, DoneHandler done, Window window);
  StreamedDelivery(HttpExchangePtr client, std::shared_ptr<StreamingBody> body, std::string head, bool keep_alive,
                   std::chrono::milliseconds send_timeout, DoneHandler done)
      : StreamedDelivery(std::move(client), std::move(body), std::move(head), keep_alive, send_timeout, std::move(done),
                         Window{}) {}
  void start();

 private:
  void pump();
  void end(bool ok);

  HttpExchangePtr client_;
  std::shared_ptr<StreamingBody> body_;
  std::string head_;
  bool keep_alive_;
  std::chrono::milliseconds send_timeout_;
  DoneHandler done_;
  static constexpr std::size_t kChunk = 16 * 1024;  // the least a body write carries, but for the end or a flush
  bool flushed_ = false;
  std::size_t sent_ = 0;  // the body's bytes up to here are sent (or skipped, before the window)
  std::size_t first_ = 0;
  std::size_t end_ = SIZE_MAX;
};

}  // namespace edgelab
