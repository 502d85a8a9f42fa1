#include "lab/lab_fleet.hpp"

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
                                          options.wan.one_way(from.at, to.at));
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
                                               std::uint64_t l2_bytes, std::string& token_file, std::string& error) {
  NodeConfig c;
  c.name = name;
  c.region = region.name;
  c.location = std::pair{region.at.lat, region.at.lon};
  c.listen = {"127.0.0.1", 0};
  c.upstream = {"127.0.0.1", upstream_port};
  c.l1_max_bytes = l1_bytes;
  if (l2_bytes > 0) c.l2 = DiskTierConfig{(state_dir_ / (name + "-l2")).string(), l2_bytes};
  token_file = (state_dir_ / (name + ".token")).string();
  c.admin = AdminConfig{{"127.0.0.1", 0}, token_file};
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

}  // namespace edgelab
