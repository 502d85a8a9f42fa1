#include "control/admin_client.hpp"

#include "core/node_config.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/http.hpp>

namespace edgelab {

std::optional<AdminEndpoint> AdminEndpoint::from_url(std::string_view url, std::string token,
                                                     std::shared_ptr<net::ssl::context> tls) {
  const bool https = url.substr(0, 8) == "https://";
  if (https && !tls) return std::nullopt;
  std::string plain = https ? "http://" + std::string(url.substr(8)) : std::string(url);
  auto endpoint = parse_http_url(plain);
  if (!endpoint) return std::nullopt;
  // parse_http_url defaults a missing port to 80; https means 443.
  std::string port = std::to_string(endpoint->port);
  if (https && plain.find(':', 7) == std::string::npos) port = "443";
  return AdminEndpoint{endpoint->host, port, std::move(token), https ? std::move(tls) : nullptr};
}

std::string AdminReply::describe() const {
  if (error) return error == beast::error::timeout ? "timed out" : error.message();
  std::string text = "HTTP " + std::to_string(status);
  if (!body.empty()) text += ": " + body.substr(0, 200);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

AdminChannel::AdminChannel(net::any_io_executor ex, AdminEndpoint endpoint, bool keep_alive)
    : ex_(std::move(ex)), endpoint_(std::move(endpoint)), keep_alive_(keep_alive) {}

void AdminChannel::request(http::verb method, std::string target, std::string body,
                           std::chrono::milliseconds timeout, AdminHandler done) {
  done_ = std::move(done);
  started_ = std::chrono::steady_clock::now();
  deadline_ = started_ + timeout;
  request_ = {method, target, 11};
  request_.set(http::field::host, endpoint_.host + ":" + endpoint_.port);
  request_.set(http::field::user_agent, "edgelab-ctl");
  request_.set(http::field::authorization, "Bearer " + endpoint_.token);
  if (!body.empty()) request_.set(http::field::content_type, "application/json");
  request_.body() = std::move(body);
  request_.keep_alive(keep_alive_);
  request_.prepare_payload();
  reused_ = stream_.has_value() || tls_stream_.has_value();
  if (reused_) return send();
  connect();
}

void AdminChannel::connect() {
  auto resolver = std::make_shared<net::ip::tcp::resolver>(ex_);
  resolver->async_resolve(endpoint_.host, endpoint_.port,
                          [self = shared_from_this(), resolver](boost::system::error_code ec,
                                                                net::ip::tcp::resolver::results_type results) {
                            if (ec) return self->finish(ec);
                            if (self->endpoint_.tls)
                              self->tls_stream_.emplace(self->ex_, *self->endpoint_.tls);
                            else
                              self->stream_.emplace(self->ex_);
                            self->lowest().expires_at(self->deadline_);
                            self->lowest().async_connect(results, [self](boost::system::error_code cec, auto) {
                              if (cec) return self->finish(cec);
                              boost::system::error_code ignored;
                              self->lowest().socket().set_option(net::ip::tcp::no_delay(true), ignored);
                              if (self->tls_stream_) return self->handshake();
                              self->send();
                            });
                          });
}

beast::tcp_stream& AdminChannel::lowest() {
  return tls_stream_ ? beast::get_lowest_layer(*tls_stream_) : *stream_;
}

void AdminChannel::handshake() {
  // SNI, and the certificate must name the host we asked for.
  if (!SSL_set_tlsext_host_name(tls_stream_->native_handle(), endpoint_.host.c_str()))
    return finish({static_cast<int>(::ERR_get_error()), net::error::get_ssl_category()});
  tls_stream_->set_verify_callback(net::ssl::host_name_verification(endpoint_.host));
  tls_stream_->async_handshake(net::ssl::stream_base::client,
                               [self = shared_from_this()](boost::system::error_code ec) {
                                 if (ec) return self->finish(ec);
                                 self->send();
                               });
}

void AdminChannel::send() {
  parser_.emplace();
  parser_->body_limit(kMaxBody);
  buffer_.clear();
  lowest().expires_at(deadline_);
  with_stream([this](auto& stream) {
    http::async_write(stream, request_, [self = shared_from_this(), &stream](boost::system::error_code ec, std::size_t) {
      if (ec) return self->finish(ec);
      http::async_read(stream, self->buffer_, *self->parser_,
                       [self](boost::system::error_code rec, std::size_t) { self->finish(rec); });
    });
  });
}

void AdminChannel::finish(boost::system::error_code ec) {
  if (ec && reused_ && ec != beast::error::timeout) {
    // The node closed the kept connection (restart, idle timeout): once more on a new one.
    stream_.reset();
    tls_stream_.reset();
    reused_ = false;
    return connect();
  }
  AdminReply reply;
  reply.error = ec;
  reply.took = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started_);
  bool keep = false;
  if (!ec) {
    auto response = parser_->release();
    reply.status = response.result_int();
    keep = keep_alive_ && response.keep_alive();
    reply.body = std::move(response.body());
  }
  if (!keep && (stream_ || tls_stream_)) {
    boost::system::error_code ignored;
    lowest().socket().shutdown(net::ip::tcp::socket::shutdown_both, ignored);
    stream_.reset();
    tls_stream_.reset();
  }
  auto done = std::move(done_);
  done(std::move(reply));
}

void AdminClient::request(net::any_io_executor ex, const AdminEndpoint& endpoint, http::verb method,
                          std::string target, std::string body, std::chrono::milliseconds timeout,
                          AdminHandler done) {
  std::make_shared<AdminChannel>(std::move(ex), endpoint, false)
      ->request(method, std::move(target), std::move(body), timeout, std::move(done));
}

}  // namespace edgelab
