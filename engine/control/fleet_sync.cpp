#include "control/fleet_sync.hpp"

#include "control/purge_fanout.hpp"

#include <boost/json.hpp>

namespace edgelab {
namespace json = boost::json;

void query_fleet(net::any_io_executor ex, const std::vector<FleetNode>& fleet, std::string target,
                 std::chrono::milliseconds timeout, std::function<void(std::vector<AdminReply>)> done) {
  auto strand = net::make_strand(ex);
  struct State {
    std::vector<AdminReply> replies;
    std::size_t remaining;
    std::function<void(std::vector<AdminReply>)> done;
  };
  auto state = std::make_shared<State>(State{std::vector<AdminReply>(fleet.size()), fleet.size(), std::move(done)});
  if (fleet.empty()) return net::post(strand, [state] { state->done({}); });
  for (std::size_t i = 0; i < fleet.size(); ++i)
    AdminClient::request(strand, fleet[i].endpoint, http::verb::get, target, {}, timeout,
                         [state, i](AdminReply reply) {
                           state->replies[i] = std::move(reply);
                           if (--state->remaining == 0) state->done(std::move(state->replies));
                         });
}

FleetSync::FleetSync(net::any_io_executor ex, std::vector<FleetNode> fleet, std::chrono::milliseconds timeout)
    : strand_(net::make_strand(std::move(ex))), fleet_(std::move(fleet)), timeout_(timeout) {}

void FleetSync::run(std::vector<FleetPurge> journal, std::uint64_t head,
                    std::function<void(std::vector<NodeSyncReport>)> done) {
  journal_ = std::move(journal);
  head_ = head;
  done_ = std::move(done);
  reports_.assign(fleet_.size(), {});
  pending_.assign(fleet_.size(), {});
  remaining_ = fleet_.size();
  query_fleet(strand_, fleet_, "/admin/v1/status", timeout_, [self = shared_from_this()](std::vector<AdminReply> all) {
    net::dispatch(self->strand_, [self, all = std::move(all)] {
      for (std::size_t i = 0; i < all.size(); ++i) {
        auto& r = self->reports_[i];
        r.name = self->fleet_[i].name;
        r.role = self->fleet_[i].role;
        boost::system::error_code ec;
        json::value body = all[i].ok() ? json::parse(all[i].body, ec) : json::value();
        if (!all[i].ok() || ec || !body.is_object()) {
          r.error = all[i].describe();
          continue;
        }
        r.reachable = true;
        r.status = body.as_object();
        const json::value* seq = r.status.if_contains("fleet_seq");
        r.fleet_seq_before = r.fleet_seq_after = seq && seq->is_number() ? seq->to_number<std::uint64_t>() : 0;
        for (const auto& entry : self->journal_)
          if (entry.fleet_seq > r.fleet_seq_before) self->pending_[i].push_back(entry);
        const std::uint64_t needed = self->head_ > r.fleet_seq_before ? self->head_ - r.fleet_seq_before : 0;
        if (self->pending_[i].size() != needed) {
          r.error = "journal no longer holds every purge after " + std::to_string(r.fleet_seq_before);
          self->pending_[i].clear();
        }
      }
      if (self->fleet_.empty()) return self->done_({});
      for (std::size_t i = 0; i < self->fleet_.size(); ++i) self->replay_next(i);
    });
  });
}

void FleetSync::replay_next(std::size_t index) {
  if (pending_[index].empty()) return node_done();
  const FleetPurge next = pending_[index].front();
  AdminClient::request(strand_, fleet_[index].endpoint, http::verb::post, "/admin/v1/purge",
                       fleet_purge_body(next, "ctl-replay"), timeout_,
                       [self = shared_from_this(), index, seq = next.fleet_seq](AdminReply reply) {
                         auto& r = self->reports_[index];
                         if (!reply.ok()) {
                           r.error = "replaying fleet purge " + std::to_string(seq) + ": " + reply.describe();
                           self->pending_[index].clear();
                           return self->node_done();
                         }
                         ++r.replayed;
                         r.fleet_seq_after = seq;
                         self->pending_[index].erase(self->pending_[index].begin());
                         self->replay_next(index);
                       });
}

void FleetSync::node_done() {
  if (--remaining_ > 0) return;
  auto done = std::move(done_);
  done(std::move(reports_));
}

}  // namespace edgelab
