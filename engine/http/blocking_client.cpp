#include "http/blocking_client.hpp"

#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

namespace edgelab {

BlockingClient::BlockingClient(Endpoint server, std::chrono::milliseconds timeout)
    : server_(std::move(server)), timeout_(timeout) {}

BlockingClient::~BlockingClient() { close(); }

void BlockingClient::close() {
  if (!stream_) return;
  boost::system::error_code ec;
  stream_->socket().shutdown(tcp::socket::shutdown_both, ec);
  stream_.reset();
  buffer_.clear();
}

boost::system::error_code BlockingClient::run(std::chrono::milliseconds timeout) {
  ioc_.restart();
  ioc_.run_for(timeout + std::chrono::milliseconds(500));
  if (!ioc_.stopped()) {
    close();
    ioc_.run_for(std::chrono::milliseconds(100));
    return beast::error::timeout;
  }
  return {};
}

boost::system::error_code BlockingClient::ensure_connected() {
  if (stream_) return {};
  boost::system::error_code ec;
  auto address = net::ip::make_address(server_.host == "localhost" ? "127.0.0.1" : server_.host, ec);
  if (ec) return ec;
  stream_.emplace(ioc_);
  stream_->expires_after(timeout_);
  boost::system::error_code result = net::error::would_block;
  stream_->async_connect(tcp::endpoint(address, server_.port), [&result](boost::system::error_code e) { result = e; });
  if (auto rec = run(timeout_)) return rec;
  if (result) stream_.reset();
  return result;
}

boost::system::result<Response> BlockingClient::request(Request req) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    const bool fresh = !stream_;
    if (auto ec = ensure_connected()) return ec;
    if (req.find(http::field::host) == req.end()) req.set(http::field::host, server_.to_string());
    req.prepare_payload();
    boost::system::error_code result = net::error::would_block;
    Response response;
    http::response_parser<http::string_body> parser;
    parser.body_limit(1ull << 30);
    if (req.method() == http::verb::head) parser.skip(true);
    stream_->expires_after(timeout_);
    http::async_write(*stream_, req, [&](boost::system::error_code ec, std::size_t) {
      if (ec) {
        result = ec;
        return;
      }
      http::async_read(*stream_, buffer_, parser, [&](boost::system::error_code rec, std::size_t) { result = rec; });
    });
    if (auto ec = run(timeout_)) return ec;
    if (result) {
      close();
      // A kept-alive connection the server closed meanwhile: once more, fresh.
      if (!fresh && (result == http::error::end_of_stream || result == net::error::connection_reset ||
                     result == net::error::broken_pipe || result == net::error::eof))
        continue;
      return result;
    }
    response = parser.release();
    if (!response.keep_alive()) close();
    return response;
  }
  return net::error::connection_reset;
}

boost::system::result<Response> BlockingClient::get(
    std::string_view target, std::initializer_list<std::pair<std::string_view, std::string_view>> headers) {
  Request req{http::verb::get, target, 11};
  for (const auto& [name, value] : headers) req.set(name, value);
  req.keep_alive(true);
  return request(std::move(req));
}

}  // namespace edgelab
