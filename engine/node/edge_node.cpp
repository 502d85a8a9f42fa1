#include "node/edge_node.hpp"

#include "admin/admin_api.hpp"
#include "admin/admin_token.hpp"
#include "admin/tls_context.hpp"
#include "metrics/kind_counter_export.hpp"
#include "node/fresh_hit_path.hpp"
#include "node/request_flow.hpp"

#include <boost/json.hpp>

namespace edgelab {

std::shared_ptr<EdgeNode> EdgeNode::create(net::io_context& ioc, NodeConfig config, std::string& error) {
  auto node = std::make_shared<EdgeNode>(ioc, std::move(config));
  if (node->config_.l2) {
    node->l2_ = DiskTier::open(*node->config_.l2, error);
    if (!node->l2_) {
      error = "l2: " + error;
      return nullptr;
    }
    PurgeState state;
    std::vector<PurgeRecord> recent;
    if (!node->l2_->load_purge_state(state, recent, PurgeLedger::kRecentLimit, error)) {
      error = "l2: reading the purge log: " + error;
      return nullptr;
    }
    node->purges_->restore(state, std::move(recent));
  }
  node->scripts_->restore();
  if (node->config_.admin) {
    const std::string& file = node->config_.admin->token_file;
    if (file.empty()) {
      node->admin_token_ = generate_admin_token();
    } else {
      auto token = load_or_create_admin_token(file, error);
      if (!token) {
        error = "admin.token_file: " + error;
        return nullptr;
      }
      node->admin_token_ = *token;
    }
    if (node->config_.admin->tls) {
      node->admin_tls_ = make_server_tls(*node->config_.admin->tls, error);
      if (!node->admin_tls_) {
        error = "admin.tls: " + error;
        return nullptr;
      }
    }
  }
  return node;
}

EdgeNode::EdgeNode(net::io_context& ioc, NodeConfig config)
    : ioc_(ioc),
      config_(std::move(config)),
      keys_(config_.cache.ignore_query_params),
      store_policy_{.cache_set_cookie = config_.cache.cache_set_cookie},
      l1_(config_.l1_max_bytes),
      hit_for_miss_(config_.cache.hit_for_miss) {
  std::string script_file = config_.script_file;
  if (script_file.empty() && config_.l2) script_file = config_.l2->path + ".script.json";
  scripts_ = std::make_unique<NodeScripts>(config_.name, events_, std::move(script_file));
  scripts_->geo.pop = config_.name;
  scripts_->geo.region = config_.region;
  if (config_.location) {
    scripts_->geo.lat = config_.location->first;
    scripts_->geo.lon = config_.location->second;
  }
  UpstreamLimits up;
  up.connect_timeout = config_.limits.upstream_connect_timeout;
  up.read_timeout = config_.limits.upstream_read_timeout;
  up.max_idle = config_.limits.upstream_max_idle;
  up.idle_timeout = config_.limits.upstream_idle_timeout;
  up.max_headers = config_.limits.upstream_max_headers;
  upstream_ = std::make_shared<UpstreamPool>(ioc_, config_.upstream, up);
  // Which origin misbehaves, and how, for the operator watching the events.
  upstream_->set_framing_observer(
      [events = events_, throttle = event_throttle_](UpstreamFramingError kind, const Endpoint& upstream) {
        const std::string name(kind_name(kind));
        if (auto count = throttle->admit("upstream." + name))
          events->publish("upstream_framing_error", {{"kind", name},
                                                     {"upstream", upstream.host + ":" + std::to_string(upstream.port)},
                                                     {"message", make_error_code(kind).message()},
                                                     {"count", count}});
      });
}

EdgeNode::~EdgeNode() = default;

boost::system::error_code EdgeNode::start() {
  started_at_ = std::chrono::steady_clock::now();
  ServerLimits limits;
  limits.header_bytes = config_.limits.header_bytes;
  limits.body_bytes = config_.limits.request_body_bytes;
  limits.header_timeout = config_.limits.header_timeout;
  limits.idle_timeout = config_.limits.idle_timeout;
  limits.send_timeout = config_.limits.send_timeout;
  limits.max_connections = config_.limits.max_connections;
  limits.max_headers = config_.limits.max_headers;
  limits.uri_bytes = config_.limits.uri_bytes;
  std::weak_ptr<EdgeNode> weak = weak_from_this();
  server_ = std::make_shared<HttpServer>(ioc_, limits, [weak](HttpExchangePtr exchange) {
    auto node = weak.lock();
    bool looked_up = false;
    if (!node || serve_fresh_l1_hit(*node, *exchange, looked_up)) return;
    auto flow = std::make_shared<RequestFlow>(node, std::move(exchange));
    if (looked_up) flow->l1_access_counted();
    flow->recv();
  });
  server_->set_bad_request_observer(
      [events = events_, throttle = event_throttle_](BadRequestKind kind, const net::ip::address& client) {
        const std::string name(kind_name(kind));
        if (auto count = throttle->admit("request." + name))
          events->publish("bad_request", {{"kind", name},
                                          {"client", client.to_string()},
                                          {"message", std::string(kind_text(kind))},
                                          {"count", count}});
      });
  if (auto ec = server_->listen(config_.listen)) return ec;
  if (config_.admin) {
    ServerLimits admin_limits;
    admin_limits.max_connections = 256;
    // A script may be 1 MiB (max_source_bytes): a larger one gets that error, not a bare 413.
    admin_limits.body_bytes = 2u << 20;
    admin_server_ = std::make_shared<HttpServer>(ioc_, admin_limits, [weak](HttpExchangePtr exchange) {
      if (auto node = weak.lock()) AdminApi::handle(*node, exchange);
    });
    if (admin_tls_) admin_server_->use_tls(admin_tls_);
    if (auto ec = admin_server_->listen(config_.admin->listen)) return ec;
  }
  // A purge-all acknowledged before a restart may not have been reclaimed yet.
  if (l2_ && purges_->state().hard_floor > 0) reclaim_l2(purges_->state().hard_floor);
  apply_l2_purges();  // purges recorded before a restart but not yet carried out
  events_->publish("node_state", {{"state", "serving"}, {"port", port()}});
  return {};
}

void EdgeNode::shutdown(std::function<void()> done) {
  events_->publish("node_state", {{"state", "draining"}});
  events_->close();
  auto remaining = std::make_shared<std::atomic<int>>(admin_server_ ? 2 : 1);
  auto self = shared_from_this();
  auto one_done = [remaining, done = std::move(done), self] {
    if (--*remaining == 0) {
      self->upstream_->close_idle();
      if (done) done();
    }
  };
  if (server_)
    server_->shutdown(one_done);
  else
    one_done();
  if (admin_server_) admin_server_->shutdown(one_done);
}

void EdgeNode::store(std::shared_ptr<CachedObject> object, std::uint64_t fetch_epoch) {
  object->purge_epoch = fetch_epoch;
  std::shared_lock lock(purges_->apply_mutex());
  // Fetched before a soft purge: kept, but as stale as the purge made everything else.
  const PurgeScreen screen = purges_->purged_since(*object, fetch_epoch);
  CachedObjectPtr kept = apply_screen(std::move(object), screen, purges_->seq());
  if (!kept) {
    add(metrics_, &NodeMetrics::stores_discarded);
    return;
  }
  if (!kept->vary_names.empty()) l1_.set_vary(kept->primary_key, kept->vary_names);
  l1_.insert(kept);
  if (l2_) l2_->async_store(kept);
}

CachedObjectPtr EdgeNode::lookup_l1(const RequestFields& request, const std::string& primary_key,
                                    std::string& variant_buffer, bool count_access) {
  std::string_view key = primary_key;
  if (auto vary = l1_.vary_of(primary_key)) {
    variant_key(primary_key, *vary, request, variant_buffer);
    key = variant_buffer;
  }
  auto object = l1_.lookup(primary_key, key, count_access);
  if (!object) return nullptr;
  return screened(std::move(object));
}

CachedObjectPtr EdgeNode::admit_from_l2(CachedObjectPtr object, std::uint64_t since) {
  std::shared_lock lock(purges_->apply_mutex());
  // Purges recorded in L2 but not yet carried out on its rows still apply.
  const PurgeScreen screen = purges_->judge(*object, since);
  object = apply_screen(std::move(object), screen, purges_->seq());
  if (!object) return nullptr;
  // Promote: the next request for it is an L1 hit.
  if (!object->vary_names.empty()) l1_.set_vary(object->primary_key, object->vary_names);
  l1_.insert(object);
  return object;
}

void EdgeNode::invalidate(const std::string& primary_key) {
  l1_.erase_all_variants(primary_key);
  if (l2_) l2_->async_erase_all_variants(primary_key);
}

std::string EdgeNode::prometheus_text() const {
  std::string extra;
  const std::string label = "{node=\"" + config_.name + "\"";
  // One family per call: its header, then a sample per tier (one unlabelled sample when the tier is "").
  // Cumulative counts are counters named ..._total; what can go down is a gauge.
  using Sample = std::pair<std::string_view, std::uint64_t>;
  auto family = [&](std::string_view type, std::string_view name, std::string_view help,
                    std::initializer_list<Sample> samples) {
    append_metric_header(extra, name, help, type);
    for (const auto& [tier, value] : samples) {
      extra += "edgelab_";
      extra += name;
      extra += label;
      if (!tier.empty()) {
        extra += ",tier=\"";
        extra += tier;
        extra += "\"";
      }
      extra += "} " + std::to_string(value) + "\n";
    }
  };
  auto gauge = [&](std::string_view name, std::string_view help, std::uint64_t value) {
    family("gauge", name, help, {Sample{"", value}});
  };
  auto counter = [&](std::string_view name, std::string_view help, std::uint64_t value) {
    family("counter", name, help, {Sample{"", value}});
  };
  const auto l1 = l1_.stats();
  if (l2_) {
    const auto l2 = l2_->stats();
    family("gauge", "cache_bytes", "Bytes held by a cache tier", {{"L1", l1.bytes}, {"L2", l2.bytes}});
    family("gauge", "cache_objects", "Objects held by a cache tier", {{"L1", l1.objects}, {"L2", l2.objects}});
    family("counter", "cache_evictions_total", "Objects evicted from a cache tier",
           {{"L1", l1.evictions}, {"L2", l2.evictions}});
    family("counter", "cache_corrupt_total", "Objects found corrupted on disk and dropped", {{"L2", l2.corrupt}});
    family("counter", "cache_io_errors_total", "Disk tier write or index failures", {{"L2", l2.io_errors}});
    family("counter", "cache_writes_dropped_total", "Stores dropped because the tier's write queue was full",
           {{"L2", l2.writes_dropped}});
  } else {
    family("gauge", "cache_bytes", "Bytes held by a cache tier", {{"L1", l1.bytes}});
    family("gauge", "cache_objects", "Objects held by a cache tier", {{"L1", l1.objects}});
    family("counter", "cache_evictions_total", "Objects evicted from a cache tier", {{"L1", l1.evictions}});
  }
  if (server_) {
    const auto& sc = server_->counters();
    gauge("connections_open", "Client connections open", static_cast<std::uint64_t>(sc.connections_open.load()));
    counter("connections_rejected_total", "Connections refused at the connection cap", sc.connections_rejected);
    counter("request_timeouts_total", "Requests that did not arrive within the header timeout", sc.request_timeouts);
  }
  const auto& uc = upstream_->counters();
  counter("upstream_connects_total", "Upstream connections opened", uc.connects);
  counter("upstream_reuses_total", "Requests sent on a pooled upstream connection", uc.reuses);
  counter("upstream_retries_total", "Retries on a fresh connection after a pooled one was closed by the peer",
          uc.retries);
  counter("upstream_failures_total", "Upstream connects, writes or header reads that failed", uc.failures);
  gauge("coalescing_inflight", "Upstream fetches with a waiting list", coalescer_.inflight());
  counter("upstream_idle_closed_total", "Pooled upstream connections the peer closed", uc.idle_closed);
  counter("upstream_idle_expired_total", "Pooled upstream connections closed after the idle timeout", uc.idle_expired);
  counter("upstream_interim_responses_total", "1xx interim responses consumed from upstream", uc.interim_responses);
  gauge("upstream_idle_connections", "Upstream connections in the pool", upstream_->idle_count());
  append_kind_counters(extra, "upstream_framing_errors_total",
                       "Upstream responses refused or connections dropped for their framing", label, uc.framing);
  if (server_)
    append_kind_counters(extra, "bad_requests_total", "Client requests refused, by why", label,
                         server_->counters().bad_request_kinds);
  scripts_->append_prometheus(extra, label);
  return metrics_.prometheus(config_.name, extra);
}

std::string EdgeNode::stats_json() const {
  boost::json::object o;
  o["node"] = config_.name;
  o["counters"] = boost::json::parse(metrics_.json());
  auto l1 = l1_.stats();
  o["l1"] = {{"bytes", l1.bytes}, {"objects", l1.objects}, {"evictions", l1.evictions}, {"max_bytes", l1_.max_bytes()}};
  if (l2_) {
    auto l2 = l2_->stats();
    o["l2"] = {{"bytes", l2.bytes},
               {"objects", l2.objects},
               {"evictions", l2.evictions},
               {"corrupt", l2.corrupt},
               {"max_bytes", l2_->max_bytes()}};
  }
  o["upstream_framing_errors"] = kind_counts_json(upstream_->counters().framing);
  if (server_) o["bad_requests"] = kind_counts_json(server_->counters().bad_request_kinds);
  return boost::json::serialize(o);
}

}  // namespace edgelab
