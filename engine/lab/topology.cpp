#include "lab/topology.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace edgelab {
namespace json = boost::json;
namespace {

struct Defaults {
  std::uint64_t l1_bytes = 32ull << 20;
  std::uint64_t l2_bytes = 0;
  double capacity_rps = 0;
  std::string shield = "auto";
};

// Reads the optional per-node fields of `o` over `d`; the error names `where`.
std::optional<std::string> read_node_fields(const json::object& o, const std::string& where, Defaults& d,
                                            std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : o)
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      return where + ": unknown key \"" + std::string(key) + "\"";
  for (auto [key, out] : {std::pair{"l1_bytes", &d.l1_bytes}, std::pair{"l2_bytes", &d.l2_bytes}}) {
    if (const json::value* v = o.if_contains(key)) {
      if (!v->is_uint64() && !(v->is_int64() && v->as_int64() >= 0))
        return where + "." + key + ": expected a byte count";
      *out = v->to_number<std::uint64_t>();
    }
  }
  if (const json::value* v = o.if_contains("capacity_rps")) {
    if (!v->is_number() || v->to_number<double>() < 0) return where + ".capacity_rps: expected a number >= 0";
    d.capacity_rps = v->to_number<double>();
  }
  if (const json::value* v = o.if_contains("shield")) {
    if (!v->is_string()) return where + ".shield: expected a shield's region, \"auto\" or \"none\"";
    d.shield = v->as_string();
  }
  return std::nullopt;
}

using TopologyResult = boost::system::result<Topology, std::string>;

// Topology can be built from a string (its first member), so an error has to say it is one.
TopologyResult fail(std::string message) { return TopologyResult(boost::system::in_place_error, std::move(message)); }

}  // namespace

boost::system::result<Topology, std::string> parse_topology(std::string_view json_text,
                                                           const RegionCatalogue& catalogue) {
  boost::system::error_code ec;
  json::value root = json::parse(json_text, ec);
  if (ec) return fail("invalid JSON: " + ec.message());
  const json::object* o = root.if_object();
  if (!o) return fail(std::string("a topology is a JSON object"));
  for (const auto& [key, value] : *o)
    if (key != "name" && key != "description" && key != "origin" && key != "defaults" && key != "shields" &&
        key != "pops" && key != "traffic")
      return fail("unknown key \"" + std::string(key) + "\"");
  Topology t;
  auto region = [&](const json::value* v, const std::string& where) -> boost::system::result<const Region*, std::string> {
    if (!v || !v->is_string()) return where + ": expected a region name";
    const Region* r = catalogue.find(v->as_string());
    if (!r) return where + ": unknown region \"" + std::string(v->as_string()) + "\"";
    return r;
  };
  if (const json::value* v = o->if_contains("name"); v && v->is_string()) t.name = v->as_string();
  if (const json::value* v = o->if_contains("description"); v && v->is_string()) t.description = v->as_string();
  auto origin = region(o->if_contains("origin"), "origin");
  if (!origin) return fail(origin.error());
  t.origin = *origin;

  Defaults defaults;
  if (const json::value* v = o->if_contains("defaults")) {
    if (!v->is_object()) return fail(std::string("defaults: expected an object"));
    if (auto e = read_node_fields(v->as_object(), "defaults", defaults, {"l1_bytes", "l2_bytes", "capacity_rps", "shield"}))
      return fail(*e);
  }
  const json::value* shields = o->if_contains("shields");
  if (shields && !shields->is_array()) return fail(std::string("shields: expected an array"));
  std::set<std::string> seen;
  for (std::size_t i = 0; shields && i < shields->as_array().size(); ++i) {
    const std::string where = "shields[" + std::to_string(i) + "]";
    const json::object* s = shields->as_array()[i].if_object();
    if (!s) return fail(where + ": expected an object");
    auto r = region(s->if_contains("region"), where + ".region");
    if (!r) return fail(r.error());
    Defaults fields = defaults;
    if (auto e = read_node_fields(*s, where, fields, {"region", "l1_bytes", "l2_bytes"})) return fail(*e);
    if (!seen.insert((*r)->name).second) return fail(where + ": a second shield in \"" + (*r)->name + "\"");
    t.shields.push_back({*r, fields.l1_bytes, fields.l2_bytes});
  }
  const json::value* pops = o->if_contains("pops");
  if (!pops || !pops->is_array() || pops->as_array().empty()) return fail(std::string("pops: expected a non-empty array"));
  seen.clear();
  for (std::size_t i = 0; i < pops->as_array().size(); ++i) {
    const std::string where = "pops[" + std::to_string(i) + "]";
    const json::object* p = pops->as_array()[i].if_object();
    if (!p) return fail(where + ": expected an object");
    auto r = region(p->if_contains("region"), where + ".region");
    if (!r) return fail(r.error());
    Defaults fields = defaults;
    if (auto e = read_node_fields(*p, where, fields, {"region", "l1_bytes", "l2_bytes", "capacity_rps", "shield"}))
      return fail(*e);
    if (!seen.insert((*r)->name).second) return fail(where + ": a second PoP in \"" + (*r)->name + "\"");
    TopologyPop pop{*r, std::nullopt, fields.l1_bytes, fields.l2_bytes, fields.capacity_rps};
    if (fields.shield == "auto") {
      double best = 0;
      for (std::size_t s = 0; s < t.shields.size(); ++s) {
        const double km = great_circle_km((*r)->at, t.shields[s].region->at);
        if (!pop.shield || km < best) {
          pop.shield = s;
          best = km;
        }
      }
    } else if (fields.shield != "none") {
      for (std::size_t s = 0; s < t.shields.size(); ++s)
        if (t.shields[s].region->name == fields.shield) pop.shield = s;
      if (!pop.shield) return fail(where + ".shield: \"" + fields.shield + "\" is not one of the topology's shields");
    }
    t.pops.push_back(pop);
  }
  if (const json::value* v = o->if_contains("traffic")) {
    auto traffic = parse_traffic_config(*v, catalogue);
    if (!traffic) return fail(traffic.error());
    t.traffic = std::move(*traffic);
  }
  return t;
}

boost::system::result<Topology, std::string> load_topology(const std::string& path, const RegionCatalogue& catalogue) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("cannot read \"" + path + "\"");
  std::ostringstream text;
  text << in.rdbuf();
  auto topology = parse_topology(text.str(), catalogue);
  if (!topology) return fail(path + ": " + topology.error());
  return topology;
}

}  // namespace edgelab
