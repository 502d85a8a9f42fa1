#pragma once
// One try at sending a request upstream: connect (or reuse a pooled
// connection), write, then read headers until the final response. Interim 1xx
// responses are consumed (a 103 is handed to the caller to forward); a 101,
// too many interims, or a final header that breaks the framing rules fails the
// attempt with an UpstreamFramingError, and the connection is closed.
#include "http/upstream_pool.hpp"

#include <optional>

namespace edgelab {

class UpstreamAttempt : public std::enable_shared_from_this<UpstreamAttempt> {
 public:
  static constexpr int kMaxInterimResponses = 8;

  UpstreamAttempt(std::shared_ptr<UpstreamPool> pool, std::shared_ptr<const Request> request,
                  UpstreamPool::SendHandler done, UpstreamPool::InterimHandler interim);
  void start();

 private:
  bool idempotent() const;
  void connect();
  void on_resolved(boost::system::error_code ec, std::vector<tcp::endpoint> endpoints);
  void write();
  void read_header();
  void on_header(boost::system::error_code ec);
  void on_interim(unsigned status);
  void retry_or_fail(boost::system::error_code ec);
  void framing_failure(UpstreamFramingError kind);
  void fail(boost::system::error_code ec);

  std::shared_ptr<UpstreamPool> pool_;
  std::shared_ptr<const Request> request_;
  UpstreamPool::SendHandler done_;
  UpstreamPool::InterimHandler interim_;
  std::unique_ptr<UpstreamConnection> connection_;
  std::unique_ptr<http::response_parser<http::empty_body>> parser_;
  std::optional<tcp::resolver> resolver_;
  std::vector<tcp::endpoint> endpoints_;
  int interim_responses_ = 0;
  bool reused_ = false;
  bool received_any_ = false;  // some response bytes (an interim counts) arrived
};

}  // namespace edgelab
