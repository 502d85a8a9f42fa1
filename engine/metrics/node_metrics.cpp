#include "metrics/node_metrics.hpp"

#include <boost/json.hpp>

namespace edgelab {

void add(NodeMetrics& m, std::atomic<std::uint64_t> NodeMetrics::*counter, std::uint64_t n) {
  (m.*counter).fetch_add(n, std::memory_order_relaxed);
}

std::string NodeMetrics::prometheus(const std::string& node_name, const std::string& extra) const {
  std::string out;
  const std::string label = "{node=\"" + node_name + "\"}";
#define EDGELAB_PROM_COUNTER(name, help)                                                      \
  out += "# HELP edgelab_" #name "_total " help "\n# TYPE edgelab_" #name "_total counter\n"; \
  out += "edgelab_" #name "_total" + label + " " + std::to_string(name.load()) + "\n";
  EDGELAB_NODE_COUNTERS(EDGELAB_PROM_COUNTER)
#undef EDGELAB_PROM_COUNTER
  out += "# HELP edgelab_request_latency_us Client request latency in microseconds\n";
  out += "# TYPE edgelab_request_latency_us summary\n";
  for (auto [q, name] : {std::pair{0.5, "0.5"}, {0.9, "0.9"}, {0.99, "0.99"}, {0.999, "0.999"}})
    out += std::string("edgelab_request_latency_us{node=\"") + node_name + "\",quantile=\"" + name + "\"} " +
           std::to_string(latency.percentile(q)) + "\n";
  out += "edgelab_request_latency_us_count" + label + " " + std::to_string(latency.count()) + "\n";
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
