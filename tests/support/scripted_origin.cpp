#include "support/scripted_origin.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>

namespace edgelab::test {

class ScriptedOrigin::Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(ScriptedOrigin& origin, tcp::socket socket)
      : origin_(origin), socket_(std::move(socket)), timer_(socket_.get_executor()) {}

  void read() {
    parser_.emplace();
    parser_->body_limit(1 << 20);
    http::async_read(socket_, buffer_, *parser_,
                     [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
                       if (ec) return;  // the node closed it (or sent garbage): done with this connection
                       ++self->origin_.requests_;
                       ScriptedOrigin::Script script;
                       {
                         std::lock_guard lock(self->origin_.script_mutex_);
                         script = *self->origin_.script_;
                       }
                       self->reply_ = script(self->parser_->get());
                       if (self->reply_.silent) return self->hold();
                       self->timer_.expires_after(self->reply_.delay);
                       self->timer_.async_wait([self](boost::system::error_code) { self->write(); });
                     });
  }

 private:
  void write() {
    net::async_write(socket_, net::buffer(reply_.bytes),
                     [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
                       if (ec) return;
                       if (self->reply_.close_after) {
                         boost::system::error_code ignored;
                         self->socket_.shutdown(tcp::socket::shutdown_both, ignored);
                         return;
                       }
                       if (self->reply_.idle_after.count() > 0) self->misbehave_while_idle();
                       self->read();
                     });
  }

  void misbehave_while_idle() {
    timer_.expires_after(reply_.idle_after);
    timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
      if (ec) return;
      boost::system::error_code ignored;
      if (!self->reply_.idle_bytes.empty()) self->socket_.write_some(net::buffer(self->reply_.idle_bytes), ignored);
      if (self->reply_.idle_close) self->socket_.shutdown(tcp::socket::shutdown_both, ignored);
    });
  }

  // Silent: keep the connection (and this object) until the peer gives up.
  void hold() {
    socket_.async_wait(tcp::socket::wait_read, [self = shared_from_this()](boost::system::error_code ec) {
      if (ec) return;
      char byte;
      boost::system::error_code rec;
      if (self->socket_.receive(net::buffer(&byte, 1), tcp::socket::message_peek, rec) == 0 || rec) return;
      self->hold();
    });
  }

  ScriptedOrigin& origin_;
  tcp::socket socket_;
  net::steady_timer timer_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  ScriptedReply reply_;
};

ScriptedOrigin::ScriptedOrigin(Script script)
    : acceptor_(ioc_, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)),
      script_(std::make_shared<Script>(std::move(script))) {
  port_ = acceptor_.local_endpoint().port();
  accept();
  thread_ = std::thread([this] { ioc_.run(); });
}

ScriptedOrigin::~ScriptedOrigin() {
  ioc_.stop();
  thread_.join();
}

void ScriptedOrigin::set_script(Script script) {
  std::lock_guard lock(script_mutex_);
  script_ = std::make_shared<Script>(std::move(script));
}

void ScriptedOrigin::accept() {
  acceptor_.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
    if (!ec) {
      ++connections_;
      std::make_shared<Connection>(*this, std::move(socket))->read();
    }
    accept();
  });
}

std::string ScriptedOrigin::response(std::string_view body, std::string_view extra_headers,
                                     std::string_view status_line) {
  std::string out(status_line);
  out += "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  out += extra_headers;
  out += "\r\n";
  out += body;
  return out;
}

}  // namespace edgelab::test
