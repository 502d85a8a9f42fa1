// bench_admission [REQUESTS]: hit ratios of the memory tier (W-TinyLFU) on
// synthetic traces, beside LRU, S3-FIFO and the static optimum (the best
// fixed set of objects for the whole trace, chosen in hindsight and
// preloaded: no policy can beat it on a stationary trace). 20,000 objects of
// 2 KiB, a cache of 5% of them, 16 shards as in a node.
//   zipf-0.6 / zipf-0.9 / zipf-1.2  stationary popularity
//   scan-mix   Zipf(0.9), and after every 30,000 requests a one-off scan of
//              10,000 new objects (ten times the cache)
//   shifting   Zipf(0.9) whose ranking moves by 5,000 objects every quarter
//              of the trace: yesterday's hot set goes cold
#include "bench/reference_policies.hpp"
#include "support/zipf.hpp"
#include "tiers/memory_tier.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

using namespace edgelab;

namespace {

constexpr std::size_t kCatalogue = 20'000;
constexpr std::size_t kCacheObjects = kCatalogue / 20;
constexpr std::size_t kObjectBytes = 2048;

using edgelab::test::Zipf;

using Trace = std::vector<std::uint64_t>;

Trace zipf_trace(double s, std::size_t requests) {
  Zipf zipf(kCatalogue, s);
  std::mt19937_64 rng(42);
  Trace trace(requests);
  for (auto& id : trace) id = zipf(rng);
  return trace;
}

Trace scan_mix_trace(std::size_t requests) {
  Zipf zipf(kCatalogue, 0.9);
  std::mt19937_64 rng(42);
  Trace trace;
  trace.reserve(requests);
  std::uint64_t next_scan_id = kCatalogue;
  while (trace.size() < requests) {
    for (int i = 0; i < 30'000 && trace.size() < requests; ++i) trace.push_back(zipf(rng));
    for (int i = 0; i < 10'000 && trace.size() < requests; ++i) trace.push_back(next_scan_id++);
  }
  return trace;
}

Trace shifting_trace(std::size_t requests) {
  Zipf zipf(kCatalogue, 0.9);
  std::mt19937_64 rng(42);
  Trace trace(requests);
  for (std::size_t i = 0; i < requests; ++i) {
    const std::uint64_t shift = 5000 * (i * 4 / requests);
    trace[i] = (zipf(rng) + shift) % kCatalogue;
  }
  return trace;
}

double static_optimum(const Trace& trace) {
  std::unordered_map<std::uint64_t, std::uint64_t> counts;
  for (auto id : trace) ++counts[id];
  std::vector<std::uint64_t> sorted;
  sorted.reserve(counts.size());
  for (const auto& [id, n] : counts) sorted.push_back(n);
  const std::size_t k = std::min(kCacheObjects, sorted.size());
  std::partial_sort(sorted.begin(), sorted.begin() + std::ptrdiff_t(k), sorted.end(), std::greater<>());
  std::uint64_t hits = 0;
  for (std::size_t i = 0; i < k; ++i) hits += sorted[i];
  return double(hits) / double(trace.size());
}

template <typename Policy>
double policy_ratio(const Trace& trace) {
  Policy policy(kCacheObjects);
  std::uint64_t hits = 0;
  for (auto id : trace) hits += policy.request(id) ? 1 : 0;
  return double(hits) / double(trace.size());
}

double tier_ratio(const Trace& trace) {
  // Every object shares one body: a trace of 100,000 objects costs 2 KiB.
  const auto body = std::make_shared<const std::string>(kObjectBytes, 'x');
  auto object_for = [&](std::uint64_t id) {
    auto o = std::make_shared<CachedObject>();
    o->key = "k" + std::to_string(id);
    o->primary_key = o->key;
    o->body = body;
    return o;
  };
  MemoryTier tier(kCacheObjects * object_for(kCatalogue)->charge(), 16);
  std::uint64_t hits = 0;
  std::string key;
  for (auto id : trace) {
    key = "k" + std::to_string(id);
    if (tier.lookup(key, key))
      ++hits;
    else
      tier.insert(object_for(id));
  }
  return double(hits) / double(trace.size());
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t requests = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 400'000;
  if (requests < 1000) {
    std::fprintf(stderr, "usage: bench_admission [REQUESTS >= 1000]\n");
    return 2;
  }
  std::printf("%zu objects, cache %zu objects (5%%), %zu requests per trace; hit ratios\n", kCatalogue, kCacheObjects,
              requests);
  std::printf("%-10s %8s %8s %10s %8s %14s\n", "trace", "LRU", "S3-FIFO", "W-TinyLFU", "optimum", "of optimum");
  const std::pair<const char*, Trace> traces[] = {
      {"zipf-0.6", zipf_trace(0.6, requests)}, {"zipf-0.9", zipf_trace(0.9, requests)},
      {"zipf-1.2", zipf_trace(1.2, requests)}, {"scan-mix", scan_mix_trace(requests)},
      {"shifting", shifting_trace(requests)},
  };
  for (const auto& [name, trace] : traces) {
    const double lru = policy_ratio<bench::LruPolicy>(trace);
    const double s3 = policy_ratio<bench::S3FifoPolicy>(trace);
    const double tier = tier_ratio(trace);
    const double best = static_optimum(trace);
    std::printf("%-10s %8.4f %8.4f %10.4f %8.4f %13.1f%%\n", name, lru, s3, tier, best, 100 * tier / best);
  }
  return 0;
}
