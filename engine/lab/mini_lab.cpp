#include "lab/mini_lab.hpp"

#include "http/blocking_client.hpp"

#include <future>
#include <random>
#include <sstream>

namespace edgelab {
namespace {

NodeConfig node_config(std::string name, std::uint16_t upstream_port) {
  NodeConfig c;
  c.name = std::move(name);
  c.listen = {"127.0.0.1", 0};
  c.upstream = {"127.0.0.1", upstream_port};
  c.l1_max_bytes = 16ull << 20;
  return c;
}

}  // namespace

MiniLab::MiniLab(const MiniLabOptions& options) : options_(options), pool_(options.threads) {}

std::unique_ptr<MiniLab> MiniLab::start(const MiniLabOptions& options, std::string& error) {
  auto lab = std::make_unique<MiniLab>(options);
  auto& ioc = lab->pool_.context();
  if (lab->options_.state_dir.empty()) {
    lab->options_.state_dir =
        std::filesystem::temp_directory_path() / ("edgelab-lab-" + std::to_string(std::random_device{}()));
    lab->owns_state_dir_ = true;
  }
  lab->origin_ = std::make_shared<SyntheticOrigin>(ioc);
  if (auto ec = lab->origin_->listen({"127.0.0.1", 0})) {
    error = "origin: " + ec.message();
    return nullptr;
  }
  auto shield_config = node_config("shield", lab->origin_->port());
  shield_config.l2 = DiskTierConfig{(lab->options_.state_dir / "shield-l2").string(), 256ull << 20};
  lab->shield_ = EdgeNode::create(ioc, shield_config, error);
  if (!lab->shield_) return nullptr;
  if (auto ec = lab->shield_->start()) {
    error = "shield: " + ec.message();
    return nullptr;
  }
  for (int i = 0; i < options.edges; ++i) {
    auto edge = EdgeNode::create(ioc, node_config("edge-" + std::to_string(i + 1), lab->shield_->port()), error);
    if (!edge) return nullptr;
    if (auto ec = edge->start()) {
      error = "edge: " + ec.message();
      return nullptr;
    }
    lab->edges_.push_back(std::move(edge));
  }
  return lab;
}

MiniLab::~MiniLab() {
  std::vector<std::future<void>> drained;
  auto stop = [&drained](auto& server) {
    if (!server) return;
    auto done = std::make_shared<std::promise<void>>();
    drained.push_back(done->get_future());
    server->shutdown([done] { done->set_value(); });
  };
  for (auto& e : edges_) stop(e);
  stop(shield_);
  stop(origin_);
  for (auto& f : drained) f.wait_for(std::chrono::seconds(5));
  pool_.stop();
  edges_.clear();
  shield_.reset();
  origin_.reset();
  if (owns_state_dir_) {
    std::error_code ec;
    std::filesystem::remove_all(options_.state_dir, ec);
  }
}

MiniLabReport MiniLab::run_traffic() {
  MiniLabReport report;
  std::vector<std::unique_ptr<BlockingClient>> clients;
  for (auto& e : edges_) clients.push_back(std::make_unique<BlockingClient>(Endpoint{"127.0.0.1", e->port()}));
  std::vector<std::uint64_t> edge_hits(edges_.size(), 0);
  for (int round = 0; round < options_.rounds; ++round) {
    for (std::size_t e = 0; e < edges_.size(); ++e) {
      for (int i = 0; i < options_.objects; ++i) {
        std::string target = "/obj/item-" + std::to_string(i) + "?size=" + std::to_string(options_.object_bytes) +
                             "&ttl=300&tags=lab,item-" + std::to_string(i);
        auto started = std::chrono::steady_clock::now();
        // Every simulated user asks for the same site, whichever edge it reaches.
        auto res = clients[e]->get(target, {{"Host", "www.lab.example"}});
        auto micros = static_cast<std::uint64_t>(
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count());
        if (!res || res->result_int() != 200) {
          ++report.errors;
          continue;
        }
        // Cache-Status lists the shield's member first, then the edge's.
        std::string status(res->at("Cache-Status"));
        auto last = status.rfind(", ");
        std::string edge_member = last == std::string::npos ? status : status.substr(last + 2);
        std::string shield_member = last == std::string::npos ? std::string() : status.substr(0, last);
        auto& slot =
            edge_member.find("; hit") != std::string::npos ? report.edge_hit
            : (shield_member.find("; hit") != std::string::npos || shield_member.find("collapsed") != std::string::npos)
                ? report.shield_hit
                : report.origin;
        if (&slot == &report.edge_hit) ++edge_hits[e];
        ++slot.requests;
        slot.latency_us_total += micros;
      }
    }
  }
  report.origin_requests = origin_->requests();
  for (std::size_t e = 0; e < edges_.size(); ++e) report.per_edge_hits.emplace_back(edges_[e]->name(), edge_hits[e]);
  return report;
}

std::string MiniLabReport::table() const {
  std::ostringstream out;
  const std::uint64_t total = edge_hit.requests + shield_hit.requests + origin.requests;
  auto row = [&](std::string_view name, const MiniLabTierCount& c) {
    char line[128];
    std::snprintf(line, sizeof line, "  %-14s %8llu  %6.1f%%  %10.0f\n", std::string(name).c_str(),
                  static_cast<unsigned long long>(c.requests), total ? 100.0 * double(c.requests) / double(total) : 0.0,
                  c.requests ? double(c.latency_us_total) / double(c.requests) : 0.0);
    out << line;
  };
  out << "  served by        requests   share   mean µs (real, loopback)\n";
  row("edge (L1/L2)", edge_hit);
  row("shield", shield_hit);
  row("origin", origin);
  out << "  errors: " << errors << "   origin requests: " << origin_requests << "   origin offload: ";
  char offload[32];
  std::snprintf(offload, sizeof offload, "%.1f%%",
                total ? 100.0 * (1.0 - double(origin_requests) / double(total)) : 0.0);
  out << offload << "\n";
  for (const auto& [name, hits] : per_edge_hits) out << "  " << name << ": " << hits << " edge hits\n";
  return out.str();
}

}  // namespace edgelab
