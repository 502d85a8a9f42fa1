#include "metrics/node_metrics.hpp"

#include "metrics/kind_counter_export.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cstdio>

namespace edgelab {

void add(NodeMetrics& m, std::atomic<std::uint64_t> NodeMetrics::*counter, std::uint64_t n) {
  (m.*counter).fetch_add(n, std::memory_order_relaxed);
}

void append_latency_histogram(std::string& out, std::string_view name, std::string_view help,
                              std::string_view labels, const LatencyHistogram& histogram) {
  append_metric_header(out, name, help, "histogram");
  auto sample = [&](std::string_view suffix, std::string_view sample_labels, std::string_view value) {
    out += "edgelab_";
    out += name;
    out += suffix;
    out += sample_labels;
    out += " ";
    out += value;
    out += "\n";
  };
  // Bounds at the log-linear histogram's own power-of-two edges (values are
  // whole microseconds, so "<= 2^k - 1 us" is exact): 63 us to 67 s.
  std::string open(labels.substr(0, labels.size() - 1));  // le joins the labels before the closing brace
  const std::uint64_t count = histogram.count();
  char number[32];
  for (int power = 6; power <= 26; ++power) {
    const std::uint64_t bound = (std::uint64_t{1} << power) - 1;
    std::snprintf(number, sizeof number, "%.6f", static_cast<double>(bound) / 1e6);
    // The bucket whose upper bound is 2^power - 1 is the last of power - 1's sub-buckets.
    sample("_bucket", open + ",le=\"" + number + "\"}",
           std::to_string(std::min(count, histogram.count_at_most(LatencyHistogram::bucket_of(bound)))));
  }
  sample("_bucket", open + ",le=\"+Inf\"}", std::to_string(count));
  std::snprintf(number, sizeof number, "%.6f", static_cast<double>(histogram.sum()) / 1e6);
  sample("_sum", labels, number);
  sample("_count", labels, std::to_string(count));
}

std::string NodeMetrics::prometheus(const std::string& node_name, const std::string& extra) const {
  std::string out;
  const std::string label = "{node=\"" + node_name + "\"}";
#define EDGELAB_PROM_COUNTER(name, help)                                                      \
  out += "# HELP edgelab_" #name "_total " help "\n# TYPE edgelab_" #name "_total counter\n"; \
  out += "edgelab_" #name "_total" + label + " " + std::to_string(name.load()) + "\n";
  EDGELAB_NODE_COUNTERS(EDGELAB_PROM_COUNTER)
#undef EDGELAB_PROM_COUNTER
  append_latency_histogram(out, "request_duration_seconds",
                           "Client request latency: received to response handed to the socket", label, latency);
  out += extra;
  return out;
}

std::string NodeMetrics::json() const {
  boost::json::object o;
#define EDGELAB_JSON_COUNTER(name, help) o[#name] = name.load();
  EDGELAB_NODE_COUNTERS(EDGELAB_JSON_COUNTER)
#undef EDGELAB_JSON_COUNTER
  boost::json::object lat;
  lat["count"] = latency.count();
  lat["p50"] = latency.percentile(0.5);
  lat["p90"] = latency.percentile(0.9);
  lat["p99"] = latency.percentile(0.99);
  lat["p999"] = latency.percentile(0.999);
  lat["max"] = latency.max();
  o["latency_us"] = std::move(lat);
  return boost::json::serialize(o);
}

}  // namespace edgelab
