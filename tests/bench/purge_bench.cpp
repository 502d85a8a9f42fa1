// Purge benchmarks (figures, not pass/fail):
//   bench_purge tag    [--objects N] [--tagged N]   one tag purge on a node holding N objects in L1 and
//                                                     N in L2, against a scan of the same data (the peer)
//   bench_purge fanout [--nodes N] [--rounds N]     fleet purge propagation on loopback: start to the last
//                                                     verified eviction, p50/p99, against ack-only rounds
#include "control/purge_fanout.hpp"
#include "core/io_pool.hpp"
#include "core/sqlite_db.hpp"
#include "http/blocking_client.hpp"
#include "node/edge_node.hpp"
#include "origin/synthetic_origin.hpp"
#include "tiers/object_codec.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <future>
#include <iostream>
#include <thread>

#include <unistd.h>

using namespace edgelab;
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

long arg(int argc, char** argv, const std::string& name, long fallback) {
  for (int i = 2; i + 1 < argc; ++i)
    if (argv[i] == name) return std::stol(argv[i + 1]);
  return fallback;
}

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("edgelab-bench-" + std::to_string(::getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

// Each round purges its own tag: hot0 .. hot4, each on `tagged` objects.
constexpr long kRounds = 5;

// `tag_slot` < 0: untagged; otherwise the object carries hot<tag_slot>.
std::shared_ptr<CachedObject> object(long i, long tag_slot, const std::shared_ptr<const std::string>& body) {
  auto o = std::make_shared<CachedObject>();
  o->primary_key = o->key = "www.bench.example/obj/" + std::to_string(i);
  o->headers = {{"Content-Type", "text/plain"}};
  o->body = body;
  o->lifetime = 3600;
  o->response_time = std::time(nullptr);
  if (tag_slot >= 0) o->tags = {"hot" + std::to_string(tag_slot), "t" + std::to_string(i % 7)};
  serialize_header_block(*o);
  return o;
}

// L2 rows written straight into the index (no body files): a million file
// writes would measure the disk, not the purge.
void fill_l2(const fs::path& dir, long objects, long every_tagged, const std::shared_ptr<const std::string>& body) {
  std::string error;
  { auto tier = DiskTier::open({dir.string(), 1ull << 40}, error); }  // creates the schema
  auto db = SqliteDb::open((dir / "index.sqlite").string(), error);
  db->exec("BEGIN", error);
  auto insert = db->prepare(
      "INSERT INTO objects(key, primary_key, file, size, sha256, meta, last_access) VALUES(?1, ?1, ?2, ?3, x'00', ?4, ?5)",
      error);
  auto tag = db->prepare("INSERT INTO tags(tag, key) VALUES(?1, ?2)", error);
  for (long i = 0; i < objects; ++i) {
    auto o = object(i, i % every_tagged == 0 ? (i / every_tagged) % kRounds : -1, body);
    insert.reset();
    insert.bind(1, o->key).bind(2, (dir / "bodies" / "none").string()).bind(3, 64).bind(4, encode_object_metadata(*o)).bind(5, i);
    insert.step();
    for (const auto& t : o->tags) {
      tag.reset();
      tag.bind(1, t).bind(2, o->key);
      tag.step();
    }
  }
  db->exec("COMMIT", error);
}

int bench_tag(long objects, long tagged) {
  TempDir tmp;
  // Every `every`-th object carries hot<i % kRounds>: `tagged` objects per tag.
  const long every = std::max(1L, objects / (tagged * kRounds));
  auto body = std::make_shared<const std::string>(64, 'x');
  auto t0 = Clock::now();
  fill_l2(tmp.path / "l2", objects, every, body);
  std::printf("filled L2 with %ld rows (%ld tagged) in %.0f ms\n", objects, (objects + every - 1) / every, ms_since(t0));

  IoPool pool(2);
  NodeConfig config;
  config.name = "bench";
  config.listen = {"127.0.0.1", 0};
  config.upstream = {"127.0.0.1", 9};
  config.l1_max_bytes = 64ull << 30;
  config.l2 = DiskTierConfig{(tmp.path / "l2").string(), 1ull << 40};
  std::string error;
  auto node = EdgeNode::create(pool.context(), config, error);
  if (!node) {
    std::cerr << error << "\n";
    return 1;
  }
  t0 = Clock::now();
  for (long i = 0; i < objects; ++i) node->l1().insert(object(i, i % every == 0 ? (i / every) % kRounds : -1, body));
  std::printf("filled L1 with %llu objects in %.0f ms\n", static_cast<unsigned long long>(node->l1().stats().objects),
              ms_since(t0));

  // The peer: what a purge without a tag index must do, a scan of every object's tags.
  t0 = Clock::now();
  std::size_t scanned_hits = 0;
  node->l1().for_each([&](const CachedObjectPtr& o, std::uint32_t) {
    scanned_hits += std::find(o->tags.begin(), o->tags.end(), "hot0") != o->tags.end();
  });
  const double l1_scan = ms_since(t0);
  auto db = SqliteDb::open((tmp.path / "l2" / "index.sqlite").string(), error);
  t0 = Clock::now();
  auto scan = db->prepare("SELECT COUNT(*) FROM objects WHERE meta LIKE '%\"hot0\"%'", error);
  scan.step();
  const double l2_scan = ms_since(t0);

  ::sync();  // the fill's dirty pages must not sit in front of the purge's fsync
  std::vector<double> times;
  PurgeOutcome outcome;
  for (long round = 0; round < kRounds; ++round) {
    PurgeRequest request{.kind = PurgeKind::tag, .value = "hot" + std::to_string(round), .soft = round % 2 == 1};
    std::promise<PurgeOutcome> done;
    t0 = Clock::now();
    node->purge(request, pool.context().get_executor(), [&](PurgeOutcome o) { done.set_value(std::move(o)); });
    outcome = done.get_future().get();
    times.push_back(ms_since(t0));
    std::printf("  round %ld: %s purge of tag %s: %.1f ms, invalidated L1=%llu L2=%llu\n", round + 1,
                request.soft ? "soft" : "hard", request.value.c_str(), times.back(),
                static_cast<unsigned long long>(outcome.record.l1), static_cast<unsigned long long>(outcome.record.l2));
    // Each round measures a purge on a quiet node: the previous one's rows are
    // carried out (in the background) and checkpointed first. Back to back,
    // a purge's commit can queue behind that work (see the README).
    for (int i = 0; i < 3000 && node->purges().l2_applied() < node->purges().seq(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    node->l2()->flush();
    ::sync();
  }
  std::sort(times.begin(), times.end());
  const double purge_ms = times[times.size() / 2];
  std::printf("\ntag purge on a node with %ld objects (%ld per tag) in L1 and in L2:\n", objects, tagged);
  std::printf("  indexed purge (L1 + L2, durable commit): median %.1f ms, worst %.1f ms\n", purge_ms, times.back());
  std::printf("  peer: scan only, no eviction          : %8.1f ms  (L1 %.1f ms finding %zu, L2 %.1f ms finding %lld)\n",
              l1_scan + l2_scan, l1_scan, scanned_hits, l2_scan, static_cast<long long>(scan.column_int(0)));
  std::printf("  ratio peer/indexed: %.1fx\n", (l1_scan + l2_scan) / purge_ms);
  node->l2()->flush();
  return outcome.status == PurgeOutcome::Status::applied ? 0 : 1;
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5))];
}

int bench_fanout(int nodes, int rounds) {
  TempDir tmp;
  IoPool pool(2);  // the nodes share the machine's two cores, as the lab's nodes do
  auto origin = std::make_shared<SyntheticOrigin>(pool.context());
  origin->listen({"127.0.0.1", 0});
  const int shields = std::max(1, nodes / 10);
  std::vector<std::shared_ptr<EdgeNode>> fleet;
  std::vector<FleetNode> control;
  for (int i = 0; i < nodes; ++i) {
    NodeConfig c;
    c.name = (i < shields ? "shield-" : "edge-") + std::to_string(i);
    c.listen = {"127.0.0.1", 0};
    c.upstream = {"127.0.0.1", i < shields ? origin->port() : fleet[static_cast<std::size_t>(i % shields)]->port()};
    c.l1_max_bytes = 16ull << 20;
    c.l2 = DiskTierConfig{(tmp.path / c.name).string(), 64ull << 20};
    c.admin = AdminConfig{{"127.0.0.1", 0}, ""};
    std::string error;
    auto node = EdgeNode::create(pool.context(), c, error);
    if (!node || node->start()) {
      std::cerr << "node " << c.name << ": " << error << "\n";
      return 1;
    }
    FleetNode f;
    f.name = c.name;
    f.role = i < shields ? "shield" : "edge";
    f.endpoint = *AdminEndpoint::from_url("http://127.0.0.1:" + std::to_string(node->admin_port()), node->admin_token());
    control.push_back(f);
    fleet.push_back(node);
  }
  IoPool controller(1);
  std::uint64_t seq = 0;
  auto verifying = std::make_shared<PurgeFanout>(controller.context().get_executor(), control, FanoutOptions{});
  auto acking = std::make_shared<PurgeFanout>(controller.context().get_executor(), control, FanoutOptions{.verify = false});
  auto run_rounds = [&](bool verify) {
    std::vector<double> totals;
    for (int r = 0; r < rounds; ++r) {
      const std::string tag = "t" + std::to_string(seq + 1);
      for (int i = shields; i < nodes; i += 3) {  // a third of the edges hold the tagged object
        BlockingClient client({"127.0.0.1", fleet[static_cast<std::size_t>(i)]->port()});
        client.get("/obj/" + tag + "?ttl=300&size=256&tags=" + tag, {{"Host", "www.bench.example"}});
      }
      std::promise<FanoutReport> done;
      (verify ? verifying : acking)
          ->run(FleetPurge{.fleet_seq = ++seq, .kind = PurgeKind::tag, .value = tag}, {},
                [&](FanoutReport report) { done.set_value(std::move(report)); });
      auto report = done.get_future().get();
      if (!report.ok(verify)) {
        std::cerr << report_table(report);
        return std::vector<double>{};
      }
      totals.push_back(report.total_ms);
    }
    return totals;
  };
  run_rounds(true);  // warm-up: connections, page cache, SQLite
  auto verified = run_rounds(true);
  auto acked = run_rounds(false);
  if (verified.empty() || acked.empty()) return 1;
  std::printf("fleet purge propagation, %d nodes (%d shields first, then %d edges), every node with L2, %d rounds:\n",
              nodes, shields, nodes - shields, rounds);
  std::printf("  start -> last verified eviction: p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms\n",
              percentile(verified, 0.5), percentile(verified, 0.99), percentile(verified, 1.0));
  std::printf("  peer, start -> last ack only   : p50 %6.1f ms  p99 %6.1f ms\n", percentile(acked, 0.5),
              percentile(acked, 0.99));
  std::printf("  verification costs %.2fx the ack-only time at p50\n",
              percentile(verified, 0.5) / percentile(acked, 0.5));
  for (auto& n : fleet) {
    std::promise<void> stopped;
    n->shutdown([&] { stopped.set_value(); });
    stopped.get_future().wait();
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  try {
    if (mode == "tag") return bench_tag(arg(argc, argv, "--objects", 1'000'000), arg(argc, argv, "--tagged", 10'000));
    if (mode == "fanout")
      return bench_fanout(static_cast<int>(arg(argc, argv, "--nodes", 50)), static_cast<int>(arg(argc, argv, "--rounds", 100)));
  } catch (const std::exception& e) {  // bad numbers on the command line
    std::cerr << "bench_purge: " << e.what() << "\n";
    return 2;
  }
  std::cerr << "usage: bench_purge tag [--objects N] [--tagged N] | fanout [--nodes N] [--rounds N]\n";
  return 2;
}
