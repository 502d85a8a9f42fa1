#include "control/admin_client.hpp"

#include "core/node_config.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

namespace edgelab {
namespace {

class AdminCall : public std::enable_shared_from_this<AdminCall> {
 public:
  AdminCall(net::any_io_executor ex, AdminEndpoint endpoint, std::chrono::milliseconds timeout,
            AdminClient::Handler done)
      : resolver_(ex),
        stream_(ex),
        endpoint_(std::move(endpoint)),
        timeout_(timeout),
        done_(std::move(done)),
        started_(std::chrono::steady_clock::now()) {
    parser_.body_limit(AdminClient::kMaxBody);
  }

  void start(http::verb method, std::string target, std::string body) {
    request_ = {method, target, 11};
    request_.set(http::field::host, endpoint_.host + ":" + endpoint_.port);
    request_.set(http::field::user_agent, "edgelab-ctl");
    request_.set(http::field::authorization, "Bearer " + endpoint_.token);
    if (!body.empty()) request_.set(http::field::content_type, "application/json");
    request_.body() = std::move(body);
    request_.keep_alive(false);
    request_.prepare_payload();
    resolver_.async_resolve(endpoint_.host, endpoint_.port,
                            [self = shared_from_this()](boost::system::error_code ec,
                                                        net::ip::tcp::resolver::results_type results) {
                              if (ec) return self->finish(ec);
                              self->connect(results);
                            });
  }

 private:
  void connect(const net::ip::tcp::resolver::results_type& results) {
    stream_.expires_at(deadline());
    stream_.async_connect(results, [self = shared_from_this()](boost::system::error_code ec, auto) {
      if (ec) return self->finish(ec);
      self->stream_.expires_at(self->deadline());
      http::async_write(self->stream_, self->request_, [self](boost::system::error_code wec, std::size_t) {
        if (wec) return self->finish(wec);
        self->stream_.expires_at(self->deadline());
        http::async_read(self->stream_, self->buffer_, self->parser_,
                         [self](boost::system::error_code rec, std::size_t) { self->finish(rec); });
      });
    });
  }

  std::chrono::steady_clock::time_point deadline() const { return started_ + timeout_; }

  void finish(boost::system::error_code ec) {
    AdminReply reply;
    reply.error = ec;
    reply.took = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started_);
    if (!ec) {
      auto response = parser_.release();
      reply.status = response.result_int();
      reply.body = std::move(response.body());
    }
    boost::system::error_code ignored;
    stream_.socket().shutdown(net::ip::tcp::socket::shutdown_both, ignored);
    done_(std::move(reply));
  }

  net::ip::tcp::resolver resolver_;
  beast::tcp_stream stream_;
  AdminEndpoint endpoint_;
  std::chrono::milliseconds timeout_;
  AdminClient::Handler done_;
  std::chrono::steady_clock::time_point started_;
  http::request<http::string_body> request_;
  beast::flat_buffer buffer_;
  http::response_parser<http::string_body> parser_;
};

}  // namespace

std::optional<AdminEndpoint> AdminEndpoint::from_url(std::string_view url, std::string token) {
  auto endpoint = parse_http_url(url);
  if (!endpoint) return std::nullopt;
  return AdminEndpoint{endpoint->host, std::to_string(endpoint->port), std::move(token)};
}

std::string AdminReply::describe() const {
  if (error) return error == beast::error::timeout ? "timed out" : error.message();
  std::string text = "HTTP " + std::to_string(status);
  if (!body.empty()) text += ": " + body.substr(0, 200);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

void AdminClient::request(net::any_io_executor ex, const AdminEndpoint& endpoint, http::verb method,
                          std::string target, std::string body, std::chrono::milliseconds timeout, Handler done) {
  std::make_shared<AdminCall>(std::move(ex), endpoint, timeout, std::move(done))
      ->start(method, std::move(target), std::move(body));
}

}  // namespace edgelab
