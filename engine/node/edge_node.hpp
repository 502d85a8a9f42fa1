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
#include "tiers/disk_tier.hpp"
#include "tiers/memory_tier.hpp"

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

  // Stores in L1 (and L2 when configured).
  void store(const CachedObjectPtr& object);
  // Drops every variant of a URL from all tiers (RFC 9111 §4.4 invalidation).
  void invalidate(const std::string& primary_key);

  // The admin API's bearer token (from admin.token_file, or generated in
  // memory when no file is configured).
  const std::string& admin_token() const { return admin_token_; }

  std::string prometheus_text() const;
  std::string stats_json() const;

 private:
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
};

}  // namespace edgelab
