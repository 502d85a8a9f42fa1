#include "support/raw_http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>

#include <array>
#include <functional>
#include <optional>

namespace edgelab::test {

RawAnswer raw_request(std::uint16_t port, const std::string& request, std::chrono::milliseconds timeout) {
  RawAnswer answer;
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  beast::flat_buffer buffer;
  std::optional<http::response_parser<http::string_body>> parser;
  const bool head = request.rfind("HEAD ", 0) == 0;
  std::function<void()> read_one = [&] {
    parser.emplace();
    parser->body_limit(64 << 20);
    if (head) parser->skip(true);
    http::async_read(stream, buffer, *parser, [&](boost::system::error_code ec, std::size_t) {
      if (ec) {
        if (parser->is_header_done()) {
          answer.status = parser->get().result_int();
          answer.header = parser->get().base();
          answer.body = parser->get().body();
        }
        answer.error = ec.message();
        return;
      }
      const unsigned status = parser->get().result_int();
      if (status / 100 == 1) {
        answer.interim.push_back(status);
        answer.interim_links.emplace_back(parser->get()[http::field::link]);
        return read_one();
      }
      answer.status = status;
      answer.header = parser->get().base();
      answer.chunked = parser->get().chunked();
      answer.body = parser->release().body();
      answer.complete = true;
    });
  };
  stream.expires_after(timeout);
  stream.async_connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port), [&](boost::system::error_code ec) {
    if (ec) {
      answer.error = ec.message();
      return;
    }
    net::async_write(stream, net::buffer(request), [&](boost::system::error_code wec, std::size_t) {
      if (wec) {
        answer.error = wec.message();
        return;
      }
      read_one();
    });
  });
  ioc.run_for(timeout + std::chrono::milliseconds(500));
  if (!answer.complete && answer.error.empty()) answer.error = "no answer in time";
  return answer;
}

std::string raw_until_close(std::uint16_t port, const std::string& request, std::chrono::milliseconds timeout) {
  net::io_context ioc;
  tcp::socket socket(ioc);
  boost::system::error_code ec;
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port), ec);
  if (ec) return {};
  net::write(socket, net::buffer(request), ec);
  std::string received;
  std::array<char, 4096> buf{};
  std::function<void()> read_more = [&] {
    socket.async_read_some(net::buffer(buf), [&](boost::system::error_code rec, std::size_t n) {
      received.append(buf.data(), n);
      if (!rec) read_more();
    });
  };
  read_more();
  ioc.run_for(timeout);
  return received;
}

RawAnswer raw_get(std::uint16_t port, const std::string& target, std::chrono::milliseconds timeout) {
  return raw_request(port, "GET " + target + " HTTP/1.1\r\nHost: www.example.com\r\n\r\n", timeout);
}

}  // namespace edgelab::test
