#pragma once
// The request path of a node as one visible state machine (after Varnish):
//
//   recv -> lookup -> hit ------------------------------------> deliver
//                  -> stale (swr: deliver + background refresh)
//                  -> miss -> coalesce (leader | waiter) -> fetch -> deliver
//                  -> pass (method, hit-for-miss, oversize) -> relay
//
// Each request (or background refresh) is one RequestFlow kept alive by the
// callbacks it has pending.
#include "cache/coalescer.hpp"
#include "http/http_exchange.hpp"
#include "http/upstream_exchange.hpp"
#include "node/cache_status.hpp"
#include "node/forwarding.hpp"
#include "node/response_builder.hpp"

#include <chrono>
#include <memory>

namespace edgelab {

class EdgeNode;

class RequestFlow : public std::enable_shared_from_this<RequestFlow> {
 public:
  RequestFlow(std::shared_ptr<EdgeNode> node, HttpExchangePtr client);
  // A background refresh of a stale object: no client.
  RequestFlow(std::shared_ptr<EdgeNode> node, std::shared_ptr<const Request> request, net::any_io_executor ex);

  ~RequestFlow();
  RequestFlow(const RequestFlow&) = delete;
  RequestFlow& operator=(const RequestFlow&) = delete;

  void recv();
  void start_background_refresh(CachedObjectPtr stale, std::shared_ptr<InflightFetch> fetch);

 private:
  enum class Tier { l1, l2 };

  void lookup();
  void lookup_l2();
  void on_found(CachedObjectPtr object, Tier tier);
  void miss(CachedObjectPtr stale, Tier stale_tier);
  void wait_for(std::shared_ptr<InflightFetch> fetch);
  void on_waited(const FetchOutcome* outcome);
  void fetch(ForwardMode mode);
  void on_fetch_header(boost::system::error_code ec, UpstreamExchangePtr upstream);
  void on_fetch_body(boost::system::error_code ec, Response response, std::int64_t request_time);
  void stream_fetch(UpstreamExchangePtr upstream, std::uint64_t length);
  void fetch_failed(unsigned status, std::string_view why);
  void pass();
  // `completed` (optional) learns whether the whole body reached the client.
  void relay(UpstreamExchangePtr upstream, CacheStatusNote note, UpstreamExchange::BodyTap tap = {},
             std::function<void(bool complete)> completed = {});
  void relay_and_store(UpstreamExchangePtr upstream);
  void finish_leader(const FetchOutcome& outcome);

  void deliver(const CachedObjectPtr& object, const CacheStatusNote& note);
  void deliver_streamed(const CachedObjectPtr& header, const std::shared_ptr<StreamingBody>& body,
                        const CacheStatusNote& note);
  void deliver_not_modified(const CachedObject& object, const CacheStatusNote& note);
  void deliver_error(http::status status, std::string_view message);
  DeliveryContext delivery_context() const;
  bool variant_matches(const CachedObject& object);
  bool from_child_node() const;
  void record_latency();
  std::int64_t now() const;

  std::shared_ptr<EdgeNode> node_;
  HttpExchangePtr client_;  // null for background refreshes
  std::shared_ptr<const Request> request_;
  net::any_io_executor executor_;
  std::chrono::steady_clock::time_point received_at_;
  std::string primary_key_;
  std::string variant_key_;
  CachedObjectPtr stale_;
  Tier stale_tier_ = Tier::l1;
  std::shared_ptr<InflightFetch> leading_;  // set while this flow leads a coalesced fetch
  std::int64_t fetch_request_time_ = 0;
  std::uint64_t fetch_epoch_ = 0;  // the node's purge sequence when the fetch began
  ForwardMode fetch_mode_ = ForwardMode::cacheable_fetch;
  bool is_head_ = false;
  bool cacheable_method_ = false;
  bool miss_counted_ = false;  // a flow may look up twice (its fetch completed as it joined)
};

}  // namespace edgelab
