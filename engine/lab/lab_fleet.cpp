#include "lab/lab_fleet.hpp"

#include "core/wall_clock.hpp"

#include <boost/json.hpp>

#include <future>
#include <random>

namespace edgelab {
namespace fs = std::filesystem;

namespace {

fs::path make_state_dir(std::string& error) {
  std::random_device random;
  for (int attempt = 0; attempt < 8; ++attempt) {
    fs::path dir = fs::temp_directory_path() / ("edgelab-lab-" + std::to_string(random()));
    std::error_code ec;
    if (fs::create_directory(dir, ec)) return dir;
  }
  error = "cannot create a state directory under " + fs::temp_directory_path().string();
  return {};
}

}  // namespace

LabFleet::LabFleet(const LabFleetOptions& options) : options_(options), pool_(std::max(1u, options.threads)) {}

LabFleet::~LabFleet() {
  for (auto& n : nodes_) {
    if (n.uplink) n.uplink->close();
    std::promise<void> stopped;
    n.node->shutdown([&stopped] { stopped.set_value(); });
    stopped.get_future().wait_for(std::chrono::seconds(5));
  }
  if (origin_) {
    std::promise<void> stopped;
    origin_->shutdown([&stopped] { stopped.set_value(); });
    stopped.get_future().wait_for(std::chrono::seconds(5));
  }
  pool_.stop();
  nodes_.clear();
  if (owns_state_dir_) {
    std::error_code ec;
    fs::remove_all(state_dir_, ec);
  }
}

std::unique_ptr<LabFleet> LabFleet::start(const Topology& topology, const LabFleetOptions& options,
                                          std::string& error) {
  const auto started = std::chrono::steady_clock::now();
  auto fleet = std::make_unique<LabFleet>(options);
  fleet->state_dir_ = options.state_dir;
  if (fleet->state_dir_.empty()) {
    fleet->state_dir_ = make_state_dir(error);
    if (fleet->state_dir_.empty()) return nullptr;
    fleet->owns_state_dir_ = true;
  }
  fleet->origin_ = std::make_shared<SyntheticOrigin>(fleet->pool_.context());
  if (auto ec = fleet->origin_->listen({"127.0.0.1", 0})) {
    error = "origin: " + ec.message();
    return nullptr;
  }
  fleet->origin_region_ = topology.origin;

  // A link from `from` towards an upstream listening on `port` in `to`.
  auto link_to = [&](const Region& from, const Region& to, std::uint16_t port) -> std::shared_ptr<WanLink> {
    auto link = std::make_shared<WanLink>(fleet->pool_.context(), Endpoint{"127.0.0.1", port},
                                          options.wan.one_way(from.at, to.at), options.link_idle_timeout);
    if (auto ec = link->listen()) {
      error = "link " + from.name + " -> " + to.name + ": " + ec.message();
      return nullptr;
    }
    return link;
  };
  for (const auto& s : topology.shields) {
    LabNode n{LabNode::Role::shield, "shield-" + s.region->name, s.region, "origin"};
    n.uplink = link_to(*s.region, *topology.origin, fleet->origin_->port());
    if (!n.uplink) return nullptr;
    n.node = fleet->start_node(n.name, *s.region, n.uplink->port(), s.l1_bytes, s.l2_bytes, n.token_file, error);
    if (!n.node) return nullptr;
    fleet->nodes_.push_back(std::move(n));
  }
  for (const auto& p : topology.pops) {
    LabNode n{LabNode::Role::pop, "edge-" + p.region->name, p.region};
    n.capacity_rps = p.capacity_rps;
    if (p.shield) {
      const LabNode& shield = fleet->nodes_[*p.shield];
      n.upstream_name = shield.name;
      n.uplink = link_to(*p.region, *shield.region, shield.node->port());
    } else {
      n.upstream_name = "origin";
      n.uplink = link_to(*p.region, *topology.origin, fleet->origin_->port());
    }
    if (!n.uplink) return nullptr;
    n.node = fleet->start_node(n.name, *p.region, n.uplink->port(), p.l1_bytes, p.l2_bytes, n.token_file, error);
    if (!n.node) return nullptr;
    fleet->nodes_.push_back(std::move(n));
  }
  fleet->startup_time_ =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
  return fleet;
}

std::shared_ptr<EdgeNode> LabFleet::start_node(const std::string& name, const Region& region,
                                               std::uint16_t upstream_port, std::uint64_t l1_bytes,
                                               std::uint64_t l2_bytes, std::string& token_file, std::string& error,
                                               std::uint16_t port, std::uint16_t admin_port) {
  NodeConfig c;
  c.name = name;
  c.region = region.name;
  c.location = std::pair{region.at.lat, region.at.lon};
  c.listen = {"127.0.0.1", port};
  c.upstream = {"127.0.0.1", upstream_port};
  c.limits.upstream_idle_timeout = options_.upstream_idle_timeout;
  c.trust_user_city_header = true;
  c.l1_max_bytes = l1_bytes;
  if (l2_bytes > 0) c.l2 = DiskTierConfig{(state_dir_ / (name + "-l2")).string(), l2_bytes};
  token_file = (state_dir_ / (name + ".token")).string();
  c.admin = AdminConfig{{"127.0.0.1", admin_port}, token_file};
  auto node = EdgeNode::create(pool_.context(), c, error);
  if (!node) {
    error = name + ": " + error;
    return nullptr;
  }
  if (auto ec = node->start()) {
    error = name + ": cannot listen: " + ec.message();
    return nullptr;
  }
  return node;
}

const LabNode* LabFleet::find(std::string_view name) const {
  for (const auto& n : nodes_)
    if (n.name == name) return &n;
  return nullptr;
}

std::string LabFleet::nodes_json() const {
  boost::json::array list;
  for (const auto& n : nodes_)
    list.push_back(boost::json::object{{"name", n.name},
                                       {"admin_url", "http://127.0.0.1:" + std::to_string(n.node->admin_port())},
                                       {"token_file", n.token_file},
                                       {"role", n.role == LabNode::Role::shield ? "shield" : "edge"}});
  return boost::json::serialize(list);
}

std::shared_ptr<EdgeNode> LabFleet::node_of(std::size_t index) const {
  std::lock_guard lock(nodes_mutex_);
  return index < nodes_.size() ? nodes_[index].node : nullptr;
}

LabNode* LabFleet::find_mutable(std::string_view name, std::string& error) {
  for (auto& n : nodes_)
    if (n.name == name) return &n;
  error = "no node \"" + std::string(name) + "\"";
  return nullptr;
}

void LabFleet::record_event(std::string what, std::string target, std::string detail) {
  std::lock_guard lock(events_mutex_);
  events_.push_back({unix_millis(), std::move(what), std::move(target), std::move(detail)});
}

std::vector<LabEvent> LabFleet::events() const {
  std::lock_guard lock(events_mutex_);
  return events_;
}

bool LabFleet::kill(std::string_view name, std::string& error) {
  LabNode* n = find_mutable(name, error);
  if (!n) return false;
  std::promise<void> stopped;
  n->node->shutdown([&stopped] { stopped.set_value(); });
  stopped.get_future().wait_for(std::chrono::seconds(5));
  record_event("kill", n->name, "data and admin ports closed");
  return true;
}

bool LabFleet::revive(std::string_view name, std::string& error) {
  LabNode* n = find_mutable(name, error);
  if (!n) return false;
  const auto& c = n->node->config();
  const std::uint16_t port = n->node->port(), admin_port = n->node->admin_port();
  auto node = start_node(n->name, *n->region, n->uplink->port(), c.l1_max_bytes, c.l2 ? c.l2->max_bytes : 0,
                         n->token_file, error, port, admin_port);
  if (!node) return false;
  {
    std::lock_guard lock(nodes_mutex_);
    n->node = std::move(node);
  }
  record_event("revive", n->name, "back on port " + std::to_string(port));
  return true;
}

void LabFleet::origin_slow(std::chrono::milliseconds extra) {
  origin_->set_extra_delay_ms(static_cast<unsigned>(extra.count()));
  record_event("origin_slow", "origin", "+" + std::to_string(extra.count()) + " ms per response");
}

void LabFleet::origin_down(bool down) {
  origin_->set_forced_status(down ? 503 : 0);
  record_event(down ? "origin_down" : "origin_up", "origin", down ? "answers 503" : "answers normally");
}

bool LabFleet::cut_uplink(std::string_view name, bool cut, std::string& error) {
  LabNode* n = find_mutable(name, error);
  if (!n) return false;
  n->uplink->set_cut(cut);
  record_event(cut ? "cut" : "restore", n->name, "link to " + n->upstream_name);
  return true;
}

bool LabFleet::set_uplink_delay(std::string_view name, std::chrono::microseconds one_way, std::string& error) {
  LabNode* n = find_mutable(name, error);
  if (!n) return false;
  n->uplink->set_delay(one_way);
  record_event("link_delay", n->name, "one way " + std::to_string(one_way.count() / 1000) + " ms to " + n->upstream_name);
  return true;
}

}  // namespace edgelab
