#include "control/admin_client.hpp"

#include "core/node_config.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/http.hpp>

namespace edgelab {

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
  reused_ = stream_.has_value();
  if (reused_) return send();
  connect();
}

void AdminChannel::connect() {
  auto resolver = std::make_shared<net::ip::tcp::resolver>(ex_);
  resolver->async_resolve(endpoint_.host, endpoint_.port,
                          [self = shared_from_this(), resolver](boost::system::error_code ec,
                                                                net::ip::tcp::resolver::results_type results) {
                            if (ec) return self->finish(ec);
                            self->stream_.emplace(self->ex_);
                            self->stream_->expires_at(self->deadline_);
                            self->stream_->async_connect(results, [self](boost::system::error_code cec, auto) {
                              if (cec) return self->finish(cec);
                              boost::system::error_code ignored;
                              self->stream_->socket().set_option(net::ip::tcp::no_delay(true), ignored);
                              self->send();
                            });
                          });
}

void AdminChannel::send() {
  parser_.emplace();
  parser_->body_limit(kMaxBody);
  buffer_.clear();
  stream_->expires_at(deadline_);
  http::async_write(*stream_, request_, [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
    if (ec) return self->finish(ec);
    http::async_read(*self->stream_, self->buffer_, *self->parser_,
                     [self](boost::system::error_code rec, std::size_t) { self->finish(rec); });
  });
}

void AdminChannel::finish(boost::system::error_code ec) {
  if (ec && reused_ && ec != beast::error::timeout) {
    // The node closed the kept connection (restart, idle timeout): once more on a new one.
    stream_.reset();
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
  if (!keep && stream_) {
    boost::system::error_code ignored;
    stream_->socket().shutdown(net::ip::tcp::socket::shutdown_both, ignored);
    stream_.reset();
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
