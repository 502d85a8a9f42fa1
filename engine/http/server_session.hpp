#pragma once
// One client connection: reads a request (idle timeout until the first byte,
// then a header timeout for the whole request), hands it to the handler as an
// HttpExchange, writes the answer, and loops while keep-alive holds.
//
// The same session runs over plain TCP (the data plane) and over TLS (the
// admin listener when configured): the TLS one shakes hands first, under the
// header timeout. Both are compiled once, in server_session.cpp.
#include "http/http_exchange.hpp"
#include "http/protocol_error.hpp"
#include "http/server_limits.hpp"

#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <list>
#include <optional>

namespace edgelab {

class HttpServer;

// What the server keeps of each connection, whatever its stream.
class ServerConnection {
 public:
  using Registry = std::list<std::weak_ptr<ServerConnection>>;
  virtual ~ServerConnection() = default;
  virtual void start(Registry::iterator registry_slot) = 0;
  // Called (from any thread) when the server shuts down.
  virtual void shutdown() = 0;
};

using TlsStream = beast::ssl_stream<beast::tcp_stream>;

template <class Stream>
class BasicServerSession : public HttpExchange,
                           public ServerConnection,
                           public std::enable_shared_from_this<BasicServerSession<Stream>> {
 public:
  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;
  // `tls` is the server's context for a TlsStream session, unused (null) otherwise.
  BasicServerSession(tcp::socket socket, std::shared_ptr<HttpServer> server, net::ssl::context* tls = nullptr);
  ~BasicServerSession() override;

  void start(Registry::iterator registry_slot) override;
  void shutdown() override;

  // HttpExchange
  const Request& request() const override { return request_; }
  const net::ip::address& remote_address() const override { return remote_; }
  bool keep_alive() const override { return request_.keep_alive(); }
  net::any_io_executor executor() const override { return executor_; }
  void respond(Response response) override;
  void respond_buffers(std::span<const net::const_buffer> buffers, bool keep_alive,
                       std::shared_ptr<const void> owner) override;
  void send_interim(std::shared_ptr<const std::string> bytes, std::function<void()> done) override;
  // The TCP stream, for relaying a body. Only the data plane relays, and it
  // is never TLS.
  beast::tcp_stream& stream() override { return beast::get_lowest_layer(stream_); }
  void finish(bool keep_alive) override;
  std::string& scratch(Scratch which) override { return scratch_[static_cast<std::size_t>(which)]; }

 private:
  void wait_for_request();
  void on_first_bytes(boost::system::error_code ec, std::size_t n);
  void read_request();
  void on_read(boost::system::error_code ec, std::size_t n);
  // Answers a refused request with its status and closes: what follows it on
  // the connection cannot be trusted to start a new message.
  void refuse(BadRequestKind kind, const std::string& detail);
  std::optional<BadRequestKind> check_request(const Request& request) const;
  std::size_t request_target_bytes() const;
  void send_error(http::status status, std::string_view message);
  void on_write(boost::system::error_code ec, bool keep_alive);
  void close();
  beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }
  std::shared_ptr<BasicServerSession> self() { return this->shared_from_this(); }

  Stream stream_;
  net::any_io_executor executor_;
  std::shared_ptr<HttpServer> server_;
  net::ip::address remote_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body, RequestAllocator>> parser_;
  Request request_;
  std::optional<Response> response_;
  std::shared_ptr<const void> write_owner_;
  std::array<net::const_buffer, 4> write_buffers_{};
  std::size_t write_buffer_count_ = 0;
  std::array<std::string, std::size_t(Scratch::count_)> scratch_;
  bool busy_ = false;  // a request is being handled (only touched on the strand)
  bool shutting_down_ = false;
  bool closed_ = false;
  bool registered_ = false;
  Registry::iterator registry_slot_;
};

using ServerSession = BasicServerSession<beast::tcp_stream>;
using TlsServerSession = BasicServerSession<TlsStream>;

}  // namespace edgelab
