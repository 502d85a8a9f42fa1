#include "lab/what_if.hpp"

#include "control/admin_client.hpp"

#include <boost/json.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <algorithm>

namespace edgelab {
namespace json = boost::json;

void ask_what_if(LabFleet& lab, const GeoRouter& router, const std::vector<const LabNode*>& pops, GeoPoint client,
                 const std::string& url, std::function<void(WhatIfAnswer)> done) {
  auto answer = std::make_shared<WhatIfAnswer>();
  answer->route = router.peek(client, std::chrono::steady_clock::now());
  if (!answer->route) return net::post(lab.context(), [answer, done] { done(std::move(*answer)); });
  const LabNode* pop = pops.at(answer->route->pop);
  std::vector<const LabNode*> nodes{pop};
  if (const LabNode* shield = lab.find(pop->upstream_name)) nodes.push_back(shield);
  // The user's own hop, then each node's uplink.
  WanLatencyModel model;
  answer->path.push_back({pop->name, model.one_way(answer->route->distance_km), {}, {}});
  if (nodes.size() > 1) answer->path.push_back({nodes[1]->name, pop->uplink->delay(), {}, {}});
  answer->path.push_back({"origin", nodes.back()->uplink->delay(), {}, {}});

  auto strand = net::make_strand(lab.context());
  auto remaining = std::make_shared<std::size_t>(nodes.size());
  const std::string target =
      "/admin/v1/cache/object?url=" + std::string(boost::urls::encode(url, boost::urls::unreserved_chars));
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    // Through node_of: a revive may be swapping LabNode::node on the fault worker right now.
    const auto engine = lab.node_of(static_cast<std::size_t>(nodes[i] - lab.nodes().data()));
    AdminEndpoint endpoint{"127.0.0.1", std::to_string(engine->admin_port()), engine->admin_token()};
    AdminClient::request(strand, endpoint, http::verb::get, target, {}, std::chrono::seconds(2),
                         [answer, remaining, done, i](AdminReply reply) {
                           WhatIfHop& hop = answer->path[i];
                           boost::system::error_code ec;
                           if (reply.status == 200) {
                             json::value body = json::parse(reply.body, ec);
                             const json::value* variants =
                                 !ec && body.is_object() ? body.as_object().if_contains("variants") : nullptr;
                             for (const auto& v : variants && variants->is_array() ? variants->as_array() : json::array{})
                               if (const json::value* tiers = v.is_object() ? v.as_object().if_contains("tiers") : nullptr)
                                 for (const auto& t : tiers->is_array() ? tiers->as_array() : json::array{})
                                   if (t.is_string() &&
                                       std::find(hop.tiers.begin(), hop.tiers.end(), t.as_string()) == hop.tiers.end())
                                     hop.tiers.emplace_back(t.as_string());
                           } else if (reply.status != 404) {
                             hop.error = reply.describe();
                           }
                           if (--*remaining == 0) done(std::move(*answer));
                         });
  }
}

}  // namespace edgelab
