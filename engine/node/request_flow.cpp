#include "node/request_flow.hpp"

#include "admin/purge_endpoint.hpp"
#include "node/edge_node.hpp"
#include "node/flow_script.hpp"
#include "node/response_builder.hpp"
#include "node/streamed_delivery.hpp"

#include <array>

namespace edgelab {
namespace {

std::string_view tier_name(bool l2) { return l2 ? "L2" : "L1"; }

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
  if (fetch_.leading)
    node_->coalescer().finish(primary_key_, fetch_.leading, {.kind = FetchOutcome::Kind::error, .status = 502});
}

std::int64_t RequestFlow::now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// --- the loop --------------------------------------------------------------

void RequestFlow::run(RequestStep step) {
  while (step != RequestStep::parked && step != RequestStep::done) {
    step_ = step;
    switch (step) {
      case RequestStep::fresh_hit:  // runs on the connection (fresh_hit_path.cpp); a flow starts at recv
      case RequestStep::recv:
        step = recv_step();
        break;
      case RequestStep::lookup:
        step = lookup_step();
        break;
      case RequestStep::hit:
        step = hit_step();
        break;
      case RequestStep::miss:
        step = miss_step();
        break;
      case RequestStep::wait:
        step = wait_step();
        break;
      case RequestStep::fetch:
        step = fetch_step();
        break;
      case RequestStep::store:
        step = store_step();
        break;
      case RequestStep::pass:
        step = pass_step();
        break;
      case RequestStep::relay:
        step = relay_step();
        break;
      case RequestStep::deliver:
        step = deliver_step();
        break;
      case RequestStep::synth:
        step = synth_step();
        break;
      case RequestStep::parked:
      case RequestStep::done:
        break;
    }
  }
  if (step == RequestStep::done) step_ = RequestStep::done;
}

RequestStep RequestFlow::to_deliver(CachedObjectPtr object, CacheStatusNote note, std::shared_ptr<StreamingBody> body) {
  delivery_ = {.object = std::move(object), .body = std::move(body), .note = note};
  return RequestStep::deliver;
}

RequestStep RequestFlow::to_synth(http::status status, std::string message) {
  synth_ = {.status = status, .message = std::move(message), .answer = std::nullopt};
  return RequestStep::synth;
}

RequestStep RequestFlow::to_answer(Response answer) {
  synth_ = {.status = answer.result(), .message = {}, .answer = std::move(answer)};
  return RequestStep::synth;
}

RequestStep RequestFlow::script_verdict_answer(int verdict) {
  const bool keep = client_ && client_->keep_alive();
  if (verdict == int(FlowScript::Verdict::failed_closed)) {
    add(node_->metrics(), &NodeMetrics::errors);
    return to_answer(FlowScript::failed_closed_answer(keep));
  }
  return to_answer(script_->script_answer(keep));
}

// resp:set_ttl, resp:add_tag from on_origin_response, on the object about to be stored.
void RequestFlow::apply_script_storage(CachedObject& object) const {
  if (!script_) return;
  const ScriptRequestState& state = script_->state();
  if (state.ttl) object.lifetime = object.current_age(now()) + *state.ttl;
  for (const auto& tag : state.tags)
    if (std::find(object.tags.begin(), object.tags.end(), tag) == object.tags.end()) object.tags.push_back(tag);
}

// --- recv ------------------------------------------------------------------

RequestStep RequestFlow::recv_step() {
  auto& m = node_->metrics();
  add(m, &NodeMetrics::requests);
  const Request& req = *request_;
  if (cdn_hops(req) >= kMaxCdnHops) {
    add(m, &NodeMetrics::loops_detected);
    return to_synth(http::status::loop_detected, "forwarding loop detected (CDN-Loop)");
  }
  if (req.target().empty() || req.target().front() != '/')
    return to_synth(http::status::bad_request, "request target must be in origin-form (\"/path\")");
  if (req.version() == 11 && req.find(http::field::host) == req.end())
    return to_synth(http::status::bad_request, "HTTP/1.1 request without Host");
  switch (req.method()) {
    case http::verb::get:
      cacheable_method_ = true;
      break;
    case http::verb::head:
      cacheable_method_ = true;
      is_head_ = true;
      break;
    case http::verb::connect:
      return to_synth(http::status::method_not_allowed, "CONNECT is not supported");
    case http::verb::purge:
      if (client_) PurgeEndpoint::purge_method(*node_, client_);
      return RequestStep::done;
    default:
      break;
  }
  bool script_pass = false;
  if (client_ && !script_ && node_->scripts().any()) {
    script_ = FlowScript::begin(*node_, req, client_->remote_address());
  }
  if (script_ && script_->wants(ScriptHook::client_request)) {
    std::shared_ptr<Request> edited;
    const auto verdict = script_->client_request(req, edited);
    if (edited) request_ = std::move(edited);
    if (verdict == FlowScript::Verdict::respond || verdict == FlowScript::Verdict::failed_closed)
      return script_verdict_answer(int(verdict));
    script_pass = verdict == FlowScript::Verdict::pass;
    script_pass_ = script_pass;
  }
  const Request& current = *request_;
  if (script_ && script_->cache_key()) {
    // The first part is the path the object is stored under (URL purges find
    // it there); further parts distinguish it after a separator.
    const std::string& parts = *script_->cache_key();
    const std::size_t separator = parts.find('\x1f');
    node_->keys().primary_key(current[http::field::host], std::string_view(parts).substr(0, separator), primary_key_);
    if (separator != std::string::npos) primary_key_.append(parts, separator, std::string::npos);
  } else {
    node_->keys().primary_key(current[http::field::host], current.target(), primary_key_);
  }
  if (!cacheable_method_ || script_pass) return RequestStep::pass;
  if (node_->hit_for_miss().contains(primary_key_)) {
    add(m, &NodeMetrics::hit_for_miss);
    return RequestStep::pass;
  }
  return RequestStep::lookup;
}

// --- lookup and hit --------------------------------------------------------

RequestStep RequestFlow::lookup_step() {
  stale_.reset();
  const bool count_access = !l1_access_counted_;
  l1_access_counted_ = true;
  if ((found_ = node_->lookup_l1(*request_, primary_key_, variant_key_, count_access))) {
    found_tier_ = Tier::l1;
    return RequestStep::hit;
  }
  if (!node_->l2()) return RequestStep::miss;
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
        self->found_ = std::move(object);
        self->found_tier_ = Tier::l2;
        self->run(self->found_ ? RequestStep::hit : RequestStep::miss);
      });
  return RequestStep::parked;
}

RequestStep RequestFlow::hit_step() {
  auto& m = node_->metrics();
  const std::int64_t t = now();
  const bool l2 = found_tier_ == Tier::l2;
  CachedObjectPtr object = std::move(found_);
  if (object->is_fresh(t)) {
    add(m, l2 ? &NodeMetrics::l2_hits : &NodeMetrics::l1_hits);
    return to_deliver(object, {.hit = true, .ttl = object->ttl(t), .has_ttl = true, .detail = tier_name(l2)});
  }
  if (object->within_stale_while_revalidate(t)) {
    // Serve stale now; one background refresh per key (coalesced).
    auto joined = node_->coalescer().join(primary_key_);
    if (joined.leader) {
      auto copy = std::make_shared<const Request>(*request_);
      auto refresh = std::make_shared<RequestFlow>(node_, std::move(copy), executor_);
      refresh->start_background_refresh(object, std::move(joined.fetch), primary_key_);
    }
    add(m, &NodeMetrics::stale_served);
    return to_deliver(object,
                      {.hit = true, .fwd = "stale", .ttl = object->ttl(t), .has_ttl = true, .detail = tier_name(l2)});
  }
  stale_ = std::move(object);  // stale: revalidate (or refetch) before reuse
  stale_tier_ = found_tier_;
  return RequestStep::miss;
}

// --- miss and coalescing ---------------------------------------------------

ForwardMode RequestFlow::refetch_mode() const {
  return stale_ && stale_->has_validator() ? ForwardMode::revalidate : ForwardMode::cacheable_fetch;
}

RequestStep RequestFlow::miss_step() {
  if (!stale_ && !miss_counted_) add(node_->metrics(), &NodeMetrics::misses);
  miss_counted_ = true;
  fetch_.mode = refetch_mode();
  if (!node_->config().cache.coalescing) return RequestStep::fetch;
  auto joined = node_->coalescer().join(primary_key_);
  if (joined.leader) {
    fetch_.leading = std::move(joined.fetch);
    return RequestStep::fetch;
  }
  const auto& cache = node_->config().cache;
  auto self = shared_from_this();
  switch (
      joined.fetch->add_waiter(executor_, cache.coalesce_wait, cache.max_waiters, [self](const FetchOutcome* outcome) {
        self->waited_ = outcome ? std::optional(*outcome) : std::nullopt;
        self->run(RequestStep::wait);
      })) {
    case InflightFetch::Join::queued:
      return RequestStep::parked;
    case InflightFetch::Join::already_completed:
      // It finished between our join and our wait: look again (a hit now, or a new fetch).
      return RequestStep::lookup;
    case InflightFetch::Join::list_full:
      add(node_->metrics(), &NodeMetrics::coalesce_overflow);
      return RequestStep::fetch;
  }
  return RequestStep::fetch;
}

// The leader fetched another Vary variant: this request needs its own.
RequestStep RequestFlow::refetch_for_own_variant() {
  fetch_.mode = ForwardMode::cacheable_fetch;
  return RequestStep::fetch;
}

RequestStep RequestFlow::wait_step() {
  auto& m = node_->metrics();
  if (!waited_) {
    add(m, &NodeMetrics::coalesce_timeouts);
    add(m, &NodeMetrics::errors);
    return to_synth(http::status::gateway_timeout, "timed out waiting for the coalesced upstream fetch");
  }
  add(m, &NodeMetrics::coalesced);
  const FetchOutcome outcome = std::move(*waited_);
  waited_.reset();
  const std::int64_t t = now();
  switch (outcome.kind) {
    case FetchOutcome::Kind::object:
      if (!variant_matches(*outcome.object)) return refetch_for_own_variant();
      return to_deliver(outcome.object, {.fwd = outcome.revalidated ? "stale" : "uri-miss",
                                         .fwd_status = outcome.revalidated ? 304u : 0u,
                                         .collapsed = true,
                                         .ttl = outcome.object->ttl(t),
                                         .has_ttl = true});
    case FetchOutcome::Kind::streaming:
      if (!variant_matches(*outcome.object)) return refetch_for_own_variant();
      return to_deliver(outcome.object,
                        {.fwd = "uri-miss", .collapsed = true, .ttl = outcome.object->ttl(t), .has_ttl = true},
                        outcome.body);
    case FetchOutcome::Kind::stale_object:
      add(m, &NodeMetrics::stale_served);
      return to_deliver(outcome.object, {.hit = true, .fwd = "stale", .fwd_status = outcome.status, .collapsed = true});
    case FetchOutcome::Kind::uncacheable:
      return RequestStep::pass;
    case FetchOutcome::Kind::error:
      add(m, &NodeMetrics::errors);
      return to_synth(static_cast<http::status>(outcome.status), "upstream fetch failed");
  }
  return to_synth(http::status::bad_gateway, "upstream fetch failed");
}

// --- deliver and synth -----------------------------------------------------

RequestStep RequestFlow::deliver_step() {
  if (!client_) return RequestStep::done;
  Delivery d = std::move(delivery_);
  delivery_ = {};
  // on_client_response: its edits go over the stored headers, never into the object.
  FieldListSource stored(&d.object->headers);
  HeaderOverlay edits(&stored);
  unsigned status = d.object->status;
  if (script_ && script_->wants(ScriptHook::client_response) &&
      script_->client_response(*request_, *d.object, edits, status) == FlowScript::Verdict::failed_closed)
    return script_verdict_answer(int(FlowScript::Verdict::failed_closed));
  const bool edited = edits.edited() || status != d.object->status;
  std::string* edited_head = nullptr;
  if (edited) {
    edited_head = &client_->scratch(HttpExchange::Scratch::edited_head);
    edited_object_header(*d.object, edits, status, *edited_head);
  }
  // HEAD and 304 need no body: the header object answers them now.
  const bool not_modified = status == 200 && client_validators_match(*request_, *d.object);
  if (not_modified) {
    add(node_->metrics(), &NodeMetrics::not_modified);
    record_latency();
    Response res = make_not_modified(*d.object, d.note, delivery_context());
    apply_edits(edits, res.base());
    client_->respond(std::move(res));
    return RequestStep::done;
  }
  // Range is defined for GET only (RFC 9110 14.2): HEAD gets the whole header.
  if (status == 200 && !is_head_ && request_->method() == http::verb::get &&
      request_->find(http::field::range) != request_->end()) {
    const std::uint64_t length = d.body ? d.body->total() : d.object->body ? d.object->body->size() : 0;
    const ByteRange range = requested_range(*request_, *d.object, length);
    // A block without its Content-Length line cannot be cut to a part: then the whole 200 goes out.
    if (range.kind != ByteRange::Kind::whole) {
      std::string head = partial_header_block(edited_head ? *edited_head : d.object->header_block, range, length);
      if (!head.empty()) return deliver_range(d, range, std::move(head));
    }
  }
  if (!d.body || is_head_) {
    record_latency();
    add(node_->metrics(), &NodeMetrics::bytes_out,
        write_cached_object(*client_, d.object, d.note, delivery_context(), is_head_, edited_head));
    return RequestStep::done;
  }
  std::string head = edited ? *edited_head : d.object->header_block;
  append_dynamic_headers(head, *d.object, d.note, delivery_context());
  auto self = shared_from_this();
  std::make_shared<StreamedDelivery>(client_, d.body, std::move(head), client_->keep_alive(),
                                     node_->config().limits.send_timeout,
                                     [self](bool, std::uint64_t bytes) {
                                       add(self->node_->metrics(), &NodeMetrics::bytes_out, bytes);
                                       self->record_latency();
                                     })
      ->start();
  return RequestStep::done;
}

RequestStep RequestFlow::deliver_range(const Delivery& d, const ByteRange& range, std::string head) {
  append_dynamic_headers(head, *d.object, d.note, delivery_context());
  const bool partial = range.kind == ByteRange::Kind::single;
  if (partial && d.body) {
    // Still arriving: the part goes out as its bytes come in.
    auto self = shared_from_this();
    std::make_shared<StreamedDelivery>(
        client_, d.body, std::move(head), client_->keep_alive(), node_->config().limits.send_timeout,
        [self](bool, std::uint64_t bytes) {
          add(self->node_->metrics(), &NodeMetrics::bytes_out, bytes);
          self->record_latency();
        },
        StreamedDelivery::Window{std::size_t(range.first), std::size_t(range.last + 1)})
        ->start();
    return RequestStep::done;
  }
  record_latency();
  struct Answer {
    std::string head;
    CachedObjectPtr object;
  };
  auto answer = std::make_shared<Answer>(Answer{std::move(head), d.object});
  std::array<net::const_buffer, 2> buffers{net::buffer(answer->head), net::const_buffer{}};
  std::size_t count = 1;
  if (partial && d.object->body) {
    buffers[1] = net::buffer(d.object->body->data() + range.first, std::size_t(range.length()));
    count = 2;
    add(node_->metrics(), &NodeMetrics::bytes_out, range.length());
  }
  client_->respond_buffers(std::span<const net::const_buffer>(buffers.data(), count), client_->keep_alive(),
                           std::move(answer));
  return RequestStep::done;
}

RequestStep RequestFlow::synth_step() {
  if (!client_) return RequestStep::done;
  record_latency();
  if (synth_.answer) {
    client_->respond(std::move(*synth_.answer));
    synth_.answer.reset();
    return RequestStep::done;
  }
  client_->respond(make_error_response(synth_.status, synth_.message, delivery_context()));
  return RequestStep::done;
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
