#pragma once
// Prometheus text helpers, and the Prometheus and JSON forms of a KindCounters family: every kind is written,
// zeros included, so a rate() over it exists before the first error.
#include "http/protocol_error.hpp"

#include <boost/json/object.hpp>

#include <string>
#include <string_view>

namespace edgelab {

// The HELP and TYPE lines of a family `edgelab_NAME`. The text format allows them
// once per family, with every sample of the family right after them.
inline void append_metric_header(std::string& out, std::string_view name, std::string_view help,
                                 std::string_view type) {
  out += "# HELP edgelab_";
  out += name;
  out += " ";
  out += help;
  out += "\n# TYPE edgelab_";
  out += name;
  out += " ";
  out += type;
  out += "\n";
}

// `open_label` is `{node="NAME"` (without the closing brace).
template <class Kind>
void append_kind_counters(std::string& out, std::string_view metric, std::string_view help, std::string_view open_label,
                          const KindCounters<Kind>& counters) {
  append_metric_header(out, metric, help, "counter");
  for (std::size_t i = 0; i < KindCounters<Kind>::kSize; ++i) {
    const auto kind = static_cast<Kind>(i);
    if (kind_name(kind) == "none") continue;
    out += "edgelab_";
    out += metric;
    out += open_label;
    out += ",kind=\"";
    out += kind_name(kind);
    out += "\"} ";
    out += std::to_string(counters.get(kind));
    out += "\n";
  }
}

template <class Kind>
boost::json::object kind_counts_json(const KindCounters<Kind>& counters) {
  boost::json::object o;
  for (std::size_t i = 0; i < KindCounters<Kind>::kSize; ++i) {
    const auto kind = static_cast<Kind>(i);
    if (kind_name(kind) != "none") o[kind_name(kind)] = counters.get(kind);
  }
  return o;
}

}  // namespace edgelab
