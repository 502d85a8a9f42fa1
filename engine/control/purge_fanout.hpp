#pragma once
// Sends one fleet purge to many nodes through their admin APIs, concurrently,
// and reports per node: acknowledged (with latency), failed (with why) or
// pending; then verifies, by asking each node whether anything the purge
// selects and that was cached before it is still there (or, for a soft
// purge, still fresh).
//
// Order: shields are purged and verified before edges, so an edge cannot
// refill from a shield that still holds the object. Retries back off
// exponentially. A node that answers "gap" (it missed earlier fleet purges,
// because it was down) gets them replayed from the backlog first.
#include "control/fanout_report.hpp"
#include "control/fleet.hpp"

#include <boost/asio/strand.hpp>

#include <functional>
#include <memory>

namespace edgelab {

struct FanoutOptions {
  int max_attempts = 4;
  std::chrono::milliseconds backoff{20};  // doubled after each failed attempt
  std::chrono::milliseconds request_timeout{2000};
  bool verify = true;
};

class PurgeFanout : public std::enable_shared_from_this<PurgeFanout> {
 public:
  PurgeFanout(net::any_io_executor ex, std::vector<FleetNode> fleet, FanoutOptions options = {});

  // `backlog`: journal entries before `purge`, oldest first, for catch-up.
  // Runs may follow one another (not overlap); connections stay open between them.
  void run(FleetPurge purge, std::vector<FleetPurge> backlog, std::function<void(FanoutReport)> done);

 private:
  struct NodeTask;
  void start_wave(int wave);
  void send(const std::shared_ptr<NodeTask>& task);
  void on_reply(const std::shared_ptr<NodeTask>& task, const AdminReply& reply);
  void retry_or_fail(const std::shared_ptr<NodeTask>& task, std::string why);
  void verify(const std::shared_ptr<NodeTask>& task);
  void node_done(const std::shared_ptr<NodeTask>& task);
  bool queue_missing(const std::shared_ptr<NodeTask>& task, std::uint64_t node_fleet_seq, std::string& error) const;
  double elapsed_ms() const;

  net::strand<net::any_io_executor> strand_;
  std::vector<FleetNode> fleet_;
  std::vector<std::shared_ptr<AdminChannel>> channels_;  // one kept connection per node
  FanoutOptions options_;
  FleetPurge purge_;
  std::vector<FleetPurge> backlog_;
  FanoutReport report_;
  std::function<void(FanoutReport)> done_;
  std::vector<std::shared_ptr<NodeTask>> tasks_;
  int wave_ = 0;
  std::size_t wave_remaining_ = 0;
  std::chrono::steady_clock::time_point started_;
};

// The body of POST /admin/v1/purge for a fleet purge.
std::string fleet_purge_body(const FleetPurge& purge, std::string_view source);
// GET /admin/v1/cache target asking for what `purge` should have removed
// from a node whose sequence for it is `node_seq`.
std::string verification_target(const FleetPurge& purge, std::uint64_t node_seq);

}  // namespace edgelab
