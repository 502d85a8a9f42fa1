#pragma once
// Catch-up for nodes that were down during fleet purges: read each node's
// status, replay the journal entries after its fleet sequence in order, and
// only then report it healthy. Also the status table of `edgelabd ctl status`.
#include "control/fanout_report.hpp"
#include "control/fleet.hpp"

#include <boost/asio/strand.hpp>

#include <functional>
#include <memory>

namespace edgelab {

// GET `target` from every node at once; replies in fleet order.
void query_fleet(net::any_io_executor ex, const std::vector<FleetNode>& fleet, std::string target,
                 std::chrono::milliseconds timeout, std::function<void(std::vector<AdminReply>)> done);

class FleetSync : public std::enable_shared_from_this<FleetSync> {
 public:
  FleetSync(net::any_io_executor ex, std::vector<FleetNode> fleet,
            std::chrono::milliseconds timeout = std::chrono::milliseconds(2000));
  // `journal`: the controller's entries, oldest first; `head`: the newest sequence.
  void run(std::vector<FleetPurge> journal, std::uint64_t head, std::function<void(std::vector<NodeSyncReport>)> done);

 private:
  void replay_next(std::size_t index);
  void node_done();

  net::strand<net::any_io_executor> strand_;
  std::vector<FleetNode> fleet_;
  std::chrono::milliseconds timeout_;
  std::vector<FleetPurge> journal_;
  std::uint64_t head_ = 0;
  std::vector<NodeSyncReport> reports_;
  std::vector<std::vector<FleetPurge>> pending_;  // per node: what is left to replay
  std::size_t remaining_ = 0;
  std::function<void(std::vector<NodeSyncReport>)> done_;
};

}  // namespace edgelab
