#pragma once
// A small blocking HTTP/1.1 client for tools, tests and the lab driver (never
// for io_context threads): one keep-alive connection, driven by a private
// io_context with a deadline on every call.
#include "core/node_config.hpp"
#include "http/http_types.hpp"

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/system/result.hpp>

#include <chrono>
#include <memory>
#include <optional>

namespace edgelab {

class BlockingClient {
 public:
  explicit BlockingClient(Endpoint server, std::chrono::milliseconds timeout = std::chrono::seconds(10));
  ~BlockingClient();

  boost::system::result<Response> request(Request request);
  boost::system::result<Response> get(
      std::string_view target, std::initializer_list<std::pair<std::string_view, std::string_view>> headers = {});
  void close();

 private:
  boost::system::error_code ensure_connected();
  boost::system::error_code run(std::chrono::milliseconds timeout);

  Endpoint server_;
  std::chrono::milliseconds timeout_;
  net::io_context ioc_;
  std::optional<beast::tcp_stream> stream_;
  beast::flat_buffer buffer_;
};

}  // namespace edgelab
