#pragma once
// A caching edge node: the data-plane listener, its tiers (L1 memory, L2 disk),
// the upstream (a parent node or the origin), coalescing, metrics, and the
// admin listener (/health, /metrics). Requests run through RequestFlow.
#include "cache/cache_key.hpp"
#include "cache/coalescer.hpp"
#include "cache/hit_for_miss.hpp"
#include "core/node_config.hpp"
#include "http/http_server.hpp"
#include "http/upstream_pool.hpp"
#include "metrics/node_metrics.hpp"
#include "node/node_scripts.hpp"
#include "purge/purge_ledger.hpp"
#include "tiers/disk_tier.hpp"
#include "tiers/memory_tier.hpp"

#include "admin/event_bus.hpp"
#include "admin/event_throttle.hpp"

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

namespace edgelab {

class EdgeNode : public std::enable_shared_from_this<EdgeNode> {
 public:
  // Opens the tiers; the node does not listen until start().
  static std::shared_ptr<EdgeNode> create(net::io_context& ioc, NodeConfig config, std::string& error);
  EdgeNode(net::io_context& ioc, NodeConfig config);
  ~EdgeNode();

  boost::system::error_code start();
  // Graceful: stops accepting, lets in-flight requests finish, then `done`.
  void shutdown(std::function<void()> done = {});

  std::uint16_t port() const { return server_ ? server_->port() : 0; }
  std::uint16_t admin_port() const { return admin_server_ ? admin_server_->port() : 0; }
  const NodeConfig& config() const { return config_; }
  const std::string& name() const { return config_.name; }

  NodeMetrics& metrics() { return metrics_; }
  MemoryTier& l1() { return l1_; }
  DiskTier* l2() { return l2_.get(); }
  Coalescer& coalescer() { return coalescer_; }
  HitForMiss& hit_for_miss() { return hit_for_miss_; }
  UpstreamPool& upstream() { return *upstream_; }
  std::shared_ptr<UpstreamPool> upstream_ptr() { return upstream_; }
  const CacheKeyBuilder& keys() const { return keys_; }
  const StorePolicy& store_policy() const { return store_policy_; }
  std::chrono::steady_clock::time_point started_at() const { return started_at_; }

  // Stores in L1 (and L2 when configured), unless a purge applied after its
  // fetch began (`fetch_epoch`, the purge sequence then) selects it.
  void store(std::shared_ptr<CachedObject> object, std::uint64_t fetch_epoch);
  // Drops every variant of a URL from all tiers (RFC 9111 §4.4 invalidation).
  void invalidate(const std::string& primary_key);

  // The L1 object for a request (its Vary variant), screened against
  // purge-all; `variant_buffer` holds the variant key when there is one.
  // `count_access`: whether this lookup is the request's first (the admission
  // sketch counts each request once).
  CachedObjectPtr lookup_l1(const RequestFields& request, const std::string& primary_key, std::string& variant_buffer,
                            bool count_access = true);
  // An object read from L2 by a lookup that began at purge sequence `since`:
  // screened, promoted to L1, or null when a purge has removed it since.
  CachedObjectPtr admit_from_l2(CachedObjectPtr object, std::uint64_t since);

  // Applies a purge to every tier; `done` runs on `ex` once it is durable.
  void purge(PurgeRequest request, net::any_io_executor ex, std::function<void(PurgeOutcome)> done);
  PurgeLedger& purges() { return *purges_; }
  std::shared_ptr<PurgeLedger> purges_ptr() { return purges_; }
  EventBus& events() { return *events_; }
  NodeScripts& scripts() { return *scripts_; }
  // Fault injection for tests: acknowledge purges without applying them.
  void set_fault_ack_purges_without_applying(bool on) { fault_skip_purges_ = on; }

  // The admin API's bearer token (from admin.token_file, or generated in
  // memory when no file is configured).
  const std::string& admin_token() const { return admin_token_; }

  std::string prometheus_text() const;
  std::string stats_json() const;

 private:
  CachedObjectPtr screened(CachedObjectPtr object);
  void reclaim_purged(std::uint64_t floor);
  void reclaim_l2(std::uint64_t floor);
  // Carries out purges recorded in L2 on its rows, in batches, in the background.
  void apply_l2_purges();
  void apply_l2_purges_step();
  void on_purge_applied(const PurgeRecord& record, std::chrono::steady_clock::time_point started);

  net::io_context& ioc_;
  NodeConfig config_;
  CacheKeyBuilder keys_;
  StorePolicy store_policy_;
  MemoryTier l1_;
  std::unique_ptr<DiskTier> l2_;
  Coalescer coalescer_;
  HitForMiss hit_for_miss_;
  NodeMetrics metrics_;
  std::shared_ptr<UpstreamPool> upstream_;
  std::shared_ptr<HttpServer> server_;
  std::shared_ptr<HttpServer> admin_server_;
  std::chrono::steady_clock::time_point started_at_;
  std::string admin_token_;
  std::shared_ptr<boost::asio::ssl::context> admin_tls_;
  std::shared_ptr<PurgeLedger> purges_ = std::make_shared<PurgeLedger>();
  std::atomic<bool> applying_purges_{false};
  std::atomic<std::uint64_t> apply_requests_{0};
  std::shared_ptr<EventBus> events_ = std::make_shared<EventBus>();
  std::shared_ptr<EventThrottle> event_throttle_ = std::make_shared<EventThrottle>();
  std::atomic<bool> fault_skip_purges_{false};
  std::unique_ptr<NodeScripts> scripts_;
};

}  // namespace edgelab
