#include "lab/lab_service.hpp"

#include "admin/admin_token.hpp"
#include "core/text_table.hpp"
#include "http/http_server.hpp"
#include "lab/lab_api.hpp"
#include "lab/lab_controller.hpp"

#include <cstdlib>
#include <future>

namespace edgelab {
namespace fs = std::filesystem;

struct LabService::State {
  std::unique_ptr<RegionCatalogue> catalogue;
  std::unique_ptr<Topology> topology;
  std::unique_ptr<LabFleet> fleet;
  std::unique_ptr<LabController> controller;
  std::unique_ptr<LabApi> api;
  std::unique_ptr<IoPool> api_pool;  // the API answers even when the users keep the lab's threads busy
  std::shared_ptr<HttpServer> server;
  std::string url;
  fs::path token_file;
};

namespace {

fs::path resource_dir(const LabServiceOptions& o) {
  if (!o.resources.empty()) return o.resources;
  if (const char* dir = std::getenv("EDGELAB_RESOURCES"); dir && *dir) return dir;
  return EDGELAB_RESOURCE_DIR;
}

}  // namespace

LabService::LabService(std::unique_ptr<State> state) : state_(std::move(state)) {}

std::unique_ptr<LabService> LabService::start(const LabServiceOptions& options, std::string& error) {
  auto s = std::make_unique<State>();
  const fs::path resources = resource_dir(options);
  auto catalogue = RegionCatalogue::load((resources / "regions.json").string());
  if (!catalogue) {
    error = catalogue.error();
    return nullptr;
  }
  s->catalogue = std::make_unique<RegionCatalogue>(std::move(*catalogue));
  const std::string& name = options.topology;
  const fs::path path =
      name == "default" || name == "world50" ? resources / "topologies" / (name + ".json") : fs::path(name);
  auto topology = load_topology(path.string(), *s->catalogue);
  if (!topology) {
    error = "topology " + topology.error();
    return nullptr;
  }
  s->topology = std::make_unique<Topology>(std::move(*topology));
  const auto listen = parse_endpoint(options.api_listen);
  if (!listen) {
    error = "api listen address \"" + options.api_listen + "\": expected HOST:PORT";
    return nullptr;
  }

  LabControllerOptions c;
  c.traffic = options.traffic ? *options.traffic : s->topology->traffic;
  if (options.rps > 0) c.traffic.rps = options.rps;
  c.settings.running = options.start_traffic;
  c.settings.rps = std::min(c.traffic.rps, 20'000.0);
  for (int i = 0; i < kObjectClasses; ++i) c.settings.mix[i] = c.traffic.share[i];
  c.settings.objects = std::min<std::uint32_t>(c.traffic.objects, 1'000'000);
  c.settings.zipf = std::min(c.traffic.zipf_exponent, 3.0);
  c.settings.seed = c.traffic.seed;
  c.health.interval = options.health_interval;
  c.health.timeout = std::min(c.health.timeout, options.health_interval);

  LabFleetOptions fleet_options;
  fleet_options.state_dir = options.state_dir;
  if (!options.state_dir.empty()) {
    std::error_code ec;
    fs::create_directories(options.state_dir, ec);
  }
  s->fleet = LabFleet::start(*s->topology, fleet_options, error);
  if (!s->fleet) return nullptr;
  s->token_file = options.api_token_file.empty() ? s->fleet->state_dir() / "lab-api.token" : options.api_token_file;
  s->token_file = fs::absolute(s->token_file);
  auto token = load_or_create_admin_token(s->token_file.string(), error);
  if (!token) {
    error = "api token: " + error;
    return nullptr;
  }
  s->controller = LabController::start(*s->fleet, *s->topology, *s->catalogue, c, error);
  if (!s->controller) return nullptr;
  s->api = std::make_unique<LabApi>(*s->controller, *token);
  s->api_pool = std::make_unique<IoPool>(1);
  ServerLimits limits;
  limits.body_bytes = 64 * 1024;
  limits.header_bytes = 16 * 1024;
  limits.max_connections = 256;
  LabApi* api = s->api.get();
  s->server = std::make_shared<HttpServer>(s->api_pool->context(), limits,
                                           [api](HttpExchangePtr exchange) { api->handle(exchange); });
  if (auto ec = s->server->listen(*listen)) {
    error = "api listen " + options.api_listen + ": " + ec.message();
    return nullptr;
  }
  s->url = "http://" + (listen->host.find(':') != std::string::npos ? "[" + listen->host + "]" : listen->host) + ":" +
           std::to_string(s->server->port());
  return std::make_unique<LabService>(std::move(s));
}

LabService::~LabService() {
  if (!state_) return;
  // Long-polls answer at once from here on, so the server drains quickly.
  if (state_->controller) {
    state_->controller->events().close();
    state_->controller->samples().close();
  }
  if (state_->server) {
    std::promise<void> drained;
    state_->server->shutdown([&drained] { drained.set_value(); });
    drained.get_future().wait_for(std::chrono::seconds(6));
  }
  // No API handler runs after this; a fault still being applied finishes with the controller.
  if (state_->api_pool) state_->api_pool->stop();
  state_->controller.reset();
  state_->server.reset();
  state_->api.reset();
  state_->fleet.reset();
}

std::string LabService::api_url() const { return state_->url; }
fs::path LabService::api_token_file() const { return state_->token_file; }
const LabFleet& LabService::fleet() const { return *state_->fleet; }
std::string LabService::topology_name() const { return state_->topology->name; }

std::string LabService::summary() const {
  const OffloadFigures run = state_->controller->offload_total(), last = state_->controller->offload_last(10);
  const LiveTrafficCounters c = state_->controller->traffic_counters();
  return format_grouped(run.requests) + " user requests, " + format_grouped(run.origin_requests) +
         " at the origin; origin offload " + format_fixed(100 * run.ratio, 1) + "% over the run, " +
         format_fixed(100 * last.ratio, 1) + "% over the last 10 s" +
         (c.shed ? ", " + format_grouped(c.shed) + " shed" : "") +
         (c.no_route ? ", " + format_grouped(c.no_route) + " with no PoP" : "");
}

}  // namespace edgelab
