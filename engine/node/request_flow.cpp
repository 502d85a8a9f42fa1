#include "node/request_flow.hpp"

#include "admin/purge_endpoint.hpp"
#include "node/edge_node.hpp"
#include "node/response_builder.hpp"
#include "node/streamed_delivery.hpp"

#include <boost/beast/core/string.hpp>

#include <array>

namespace edgelab {
namespace {

std::string_view tier_name(bool l2) { return l2 ? "L2" : "L1"; }

bool is_unsafe(http::verb m) {
  return m == http::verb::post || m == http::verb::put || m == http::verb::delete_ || m == http::verb::patch;
}

}  // namespace

RequestFlow::RequestFlow(std::shared_ptr<EdgeNode> node, HttpExchangePtr client)
    : node_(std::move(node)),
      client_(std::move(client)),
      request_(client_, &client_->request()),  // aliasing: the exchange owns the request
      executor_(client_->executor()),
      received_at_(std::chrono::steady_clock::now()) {}

RequestFlow::RequestFlow(std::shared_ptr<EdgeNode> node, std::shared_ptr<const Request> request,
                         net::any_io_executor ex)
    : node_(std::move(node)),
      request_(std::move(request)),
      executor_(std::move(ex)),
      received_at_(std::chrono::steady_clock::now()) {
  is_head_ = false;
  cacheable_method_ = true;
  node_->keys().primary_key((*request_)[http::field::host], request_->target(), primary_key_);
}

RequestFlow::~RequestFlow() {
  // A leader that ends without an outcome must not leave its waiters hanging.
  if (leading_) node_->coalescer().finish(primary_key_, leading_, {.kind = FetchOutcome::Kind::error, .status = 502});
}

std::int64_t RequestFlow::now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// --- recv ------------------------------------------------------------------

void RequestFlow::recv() {
  auto& m = node_->metrics();
  add(m, &NodeMetrics::requests);
  const Request& req = *request_;
  if (cdn_hops(req) >= kMaxCdnHops) {
    add(m, &NodeMetrics::loops_detected);
    return deliver_error(http::status::loop_detected, "forwarding loop detected (CDN-Loop)");
  }
  if (req.target().empty() || req.target().front() != '/')
    return deliver_error(http::status::bad_request, "request target must be in origin-form (\"/path\")");
  if (req.version() == 11 && req.find(http::field::host) == req.end())
    return deliver_error(http::status::bad_request, "HTTP/1.1 request without Host");
  switch (req.method()) {
    case http::verb::get:
      cacheable_method_ = true;
      break;
    case http::verb::head:
      cacheable_method_ = true;
      is_head_ = true;
      break;
    case http::verb::connect:
      return deliver_error(http::status::method_not_allowed, "CONNECT is not supported");
    case http::verb::purge:
      if (!client_) return;
      return PurgeEndpoint::purge_method(*node_, client_);
    case http::verb::unknown:
      return deliver_error(http::status::not_implemented, "unknown method");
    default:
      break;
  }
  node_->keys().primary_key(req[http::field::host], req.target(), primary_key_);
  if (!cacheable_method_) return pass();
  if (node_->hit_for_miss().contains(primary_key_)) {
    add(m, &NodeMetrics::hit_for_miss);
    return pass();
  }
  lookup();
}

// --- lookup ----------------------------------------------------------------

void RequestFlow::lookup() {
  if (auto object = node_->lookup_l1(*request_, primary_key_, variant_key_))
    return on_found(std::move(object), Tier::l1);
  if (node_->l2()) return lookup_l2();
  miss(nullptr, Tier::l1);
}

void RequestFlow::lookup_l2() {
  auto self = shared_from_this();
  const std::uint64_t since = node_->purges().l2_applied();
  node_->l2()->async_lookup(
      primary_key_,
      [self](const std::vector<std::string>& names, std::string& out) {
        variant_key(self->primary_key_, names, *self->request_, out);
      },
      executor_,
      [self, since](CachedObjectPtr object) {
        if (object) object = self->node_->admit_from_l2(std::move(object), since);
        if (!object) return self->miss(nullptr, Tier::l1);
        self->on_found(std::move(object), Tier::l2);
      });
}

void RequestFlow::on_found(CachedObjectPtr object, Tier tier) {
  auto& m = node_->metrics();
  const std::int64_t t = now();
  const bool l2 = tier == Tier::l2;
  if (object->is_fresh(t)) {
    add(m, l2 ? &NodeMetrics::l2_hits : &NodeMetrics::l1_hits);
    return deliver(object, {.hit = true, .ttl = object->ttl(t), .has_ttl = true, .detail = tier_name(l2)});
  }
  if (object->within_stale_while_revalidate(t)) {
    // Serve stale now; one background refresh per key (coalesced).
    auto joined = node_->coalescer().join(primary_key_);
    if (joined.leader) {
      auto copy = std::make_shared<const Request>(*request_);
      auto refresh = std::make_shared<RequestFlow>(node_, std::move(copy), executor_);
      refresh->start_background_refresh(object, std::move(joined.fetch));
    }
    add(m, &NodeMetrics::stale_served);
    return deliver(object,
                   {.hit = true, .fwd = "stale", .ttl = object->ttl(t), .has_ttl = true, .detail = tier_name(l2)});
  }
  miss(std::move(object), tier);  // stale: revalidate (or refetch) before reuse
}

// --- miss and coalescing ---------------------------------------------------

void RequestFlow::miss(CachedObjectPtr stale, Tier stale_tier) {
  stale_ = std::move(stale);
  stale_tier_ = stale_tier;
  if (!stale_ && !miss_counted_) add(node_->metrics(), &NodeMetrics::misses);
  miss_counted_ = true;
  const ForwardMode mode = stale_ && stale_->has_validator() ? ForwardMode::revalidate : ForwardMode::cacheable_fetch;
  if (!node_->config().cache.coalescing) return fetch(mode);
  auto joined = node_->coalescer().join(primary_key_);
  if (joined.leader) {
    leading_ = std::move(joined.fetch);
    return fetch(mode);
  }
  wait_for(std::move(joined.fetch));
}

void RequestFlow::wait_for(std::shared_ptr<InflightFetch> inflight) {
  const auto& cache = node_->config().cache;
  auto self = shared_from_this();
  switch (inflight->add_waiter(executor_, cache.coalesce_wait, cache.max_waiters,
                               [self](const FetchOutcome* outcome) { self->on_waited(outcome); })) {
    case InflightFetch::Join::queued:
      return;
    case InflightFetch::Join::already_completed:
      // It finished between our join and our wait: look again (a hit now, or a new fetch).
      return lookup();
    case InflightFetch::Join::list_full:
      add(node_->metrics(), &NodeMetrics::coalesce_overflow);
      return fetch(stale_ && stale_->has_validator() ? ForwardMode::revalidate : ForwardMode::cacheable_fetch);
  }
}

void RequestFlow::on_waited(const FetchOutcome* outcome) {
  auto& m = node_->metrics();
  if (!outcome) {
    add(m, &NodeMetrics::coalesce_timeouts);
    add(m, &NodeMetrics::errors);
    return deliver_error(http::status::gateway_timeout, "timed out waiting for the coalesced upstream fetch");
  }
  add(m, &NodeMetrics::coalesced);
  const std::int64_t t = now();
  switch (outcome->kind) {
    case FetchOutcome::Kind::object:
      if (!variant_matches(*outcome->object)) return fetch(ForwardMode::cacheable_fetch);
      return deliver(outcome->object, {.fwd = outcome->revalidated ? "stale" : "uri-miss",
                                       .fwd_status = outcome->revalidated ? 304u : 0u,
                                       .collapsed = true,
                                       .ttl = outcome->object->ttl(t),
                                       .has_ttl = true});
    case FetchOutcome::Kind::streaming:
      if (!variant_matches(*outcome->object)) return fetch(ForwardMode::cacheable_fetch);
      return deliver_streamed(outcome->object, outcome->body,
                              {.fwd = "uri-miss", .collapsed = true, .ttl = outcome->object->ttl(t), .has_ttl = true});
    case FetchOutcome::Kind::stale_object:
      add(m, &NodeMetrics::stale_served);
      return deliver(outcome->object, {.hit = true, .fwd = "stale", .fwd_status = outcome->status, .collapsed = true});
    case FetchOutcome::Kind::uncacheable:
      return pass();
    case FetchOutcome::Kind::error:
      add(m, &NodeMetrics::errors);
      return deliver_error(static_cast<http::status>(outcome->status), "upstream fetch failed");
  }
}

// --- fetch -----------------------------------------------------------------

void RequestFlow::start_background_refresh(CachedObjectPtr stale, std::shared_ptr<InflightFetch> inflight) {
  stale_ = std::move(stale);
  leading_ = std::move(inflight);
  fetch(stale_->has_validator() ? ForwardMode::revalidate : ForwardMode::cacheable_fetch);
}

void RequestFlow::fetch(ForwardMode mode) {
  fetch_mode_ = mode;
  fetch_request_time_ = now();
  fetch_epoch_ = node_->purges().seq();
  auto upstream_request = make_upstream_request(*request_, mode, stale_.get(), node_->name(),
                                                client_ ? client_->remote_address() : net::ip::address{});
  add(node_->metrics(), &NodeMetrics::upstream_requests);
  node_->upstream().send(
      std::move(upstream_request),
      [self = shared_from_this()](boost::system::error_code ec, UpstreamExchangePtr up) {
        self->on_fetch_header(ec, std::move(up));
      },
      early_hints_forwarder(node_->config().cache.forward_early_hints ? client_ : nullptr));
}

void RequestFlow::on_fetch_header(boost::system::error_code ec, UpstreamExchangePtr up) {
  auto& m = node_->metrics();
  if (ec) {
    add(m, &NodeMetrics::upstream_errors);
    return fetch_failed(ec == beast::error::timeout ? 504 : 502, upstream_error_message(ec));
  }
  const unsigned status = up->header().result_int();
  const std::int64_t t = now();
  if (fetch_mode_ == ForwardMode::revalidate && status == 304 && stale_) {
    auto refreshed =
        refresh_cached_object(*stale_, up->header(), *request_, node_->store_policy(), fetch_request_time_, t);
    add(m, &NodeMetrics::revalidated);
    node_->store(refreshed, fetch_epoch_);
    finish_leader({.kind = FetchOutcome::Kind::object, .object = refreshed, .revalidated = true});
    return deliver(refreshed,
                   {.fwd = "stale", .fwd_status = 304, .stored = true, .ttl = refreshed->ttl(t), .has_ttl = true});
  }
  if (status >= 500) add(m, &NodeMetrics::upstream_errors);
  if (status >= 500 && stale_ && stale_->within_stale_if_error(t)) return fetch_failed(status, "upstream error");

  const StoreDecision decision =
      decide_storage(http::verb::get, *request_, status, up->header(), t, node_->store_policy());
  const auto length = up->content_length();
  const auto max_object = node_->config().cache.max_object_bytes;
  if (decision.storable && length && *length <= max_object) return stream_fetch(std::move(up), *length);
  if (decision.storable && !length && client_ && !is_head_) return relay_and_store(std::move(up));
  if (decision.storable && !length) {
    // Unknown length for a HEAD or a background refresh: read it whole.
    const std::int64_t request_time = fetch_request_time_;
    return up->read_body(max_object,
                         [self = shared_from_this(), request_time](boost::system::error_code bec, Response response) {
                           self->on_fetch_body(bec, std::move(response), request_time);
                         });
  }
  // Uncacheable (or larger than we store): release the waiters to go upstream
  // in parallel, and remember the key so later requests do not queue on it.
  add(m, &NodeMetrics::not_stored);
  if (status < 500) node_->hit_for_miss().remember(primary_key_);
  finish_leader({.kind = FetchOutcome::Kind::uncacheable});
  relay(std::move(up), {.fwd = stale_ ? "stale" : "uri-miss", .detail = decision.storable ? "oversize" : ""});
}

void RequestFlow::on_fetch_body(boost::system::error_code ec, Response response, std::int64_t request_time) {
  auto& m = node_->metrics();
  if (ec) {
    add(m, &NodeMetrics::upstream_errors);
    if (ec == http::error::body_limit) node_->hit_for_miss().remember(primary_key_);
    return fetch_failed(ec == beast::error::timeout ? 504 : 502,
                        ec == http::error::body_limit ? "object exceeds max_object_bytes" : upstream_error_message(ec));
  }
  add(m, &NodeMetrics::bytes_in_upstream, response.body().size());
  const std::int64_t t = now();
  auto body = std::make_shared<const std::string>(std::move(response.body()));
  auto object =
      object_from_upstream(*request_, primary_key_, response, std::move(body), node_->store_policy(), request_time, t);
  node_->store(object, fetch_epoch_);
  add(m, &NodeMetrics::stored);
  finish_leader({.kind = FetchOutcome::Kind::object, .object = object});
  deliver(object, {.fwd = stale_ ? "stale" : "uri-miss",
                   .fwd_status = stale_ ? response.result_int() : 0u,
                   .stored = true,
                   .ttl = object->ttl(t),
                   .has_ttl = true});
}

void RequestFlow::stream_fetch(UpstreamExchangePtr up, std::uint64_t length) {
  const std::int64_t t = now();
  const unsigned status = up->header().result_int();
  auto buffer = std::make_shared<std::string>(static_cast<std::size_t>(length), '\0');
  auto header = object_from_upstream(*request_, primary_key_, up->header(), nullptr, node_->store_policy(),
                                     fetch_request_time_, t, length);
  auto body = std::make_shared<StreamingBody>(buffer);
  // Waiters start sending as soon as the header is in, each from the shared body.
  if (leading_) leading_->stream({.kind = FetchOutcome::Kind::streaming, .object = header, .body = body});
  auto self = shared_from_this();
  up->read_into(
      buffer->data(), buffer->size(), [body](std::size_t received) { body->publish(received); },
      [self, header, body, buffer](boost::system::error_code ec) {
        auto& m = self->node_->metrics();
        // The fetch leaves the coalescer before its readers learn the end, so a
        // client that reacts at once cannot join this fetch again.
        if (ec) {
          add(m, &NodeMetrics::upstream_errors);
          add(m, &NodeMetrics::errors);
          self->finish_leader({.kind = FetchOutcome::Kind::error, .status = 502});
          return body->finish(false);
        }
        add(m, &NodeMetrics::bytes_in_upstream, buffer->size());
        auto complete = std::make_shared<CachedObject>(*header);
        complete->body = buffer;
        self->node_->store(complete, self->fetch_epoch_);
        add(m, &NodeMetrics::stored);
        self->finish_leader({.kind = FetchOutcome::Kind::object, .object = complete});
        body->finish(true);
      });
  deliver_streamed(header, body,
                   {.fwd = stale_ ? "stale" : "uri-miss",
                    .fwd_status = stale_ ? status : 0u,
                    .stored = true,
                    .ttl = header->ttl(t),
                    .has_ttl = true});
}

void RequestFlow::fetch_failed(unsigned status, std::string_view why) {
  auto& m = node_->metrics();
  if (stale_ && stale_->within_stale_if_error(now())) {
    add(m, &NodeMetrics::stale_served);
    finish_leader({.kind = FetchOutcome::Kind::stale_object, .object = stale_, .status = status});
    return deliver(stale_,
                   {.hit = true, .fwd = "stale", .fwd_status = status, .detail = tier_name(stale_tier_ == Tier::l2)});
  }
  add(m, &NodeMetrics::errors);
  finish_leader({.kind = FetchOutcome::Kind::error, .status = status});
  deliver_error(static_cast<http::status>(status), why);
}

void RequestFlow::finish_leader(const FetchOutcome& outcome) {
  if (!leading_) return;
  node_->coalescer().finish(primary_key_, leading_, outcome);
  leading_.reset();
}

// --- pass ------------------------------------------------------------------

void RequestFlow::pass() {
  auto& m = node_->metrics();
  add(m, &NodeMetrics::passes);
  add(m, &NodeMetrics::upstream_requests);
  auto upstream_request = make_upstream_request(*request_, ForwardMode::pass, nullptr, node_->name(),
                                                client_ ? client_->remote_address() : net::ip::address{});
  node_->upstream().send(
      std::move(upstream_request),
      [self = shared_from_this()](boost::system::error_code ec, UpstreamExchangePtr up) {
        auto& metrics = self->node_->metrics();
        if (ec) {
          add(metrics, &NodeMetrics::upstream_errors);
          add(metrics, &NodeMetrics::errors);
          return self->deliver_error(
              ec == beast::error::timeout ? http::status::gateway_timeout : http::status::bad_gateway,
              upstream_error_message(ec));
        }
        const unsigned status = up->header().result_int();
        if (is_unsafe(self->request_->method()) && status < 400) {
          // RFC 9111 §4.4: a successful unsafe request invalidates the target URI
          // and the URIs in Location / Content-Location on the same host.
          self->node_->invalidate(self->primary_key_);
          std::string_view host = (*self->request_)[http::field::host];
          for (auto field : {http::field::location, http::field::content_location}) {
            std::string_view target = up->header()[field];
            if (!target.empty() && target.front() == '/')
              self->node_->invalidate(self->node_->keys().primary_key(host, target));
          }
          add(metrics, &NodeMetrics::invalidations);
        }
        const bool method_pass = !self->cacheable_method_;
        self->relay(std::move(up),
                    {.fwd = method_pass ? "method" : "uri-miss", .detail = method_pass ? "" : "hit-for-miss"});
      },
      early_hints_forwarder(node_->config().cache.forward_early_hints ? client_ : nullptr));
}

void RequestFlow::relay_and_store(UpstreamExchangePtr up) {
  // Unknown length (chunked): relay it as it comes and keep a copy while it
  // fits max_object_bytes; store it if the whole body arrived and fit.
  const std::size_t limit = node_->config().cache.max_object_bytes;
  auto copy = std::make_shared<std::string>();
  auto overflow = std::make_shared<bool>(false);
  auto header = std::make_shared<http::response_header<>>(up->header());
  const std::int64_t request_time = fetch_request_time_;
  auto tap = [copy, overflow, limit](std::string_view chunk) {
    if (*overflow) return;
    if (copy->size() + chunk.size() > limit) {
      *overflow = true;
      std::string().swap(*copy);
      return;
    }
    copy->append(chunk);
  };
  auto self = shared_from_this();
  auto completed = [self, copy, overflow, header, request_time](bool complete) {
    auto& m = self->node_->metrics();
    if (!complete) return self->finish_leader({.kind = FetchOutcome::Kind::error, .status = 502});
    if (*overflow) {
      add(m, &NodeMetrics::not_stored);
      self->node_->hit_for_miss().remember(self->primary_key_);
      return self->finish_leader({.kind = FetchOutcome::Kind::uncacheable});
    }
    add(m, &NodeMetrics::bytes_in_upstream, copy->size());
    auto object = object_from_upstream(*self->request_, self->primary_key_, *header, copy, self->node_->store_policy(),
                                       request_time, self->now());
    self->node_->store(object, self->fetch_epoch_);
    add(m, &NodeMetrics::stored);
    self->finish_leader({.kind = FetchOutcome::Kind::object, .object = object});
  };
  relay(std::move(up), {.fwd = stale_ ? "stale" : "uri-miss"}, std::move(tap), std::move(completed));
}

void RequestFlow::relay(UpstreamExchangePtr up, CacheStatusNote note, UpstreamExchange::BodyTap tap,
                        std::function<void(bool complete)> completed) {
  if (!client_) {
    if (completed) completed(false);
    return;
  }
  const std::string name = node_->name();
  const bool child = from_child_node();
  const bool keep_alive = client_->keep_alive();
  auto edit = [name, note, child, keep_alive](http::response_header<>& h) {
    strip_hop_by_hop(h);
    std::string status(h["Cache-Status"]);
    if (!status.empty()) status += ", ";
    append_cache_status(status, name, note);
    h.set("Cache-Status", status);
    if (!child) h.erase("Surrogate-Control");
    if (!keep_alive) h.set(http::field::connection, "close");
  };
  if (is_head_) {
    Response head{static_cast<http::status>(up->header().result_int()), 11};
    for (const auto& f : up->header()) head.insert(f.name_string(), f.value());
    edit(head.base());
    head.chunked(false);  // a HEAD answer has no body: no last chunk either
    record_latency();
    return client_->respond(std::move(head));  // no prepare_payload: Content-Length stays the GET's
  }
  auto self = shared_from_this();
  up->relay(
      client_, edit,
      [self, completed = std::move(completed)](boost::system::error_code ec, std::uint64_t bytes, bool answered) {
        add(self->node_->metrics(), &NodeMetrics::bytes_out, bytes);
        if (completed) completed(!ec);
        if (!answered) {
          add(self->node_->metrics(), &NodeMetrics::upstream_errors);
          add(self->node_->metrics(), &NodeMetrics::errors);
          return self->deliver_error(
              ec == beast::error::timeout ? http::status::gateway_timeout : http::status::bad_gateway,
              upstream_error_message(ec));
        }
        self->record_latency();
      },
      std::move(tap));
}

// --- deliver ---------------------------------------------------------------

void RequestFlow::deliver(const CachedObjectPtr& object, const CacheStatusNote& note) {
  if (!client_) return;
  if (object->status == 200 && client_validators_match(*request_, *object)) return deliver_not_modified(*object, note);
  record_latency();
  add(node_->metrics(), &NodeMetrics::bytes_out,
      write_cached_object(*client_, object, note, delivery_context(), is_head_));
}

void RequestFlow::deliver_streamed(const CachedObjectPtr& header, const std::shared_ptr<StreamingBody>& body,
                                   const CacheStatusNote& note) {
  if (!client_) return;
  // HEAD and 304 need no body: the header object answers them now.
  if (is_head_ || (header->status == 200 && client_validators_match(*request_, *header))) return deliver(header, note);
  const bool keep_alive = client_->keep_alive();
  std::string head = header->header_block;
  append_dynamic_headers(head, *header, note, delivery_context());
  auto self = shared_from_this();
  std::make_shared<StreamedDelivery>(client_, body, std::move(head), keep_alive, node_->config().limits.send_timeout,
                                     [self](bool, std::uint64_t bytes) {
                                       add(self->node_->metrics(), &NodeMetrics::bytes_out, bytes);
                                       self->record_latency();
                                     })
      ->start();
}

void RequestFlow::deliver_not_modified(const CachedObject& object, const CacheStatusNote& note) {
  add(node_->metrics(), &NodeMetrics::not_modified);
  record_latency();
  client_->respond(make_not_modified(object, note, delivery_context()));
}

void RequestFlow::deliver_error(http::status status, std::string_view message) {
  if (!client_) return;
  record_latency();
  client_->respond(make_error_response(status, message, delivery_context()));
}

DeliveryContext RequestFlow::delivery_context() const {
  return {.node_name = node_->name(),
          .now = now(),
          .keep_alive = client_ && client_->keep_alive(),
          .to_child_node = from_child_node()};
}

bool RequestFlow::variant_matches(const CachedObject& object) {
  if (object.vary_names.empty()) return true;
  variant_key(primary_key_, object.vary_names, *request_, variant_key_);
  return variant_key_ == object.key;
}

bool RequestFlow::from_child_node() const { return cdn_hops(*request_) > 0; }

void RequestFlow::record_latency() {
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - received_at_);
  node_->metrics().latency.record(static_cast<std::uint64_t>(micros.count()));
}

}  // namespace edgelab
