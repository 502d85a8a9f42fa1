#pragma once
// One request sent upstream whose response header has arrived. The body is
// then either read whole (for storing) or relayed to a client as it streams.
// When the exchange ends with the message complete and keep-alive, its
// connection goes back to the pool.
#include "http/http_exchange.hpp"
#include "http/upstream_connection.hpp"

#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/serializer.hpp>

#include <array>
#include <functional>
#include <memory>
#include <optional>

namespace edgelab {

class UpstreamPool;

class UpstreamExchange : public std::enable_shared_from_this<UpstreamExchange> {
 public:
  // How much a body read may take from the socket at once.
  static constexpr std::size_t kBodyReadRoom = 64 * 1024;
  using BodyHandler = std::function<void(boost::system::error_code, Response)>;
  // `client_answered` is false when the relay failed before writing anything
  // to the client: the caller must then answer it (a 502) itself.
  using RelayHandler = std::function<void(boost::system::error_code, std::uint64_t body_bytes, bool client_answered)>;
  using HeaderEditor = std::function<void(http::response_header<>&)>;

  UpstreamExchange(std::shared_ptr<UpstreamPool> pool, std::unique_ptr<UpstreamConnection> connection,
                   std::unique_ptr<http::response_parser<http::empty_body>> parser);
  ~UpstreamExchange();

  const http::response_header<>& header() const { return header_parser_->get(); }
  // For an edge script's edits before the body is read: never the framing
  // fields (HeaderOverlay refuses them), which the parser has already used.
  http::response_header<>& mutable_header() { return header_parser_->get(); }
  // The body length the header announces, if any.
  std::optional<std::uint64_t> content_length() const {
    auto length = header_parser_->content_length();
    return length ? std::optional<std::uint64_t>(*length) : std::nullopt;
  }

  // Reads the whole body, failing with http::error::body_limit past `limit`.
  void read_body(std::uint64_t limit, BodyHandler done);
  // Reads a body of known length into `dest` (sized to it), reporting each
  // step's total so far; `done` gets the final status.
  using ProgressHandler = std::function<void(std::size_t received)>;
  using DoneHandler = std::function<void(boost::system::error_code)>;
  void read_into(char* dest, std::size_t size, ProgressHandler progress, DoneHandler done);
  // Streams the response to the client; `edit` adjusts the header first.
  // `tap`, when set, sees every body chunk as it passes (to keep a copy).
  using BodyTap = std::function<void(std::string_view chunk)>;
  void relay(HttpExchangePtr client, HeaderEditor edit, RelayHandler done, BodyTap tap = {});

 private:
  void read_into_step();
  void relay_read();
  void relay_write();
  void relay_done(boost::system::error_code ec);
  // Counts a framing error (a bad chunk, a short body) and keeps the
  // connection out of the pool.
  void body_failed(boost::system::error_code ec);
  // True (and counted) when bytes follow the end of the message.
  bool check_trailing();

  std::shared_ptr<UpstreamPool> pool_;
  std::unique_ptr<UpstreamConnection> connection_;
  std::unique_ptr<http::response_parser<http::empty_body>> header_parser_;
  std::optional<http::response_parser<http::string_body>> body_parser_;
  std::optional<http::response_parser<http::buffer_body>> relay_parser_;
  std::optional<http::response_serializer<http::buffer_body>> relay_serializer_;
  char* dest_ = nullptr;
  std::size_t dest_size_ = 0;
  std::size_t received_ = 0;
  ProgressHandler progress_;
  DoneHandler read_done_;
  HttpExchangePtr client_;
  RelayHandler relay_handler_;
  BodyTap tap_;
  std::array<char, 16 * 1024> relay_buffer_{};
  std::uint64_t relayed_ = 0;
  bool reusable_ = false;
  bool client_written_ = false;
  bool trailing_ = false;
};

using UpstreamExchangePtr = std::shared_ptr<UpstreamExchange>;

}  // namespace edgelab
