#include "control/purge_fanout.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/json.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace edgelab {
namespace json = boost::json;

struct PurgeFanout::NodeTask {
  std::size_t index = 0;  // into report_.nodes and fleet_
  std::vector<FleetPurge> queue;  // replays first, then the purge itself
  int gaps = 0;
  std::unique_ptr<net::steady_timer> timer;
};

std::string fleet_purge_body(const FleetPurge& purge, std::string_view source) {
  return json::serialize(json::object{{"kind", to_string(purge.kind)},
                                      {"value", purge.value},
                                      {"soft", purge.soft},
                                      {"fleet_seq", purge.fleet_seq},
                                      {"source", source}});
}

std::string verification_target(const FleetPurge& purge, std::uint64_t node_seq) {
  std::string target = "/admin/v1/cache?limit=1&before_seq=" + std::to_string(node_seq);
  if (purge.soft) target += "&fresh=1";
  if (purge.kind != PurgeKind::all) {
    target += "&";
    target += to_string(purge.kind);
    target += "=";
    target += boost::urls::encode(purge.value, boost::urls::unreserved_chars);
  }
  return target;
}

PurgeFanout::PurgeFanout(net::any_io_executor ex, std::vector<FleetNode> fleet, FanoutOptions options)
    : strand_(net::make_strand(std::move(ex))), fleet_(std::move(fleet)), options_(options) {
  for (const auto& node : fleet_) channels_.push_back(std::make_shared<AdminChannel>(strand_, node.endpoint));
}

double PurgeFanout::elapsed_ms() const {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_).count();
}

void PurgeFanout::run(FleetPurge purge, std::vector<FleetPurge> backlog, std::function<void(FanoutReport)> done) {
  net::dispatch(strand_, [self = shared_from_this(), purge = std::move(purge), backlog = std::move(backlog),
                          done = std::move(done)]() mutable {
    self->started_ = std::chrono::steady_clock::now();
    self->purge_ = std::move(purge);
    self->backlog_ = std::move(backlog);
    self->done_ = std::move(done);
    self->report_ = {};
    self->report_.purge = self->purge_;
    self->report_.verifying = self->options_.verify;
    for (const auto& node : self->fleet_) self->report_.nodes.push_back({.name = node.name, .role = node.role});
    self->start_wave(0);
  });
}

void PurgeFanout::start_wave(int wave) {
  wave_ = wave;
  tasks_.clear();
  for (std::size_t i = 0; i < fleet_.size(); ++i) {
    if (fleet_[i].wave() != wave) continue;
    auto task = std::make_shared<NodeTask>();
    task->index = i;
    task->queue.push_back(purge_);
    task->timer = std::make_unique<net::steady_timer>(strand_);
    tasks_.push_back(task);
  }
  wave_remaining_ = tasks_.size();
  if (tasks_.empty()) {
    if (wave == 0) return start_wave(1);
    report_.total_ms = elapsed_ms();
    return done_(std::move(report_));
  }
  for (const auto& task : std::vector(tasks_)) send(task);
}

void PurgeFanout::send(const std::shared_ptr<NodeTask>& task) {
  auto& node = report_.nodes[task->index];
  ++node.attempts;
  const FleetPurge& next = task->queue.front();
  channels_[task->index]->request(
      http::verb::post, "/admin/v1/purge",
      fleet_purge_body(next, next.fleet_seq == purge_.fleet_seq ? "ctl" : "ctl-replay"), options_.request_timeout,
      [self = shared_from_this(), task](AdminReply reply) { self->on_reply(task, reply); });
}

bool PurgeFanout::queue_missing(const std::shared_ptr<NodeTask>& task, std::uint64_t have, std::string& error) const {
  std::vector<FleetPurge> missing;
  for (const auto& entry : backlog_)
    if (entry.fleet_seq > have && entry.fleet_seq < task->queue.back().fleet_seq) missing.push_back(entry);
  const std::uint64_t needed = task->queue.back().fleet_seq - have - 1;
  if (missing.size() != needed) {
    error = "node is at fleet purge " + std::to_string(have) + " and the journal no longer holds all after it";
    return false;
  }
  missing.push_back(task->queue.back());
  task->queue = std::move(missing);
  return true;
}

void PurgeFanout::on_reply(const std::shared_ptr<NodeTask>& task, const AdminReply& reply) {
  auto& node = report_.nodes[task->index];
  if (reply.ok()) {
    const FleetPurge done_entry = task->queue.front();
    task->queue.erase(task->queue.begin());
    if (!task->queue.empty()) {
      ++node.replayed;
      return send(task);
    }
    boost::system::error_code ec;
    json::value body = json::parse(reply.body, ec);
    const json::object* o = ec ? nullptr : body.if_object();
    if (!o || !o->if_contains("seq")) {
      node.state = NodePurgeReport::State::failed;
      node.error = "acknowledged with an unreadable body";
      return node_done(task);
    }
    node.state = NodePurgeReport::State::acknowledged;
    node.ack_ms = elapsed_ms();
    node.node_seq = (*o).at("seq").to_number<std::uint64_t>();
    node.duplicate = o->if_contains("status") && o->at("status") == "duplicate";
    if (auto* inv = o->if_contains("invalidated"); inv && inv->is_object()) {
      node.l1 = inv->as_object().at("L1").to_number<std::uint64_t>();
      node.l2 = inv->as_object().at("L2").to_number<std::uint64_t>();
    }
    if (!options_.verify) return node_done(task);
    return verify(task);
  }
  if (reply.status == 409 && task->gaps++ < 2) {
    boost::system::error_code ec;
    json::value body = json::parse(reply.body, ec);
    const json::value* have = ec || !body.is_object() ? nullptr : body.as_object().if_contains("fleet_seq");
    std::string error;
    if (!have || !have->is_number() || !queue_missing(task, have->to_number<std::uint64_t>(), error)) {
      node.state = NodePurgeReport::State::failed;
      node.error = error.empty() ? "gap answer without fleet_seq" : error;
      return node_done(task);
    }
    return send(task);
  }
  if (reply.error || reply.status >= 500) return retry_or_fail(task, reply.describe());
  node.state = NodePurgeReport::State::failed;  // 4xx: retrying will not help
  node.error = reply.describe();
  node_done(task);
}

void PurgeFanout::retry_or_fail(const std::shared_ptr<NodeTask>& task, std::string why) {
  auto& node = report_.nodes[task->index];
  if (node.attempts >= options_.max_attempts) {
    node.state = NodePurgeReport::State::failed;
    node.error = why + " (after " + std::to_string(node.attempts) + " attempts)";
    return node_done(task);
  }
  task->timer->expires_after(options_.backoff * (1 << (node.attempts - 1)));
  task->timer->async_wait([self = shared_from_this(), task](boost::system::error_code) { self->send(task); });
}

void PurgeFanout::verify(const std::shared_ptr<NodeTask>& task) {
  auto& node = report_.nodes[task->index];
  channels_[task->index]->request(
      http::verb::get, verification_target(purge_, node.node_seq), {}, options_.request_timeout,
      [self = shared_from_this(), task](AdminReply reply) {
        auto& n = self->report_.nodes[task->index];
        n.verified_ms = self->elapsed_ms();
        boost::system::error_code ec;
        json::value body = reply.ok() ? json::parse(reply.body, ec) : json::value();
        const json::object* tiers = nullptr;
        if (reply.ok() && !ec && body.is_object())
          if (auto* t = body.as_object().if_contains("tiers")) tiers = t->if_object();
        if (!tiers) {
          n.verify_detail = "verification failed: " + reply.describe();
          return self->node_done(task);
        }
        n.verified = NodePurgeReport::Verified::evicted;
        for (const auto& [tier, page] : *tiers) {
          const json::value* entries = page.is_object() ? page.as_object().if_contains("entries") : nullptr;
          if (!entries || !entries->is_array() || entries->as_array().empty()) continue;
          n.verified = NodePurgeReport::Verified::still_cached;
          const json::value& first = entries->as_array().front();
          n.verify_detail = "still in " + std::string(tier) + ": " +
                            (first.is_object() && first.as_object().if_contains("key")
                                 ? std::string(first.as_object().at("key").as_string())
                                 : std::string("?"));
        }
        self->node_done(task);
      });
}

void PurgeFanout::node_done(const std::shared_ptr<NodeTask>& task) {
  task->timer->cancel();
  if (--wave_remaining_ > 0) return;
  if (wave_ == 0) return start_wave(1);
  report_.total_ms = elapsed_ms();
  auto done = std::move(done_);
  done(std::move(report_));
}

}  // namespace edgelab
