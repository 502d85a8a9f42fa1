#pragma once
// The request path of a node as one visible state machine (after Varnish's
// cache_req_fsm.c): the steps are declared once in request_steps.hpp and run()
// loops on them. Each step does its work and names the next; a step that
// starts an asynchronous operation parks the flow, and the operation's
// completion resumes run() at the step it names. Steps hand each other their
// inputs through the members below (found_, waited_, upstream_, delivery_,
// relay_, synth_), never by calling one another.
//
// Each request (or background refresh) is one RequestFlow kept alive by the
// callbacks it has pending. The fresh_hit step runs on the connection itself
// (fresh_hit_path.hpp), before any flow exists.
#include "cache/byte_range.hpp"
#include "cache/coalescer.hpp"
#include "http/http_exchange.hpp"
#include "http/upstream_exchange.hpp"
#include "node/cache_status.hpp"
#include "node/forwarding.hpp"
#include "node/request_steps.hpp"
#include "node/response_builder.hpp"

#include <chrono>
#include <memory>
#include <optional>

namespace edgelab {

class EdgeNode;
class FlowScript;

class RequestFlow : public std::enable_shared_from_this<RequestFlow> {
 public:
  RequestFlow(std::shared_ptr<EdgeNode> node, HttpExchangePtr client);
  // A background refresh of a stale object: no client.
  RequestFlow(std::shared_ptr<EdgeNode> node, std::shared_ptr<const Request> request, net::any_io_executor ex);

  ~RequestFlow();
  RequestFlow(const RequestFlow&) = delete;
  RequestFlow& operator=(const RequestFlow&) = delete;

  void recv() { run(RequestStep::recv); }
  // The fresh-hit path already looked this request up in L1 (and counted it).
  void l1_access_counted() { l1_access_counted_ = true; }
  // `primary_key`: the key the stale object is stored (and the fetch joined)
  // under, which an edge script may have set: not always the URL's.
  void start_background_refresh(CachedObjectPtr stale, std::shared_ptr<InflightFetch> fetch, std::string primary_key);

  RequestStep step() const { return step_; }  // the step running or parked in

 private:
  enum class Tier { l1, l2 };

  void run(RequestStep step);

  // One function per step (request_steps.hpp); each returns the next step.
  RequestStep recv_step();
  RequestStep lookup_step();
  RequestStep hit_step();
  RequestStep miss_step();
  RequestStep wait_step();
  RequestStep fetch_step();
  RequestStep store_step();
  RequestStep pass_step();
  RequestStep relay_step();
  RequestStep deliver_step();
  RequestStep synth_step();

  // The inputs of the next step, set by the one before.
  RequestStep to_deliver(CachedObjectPtr object, CacheStatusNote note, std::shared_ptr<StreamingBody> body = {});
  RequestStep to_synth(http::status status, std::string message);
  // An answer made whole elsewhere (an edge script's, its fail-closed 503).
  RequestStep to_answer(Response answer);
  // The script's answer after a request hook said respond or failed closed.
  RequestStep script_verdict_answer(int verdict);
  void apply_script_storage(CachedObject& object) const;
  RequestStep to_relay(UpstreamExchangePtr upstream, CacheStatusNote note, UpstreamExchange::BodyTap tap = {},
                       std::function<void(bool complete)> completed = {});
  RequestStep fetch_failed(unsigned status, std::string message);

  // Parts of store: the three ways an answer is stored.
  RequestStep store_streaming(std::uint64_t length);
  RequestStep store_relayed();
  RequestStep store_whole();
  void on_whole_body(boost::system::error_code ec, Response response);
  void finish_leader(const FetchOutcome& outcome);
  void invalidate_after_unsafe(const http::response_header<>& answer);

  DeliveryContext delivery_context() const;
  bool variant_matches(const CachedObject& object);
  bool from_child_node() const;
  ForwardMode refetch_mode() const;
  RequestStep refetch_for_own_variant();
  void record_latency();
  std::int64_t now() const;

  std::shared_ptr<EdgeNode> node_;
  HttpExchangePtr client_;  // null for background refreshes
  std::shared_ptr<const Request> request_;
  net::any_io_executor executor_;
  std::chrono::steady_clock::time_point received_at_;
  RequestStep step_ = RequestStep::recv;
  std::string primary_key_;
  std::string variant_key_;
  bool is_head_ = false;
  bool cacheable_method_ = false;
  bool miss_counted_ = false;
  bool l1_access_counted_ = false;  // the admission sketch counts a request once
  // Why a Range request that fetched the whole object went upstream again with its Range.
  std::string_view range_pass_;
  bool script_pass_ = false;  // req:pass() in on_client_request  // a flow may look up twice (its fetch completed as it joined)

  // lookup -> hit
  CachedObjectPtr found_;
  Tier found_tier_ = Tier::l1;
  // hit -> miss -> fetch: the stale copy to revalidate or fall back on
  CachedObjectPtr stale_;
  Tier stale_tier_ = Tier::l1;
  // miss -> wait: the leader's outcome (nullopt: the wait timed out)
  std::optional<FetchOutcome> waited_;
  // The fetch (Varnish's busyobj): its mode, when it began, the purge sequence then,
  // the coalesced fetch it leads, and the upstream's answer (fetch -> store).
  struct Fetch {
    ForwardMode mode = ForwardMode::cacheable_fetch;
    std::int64_t request_time = 0;
    std::uint64_t epoch = 0;
    std::shared_ptr<InflightFetch> leading;
    boost::system::error_code error;
    UpstreamExchangePtr upstream;
  } fetch_;
  // -> relay
  struct Relay {
    UpstreamExchangePtr upstream;
    CacheStatusNote note;
    UpstreamExchange::BodyTap tap;
    std::function<void(bool complete)> completed;
  } relay_;
  // -> deliver
  struct Delivery {
    CachedObjectPtr object;
    std::shared_ptr<StreamingBody> body;  // set: the object's body is still arriving
    CacheStatusNote note;
  } delivery_;
  // A 206 of one range, or a 416, for a GET with Range on a stored 200.
  // `head` is the stored (or script-edited) block as partial_header_block made it.
  RequestStep deliver_range(const Delivery& d, const ByteRange& range, std::string head);
  // -> synth
  struct Synth {
    http::status status = http::status::internal_server_error;
    std::string message;
    std::optional<Response> answer;  // set: sent as is
  } synth_;
  // The edge script's part in this request (flow_script.hpp); null without a live script.
  std::unique_ptr<FlowScript> script_;
};

}  // namespace edgelab
