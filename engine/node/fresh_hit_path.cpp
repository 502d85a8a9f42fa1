#include "node/fresh_hit_path.hpp"

#include "node/edge_node.hpp"
#include "node/flow_script.hpp"
#include "node/forwarding.hpp"
#include "node/response_builder.hpp"

namespace edgelab {

bool serve_fresh_l1_hit(EdgeNode& node, HttpExchange& client, bool& looked_up) {
  const auto received = std::chrono::steady_clock::now();
  const Request& req = client.request();
  const auto method = req.method();
  if (method != http::verb::get && method != http::verb::head) return false;
  if (req.target().empty() || req.target().front() != '/') return false;
  auto host = req.find(http::field::host);
  if (host == req.end()) return false;
  // Conditionals and loop detection stay on the full path.
  if (req.find(http::field::if_none_match) != req.end() || req.find(http::field::if_modified_since) != req.end() ||
      req.find(http::field::range) != req.end())
    return false;
  const int hops = cdn_hops(req);
  if (hops >= kMaxCdnHops) return false;
  // on_client_request may change what is looked up: the flow runs it at recv.
  if (hops == 0 && node.scripts().defines(ScriptHook::client_request)) return false;

  std::string& primary = client.scratch(HttpExchange::Scratch::primary_key);
  node.keys().primary_key(host->value(), req.target(), primary);
  CachedObjectPtr object = node.lookup_l1(req, primary, client.scratch(HttpExchange::Scratch::variant_key));
  looked_up = true;
  const std::int64_t now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  if (!object || !object->is_fresh(now)) return false;

  auto& metrics = node.metrics();
  add(metrics, &NodeMetrics::requests);
  add(metrics, &NodeMetrics::l1_hits);
  const DeliveryContext context{
      .node_name = node.name(), .now = now, .keep_alive = client.keep_alive(), .to_child_node = hops > 0};
  const CacheStatusNote note{.hit = true, .ttl = object->ttl(now), .has_ttl = true, .detail = "L1"};
  const std::string* edited_head = nullptr;
  if (node.scripts().defines(ScriptHook::client_response)) {
    if (ScriptProgramPtr program = node.scripts().live()) {
      FlowScript script(node, std::move(program), req, client.remote_address());
      FieldListSource stored(&object->headers);
      HeaderOverlay edits(&stored);
      unsigned status = object->status;
      if (script.client_response(req, *object, edits, status) == FlowScript::Verdict::failed_closed) {
        client.respond(FlowScript::failed_closed_answer(client.keep_alive()));
        return true;
      }
      if (edits.edited() || status != object->status) {
        std::string& head = client.scratch(HttpExchange::Scratch::edited_head);
        edited_object_header(*object, edits, status, head);
        edited_head = &head;
      }
    }
  }
  metrics.latency.record(static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - received).count()));
  add(metrics, &NodeMetrics::bytes_out,
      write_cached_object(client, object, note, context, method == http::verb::head, edited_head));
  return true;
}

}  // namespace edgelab
