// RequestFlow's steps towards the upstream: fetch, store, pass and relay
// (request_flow.cpp has the loop and the steps on this side of the cache).
#include "node/edge_node.hpp"
#include "node/flow_script.hpp"
#include "node/request_flow.hpp"

namespace edgelab {
namespace {

std::string_view tier_name(bool l2) { return l2 ? "L2" : "L1"; }

// RFC 9111 4.4 invalidates on every method not known to be safe: extension
// methods (PROPFIND, M-SEARCH, one Beast has no name for) included.
bool is_unsafe(http::verb m) {
  return m != http::verb::get && m != http::verb::head && m != http::verb::options && m != http::verb::trace;
}

// The path of a Location / Content-Location value on the request's own origin,
// relative ("/a") or absolute ("https://host/a"); empty for another origin.
std::string_view same_origin_path(std::string_view value, std::string_view host) {
  if (!value.empty() && value.front() == '/') return value.substr(0, 2) == "//" ? std::string_view() : value;
  for (std::string_view scheme : {"http://", "https://"}) {
    if (value.size() <= scheme.size() || !beast::iequals(value.substr(0, scheme.size()), scheme)) continue;
    const std::string_view rest = value.substr(scheme.size());
    const std::size_t slash = rest.find('/');
    const std::string_view authority = rest.substr(0, slash);
    if (!host.empty() && beast::iequals(authority, host)) return slash == std::string_view::npos ? "/" : rest.substr(slash);
  }
  return {};
}

http::status status_of(boost::system::error_code ec) {
  return ec == beast::error::timeout ? http::status::gateway_timeout : http::status::bad_gateway;
}

}  // namespace

void RequestFlow::start_background_refresh(CachedObjectPtr stale, std::shared_ptr<InflightFetch> inflight,
                                           std::string primary_key) {
  primary_key_ = std::move(primary_key);
  stale_ = std::move(stale);
  fetch_.leading = std::move(inflight);
  fetch_.mode = refetch_mode();
  // A refresh has no client, but the node's side of the script (origin hooks) runs on it.
  script_ = FlowScript::begin(*node_, *request_, {});
  run(RequestStep::fetch);
}

// --- fetch -----------------------------------------------------------------

RequestStep RequestFlow::fetch_step() {
  fetch_.request_time = now();
  fetch_.epoch = node_->purges().seq();
  auto upstream_request = make_upstream_request(*request_, fetch_.mode, stale_.get(), node_->name(),
                                                client_ ? client_->remote_address() : net::ip::address{});
  if (!script_ && !client_ && node_->scripts().defines(ScriptHook::origin_request))
    script_ = FlowScript::begin(*node_, *request_, {});
  if (script_ && script_->wants(ScriptHook::origin_request)) {
    const auto verdict = script_->origin_request(*upstream_request);
    if (verdict == FlowScript::Verdict::respond || verdict == FlowScript::Verdict::failed_closed) {
      // Waiters go their own way: the script's answer is this request's, not the object's.
      finish_leader({.kind = verdict == FlowScript::Verdict::respond ? FetchOutcome::Kind::uncacheable
                                                                     : FetchOutcome::Kind::error,
                     .status = 503});
      return script_verdict_answer(int(verdict));
    }
  }
  add(node_->metrics(), &NodeMetrics::upstream_requests);
  node_->upstream().send(
      std::move(upstream_request),
      [self = shared_from_this()](boost::system::error_code ec, UpstreamExchangePtr up) {
        self->fetch_.error = ec;
        self->fetch_.upstream = std::move(up);
        self->run(RequestStep::store);
      },
      early_hints_forwarder(node_->config().cache.forward_early_hints ? client_ : nullptr));
  return RequestStep::parked;
}

RequestStep RequestFlow::fetch_failed(unsigned status, std::string message) {
  auto& m = node_->metrics();
  if (stale_ && stale_->within_stale_if_error(now())) {
    add(m, &NodeMetrics::stale_served);
    finish_leader({.kind = FetchOutcome::Kind::stale_object, .object = stale_, .status = status});
    return to_deliver(
        stale_, {.hit = true, .fwd = "stale", .fwd_status = status, .detail = tier_name(stale_tier_ == Tier::l2)});
  }
  add(m, &NodeMetrics::errors);
  finish_leader({.kind = FetchOutcome::Kind::error, .status = status});
  return to_synth(static_cast<http::status>(status), std::move(message));
}

void RequestFlow::finish_leader(const FetchOutcome& outcome) {
  if (!fetch_.leading) return;
  node_->coalescer().finish(primary_key_, fetch_.leading, outcome);
  fetch_.leading.reset();
}

// --- store -----------------------------------------------------------------

RequestStep RequestFlow::store_step() {
  auto& m = node_->metrics();
  if (fetch_.error) {
    add(m, &NodeMetrics::upstream_errors);
    return fetch_failed(static_cast<unsigned>(status_of(fetch_.error)), upstream_error_message(fetch_.error));
  }
  const UpstreamExchangePtr& up = fetch_.upstream;
  if (script_ && script_->wants(ScriptHook::origin_response) &&
      script_->origin_response(*request_, up->mutable_header()) == FlowScript::Verdict::failed_closed) {
    finish_leader({.kind = FetchOutcome::Kind::error, .status = 503});
    fetch_.upstream.reset();
    return script_verdict_answer(int(FlowScript::Verdict::failed_closed));
  }
  const unsigned status = up->header().result_int();
  const std::int64_t t = now();
  if (fetch_.mode == ForwardMode::revalidate && status == 304 && stale_) {
    auto refreshed =
        refresh_cached_object(*stale_, up->header(), *request_, node_->store_policy(), fetch_.request_time, t);
    apply_script_storage(*refreshed);
    add(m, &NodeMetrics::revalidated);
    node_->store(refreshed, fetch_.epoch);
    finish_leader({.kind = FetchOutcome::Kind::object, .object = refreshed, .revalidated = true});
    fetch_.upstream.reset();
    return to_deliver(refreshed,
                      {.fwd = "stale", .fwd_status = 304, .stored = true, .ttl = refreshed->ttl(t), .has_ttl = true});
  }
  if (status >= 500) add(m, &NodeMetrics::upstream_errors);
  if (status >= 500 && stale_ && stale_->within_stale_if_error(t)) return fetch_failed(status, "upstream error");

  StoreDecision decision = decide_storage(http::verb::get, *request_, status, up->header(), t, node_->store_policy());
  if (script_) {
    // The script's word over the headers': resp:uncacheable() never stores,
    // resp:set_ttl(s) stores for s seconds (0: not at all).
    const ScriptRequestState& scripted = script_->state();
    if (scripted.uncacheable || (scripted.ttl && *scripted.ttl == 0)) {
      decision.storable = false;
      decision.reason = "edge script";
    } else if (scripted.ttl) {
      decision.storable = true;
    }
  }
  const auto length = up->content_length();
  const auto max_object = node_->config().cache.max_object_bytes;
  // While the stale copy may still answer (stale-if-error), the new answer is
  // read whole before any of it is delivered: an origin that drops mid-body is
  // then an error the stale object covers, not a response cut short.
  const bool stale_fallback = stale_ && client_ && stale_->within_stale_if_error(t);
  if (decision.storable && stale_fallback && (!length || *length <= max_object)) return store_whole();
  if (decision.storable && length && *length <= max_object) return store_streaming(*length);
  if (decision.storable && !length && client_ && !is_head_) return store_relayed();
  if (decision.storable && !length) return store_whole();  // a HEAD or a background refresh: read it whole
  // Uncacheable (or larger than we store): release the waiters to go upstream
  // in parallel, and remember the key so later requests do not queue on it.
  add(m, &NodeMetrics::not_stored);
  if (status < 500) node_->hit_for_miss().remember(primary_key_);
  finish_leader({.kind = FetchOutcome::Kind::uncacheable});
  if (decision.storable && status == 200 && client_ && !is_head_ &&
      request_->find(http::field::range) != request_->end()) {
    // The whole object was asked for to store it, and it is too large to
    // store: ask again with the client's Range (a pass forwards it), so a
    // player wanting 1 MiB of a 4 GiB file gets that MiB. The unread body
    // closes this connection; later requests for the key pass at once
    // (hit-for-miss). An uncacheable answer is relayed whole instead: RFC
    // 9110 14.2 allows it, and one origin request is cheaper for small ones.
    fetch_.upstream.reset();
    range_pass_ = "oversize";
    return RequestStep::pass;
  }
  return to_relay(std::move(fetch_.upstream),
                  {.fwd = stale_ ? "stale" : "uri-miss", .detail = decision.storable ? "oversize" : ""});
}

// Known length: the body goes into one buffer that the client and every waiter
// read while it arrives; stored when complete.
RequestStep RequestFlow::store_streaming(std::uint64_t length) {
  UpstreamExchangePtr up = std::move(fetch_.upstream);
  const std::int64_t t = now();
  const unsigned status = up->header().result_int();
  auto buffer = std::make_shared<std::string>(static_cast<std::size_t>(length), '\0');
  auto header = object_from_upstream(*request_, primary_key_, up->header(), nullptr, node_->store_policy(),
                                     fetch_.request_time, t, length);
  apply_script_storage(*header);
  auto body = std::make_shared<StreamingBody>(buffer, executor_);
  // Waiters start sending as soon as the header is in, each from the shared body.
  if (fetch_.leading) fetch_.leading->stream({.kind = FetchOutcome::Kind::streaming, .object = header, .body = body});
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
        self->node_->store(complete, self->fetch_.epoch);
        add(m, &NodeMetrics::stored);
        self->finish_leader({.kind = FetchOutcome::Kind::object, .object = complete});
        body->finish(true);
      });
  return to_deliver(header,
                    {.fwd = stale_ ? "stale" : "uri-miss",
                     .fwd_status = stale_ ? status : 0u,
                     .stored = true,
                     .ttl = header->ttl(t),
                     .has_ttl = true},
                    body);
}

// Unknown length (chunked): relayed as it comes with a copy kept while it fits
// max_object_bytes; stored if the whole body arrived and fit.
RequestStep RequestFlow::store_relayed() {
  const std::size_t limit = node_->config().cache.max_object_bytes;
  auto copy = std::make_shared<std::string>();
  auto overflow = std::make_shared<bool>(false);
  auto header = std::make_shared<http::response_header<>>(fetch_.upstream->header());
  const std::int64_t request_time = fetch_.request_time;
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
    self->apply_script_storage(*object);
    self->node_->store(object, self->fetch_.epoch);
    add(m, &NodeMetrics::stored);
    self->finish_leader({.kind = FetchOutcome::Kind::object, .object = object});
  };
  return to_relay(std::move(fetch_.upstream), {.fwd = stale_ ? "stale" : "uri-miss"}, std::move(tap),
                  std::move(completed));
}

RequestStep RequestFlow::store_whole() {
  UpstreamExchangePtr up = std::move(fetch_.upstream);
  up->read_body(node_->config().cache.max_object_bytes,
                [self = shared_from_this(), up](boost::system::error_code ec, Response response) {
                  self->on_whole_body(ec, std::move(response));
                });
  return RequestStep::parked;
}

void RequestFlow::on_whole_body(boost::system::error_code ec, Response response) {
  auto& m = node_->metrics();
  if (ec) {
    add(m, &NodeMetrics::upstream_errors);
    if (ec == http::error::body_limit) node_->hit_for_miss().remember(primary_key_);
    return run(fetch_failed(static_cast<unsigned>(status_of(ec)), ec == http::error::body_limit
                                                                      ? "object exceeds max_object_bytes"
                                                                      : upstream_error_message(ec)));
  }
  add(m, &NodeMetrics::bytes_in_upstream, response.body().size());
  const std::int64_t t = now();
  auto body = std::make_shared<const std::string>(std::move(response.body()));
  auto object = object_from_upstream(*request_, primary_key_, response, std::move(body), node_->store_policy(),
                                     fetch_.request_time, t);
  apply_script_storage(*object);
  node_->store(object, fetch_.epoch);
  add(m, &NodeMetrics::stored);
  finish_leader({.kind = FetchOutcome::Kind::object, .object = object});
  run(to_deliver(object, {.fwd = stale_ ? "stale" : "uri-miss",
                          .fwd_status = stale_ ? response.result_int() : 0u,
                          .stored = true,
                          .ttl = object->ttl(t),
                          .has_ttl = true}));
}

// --- pass and relay --------------------------------------------------------

RequestStep RequestFlow::pass_step() {
  auto& m = node_->metrics();
  add(m, &NodeMetrics::passes);
  add(m, &NodeMetrics::upstream_requests);
  auto upstream_request = make_upstream_request(*request_, ForwardMode::pass, nullptr, node_->name(),
                                                client_ ? client_->remote_address() : net::ip::address{});
  if (!script_ && node_->scripts().defines(ScriptHook::origin_request))
    script_ = FlowScript::begin(*node_, *request_, client_ ? client_->remote_address() : net::ip::address{});
  if (script_ && script_->wants(ScriptHook::origin_request)) {
    const auto verdict = script_->origin_request(*upstream_request);
    if (verdict == FlowScript::Verdict::respond || verdict == FlowScript::Verdict::failed_closed)
      return script_verdict_answer(int(verdict));
  }
  node_->upstream().send(
      std::move(upstream_request),
      [self = shared_from_this()](boost::system::error_code ec, UpstreamExchangePtr up) {
        auto& metrics = self->node_->metrics();
        if (ec) {
          add(metrics, &NodeMetrics::upstream_errors);
          add(metrics, &NodeMetrics::errors);
          return self->run(self->to_synth(status_of(ec), upstream_error_message(ec)));
        }
        if (is_unsafe(self->request_->method()) && up->header().result_int() < 400)
          self->invalidate_after_unsafe(up->header());
        if (self->script_ && self->script_->wants(ScriptHook::origin_response) &&
            self->script_->origin_response(*self->request_, up->mutable_header()) == FlowScript::Verdict::failed_closed)
          return self->run(self->script_verdict_answer(int(FlowScript::Verdict::failed_closed)));
        const bool method_pass = !self->cacheable_method_;
        const std::string_view detail = method_pass || self->script_pass_ ? std::string_view()
                                        : self->range_pass_.empty()       ? std::string_view("hit-for-miss")
                                                                          : self->range_pass_;
        self->run(self->to_relay(std::move(up), {.fwd = method_pass          ? "method"
                                                        : self->script_pass_ ? "bypass"
                                                                             : "uri-miss",
                                                 .detail = detail}));
      },
      early_hints_forwarder(node_->config().cache.forward_early_hints ? client_ : nullptr));
  return RequestStep::parked;
}

// RFC 9111 §4.4: a successful unsafe request invalidates the target URI and the
// URIs in Location / Content-Location on the same host.
void RequestFlow::invalidate_after_unsafe(const http::response_header<>& answer) {
  node_->invalidate(primary_key_);
  std::string_view host = (*request_)[http::field::host];
  for (auto field : {http::field::location, http::field::content_location}) {
    const std::string_view target = same_origin_path(answer[field], host);
    if (!target.empty()) node_->invalidate(node_->keys().primary_key(host, target));
  }
  add(node_->metrics(), &NodeMetrics::invalidations);
}

RequestStep RequestFlow::to_relay(UpstreamExchangePtr upstream, CacheStatusNote note, UpstreamExchange::BodyTap tap,
                                  std::function<void(bool complete)> completed) {
  relay_ = {.upstream = std::move(upstream), .note = note, .tap = std::move(tap), .completed = std::move(completed)};
  return RequestStep::relay;
}

RequestStep RequestFlow::relay_step() {
  Relay r = std::move(relay_);
  relay_ = {};
  if (!client_) {
    if (r.completed) r.completed(false);
    return RequestStep::done;
  }
  if (script_ && script_->wants(ScriptHook::client_response) &&
      script_->client_response(*request_, r.upstream->mutable_header()) == FlowScript::Verdict::failed_closed) {
    if (r.completed) r.completed(false);
    return script_verdict_answer(int(FlowScript::Verdict::failed_closed));
  }
  const std::string name = node_->name();
  const bool child = from_child_node();
  const bool keep_alive = client_->keep_alive();
  auto edit = [name, note = r.note, child, keep_alive](http::response_header<>& h) {
    strip_hop_by_hop(h);
    std::string status(h["Cache-Status"]);
    if (!status.empty()) status += ", ";
    append_cache_status(status, name, note);
    h.set("Cache-Status", status);
    if (!child) h.erase("Surrogate-Control");
    if (!keep_alive) h.set(http::field::connection, "close");
  };
  if (is_head_) {
    Response head{static_cast<http::status>(r.upstream->header().result_int()), 11};
    for (const auto& f : r.upstream->header()) head.insert(f.name_string(), f.value());
    edit(head.base());
    head.chunked(false);  // a HEAD answer has no body: no last chunk either
    record_latency();
    client_->respond(std::move(head));  // no prepare_payload: Content-Length stays the GET's
    return RequestStep::done;
  }
  auto self = shared_from_this();
  r.upstream->relay(
      client_, edit,
      [self, completed = std::move(r.completed)](boost::system::error_code ec, std::uint64_t bytes, bool answered) {
        add(self->node_->metrics(), &NodeMetrics::bytes_out, bytes);
        if (completed) completed(!ec);
        if (!answered) {
          // Nothing reached the client yet: it gets a proper error.
          add(self->node_->metrics(), &NodeMetrics::upstream_errors);
          add(self->node_->metrics(), &NodeMetrics::errors);
          return self->run(self->to_synth(status_of(ec), upstream_error_message(ec)));
        }
        self->record_latency();
      },
      std::move(r.tap));
  return RequestStep::parked;
}

}  // namespace edgelab
