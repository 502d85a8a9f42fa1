#include "node/forwarding.hpp"

#include "cache/freshness_policy.hpp"

#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/string.hpp>

namespace edgelab {

int cdn_hops(const RequestFields& request) {
  int hops = 0;
  for (auto [it, end] = request.equal_range("CDN-Loop"); it != end; ++it) {
    std::string_view v = it->value();
    for (auto pos = v.find(kCdnLoopToken); pos != std::string_view::npos; pos = v.find(kCdnLoopToken, pos + 1)) ++hops;
  }
  return hops;
}

std::shared_ptr<Request> make_upstream_request(const Request& client, ForwardMode mode, const CachedObject* stale,
                                               std::string_view node_name, const net::ip::address& client_address) {
  auto up = std::make_shared<Request>();
  up->version(11);
  if (mode != ForwardMode::pass)
    up->method(http::verb::get);
  else if (client.method() == http::verb::unknown)
    up->method_string(client.method_string());  // an extension method, a token the parser checked
  else
    up->method(client.method());
  up->target(client.target());
  std::string forwarded_for;
  for (const auto& f : client) {
    std::string_view name = f.name_string();
    if (is_hop_by_hop(name, client) || beast::iequals(name, "Content-Length")) continue;
    if (beast::iequals(name, "X-Forwarded-For")) {
      forwarded_for = std::string(f.value());
      continue;
    }
    if (mode != ForwardMode::pass &&
        (beast::iequals(name, "If-None-Match") || beast::iequals(name, "If-Modified-Since") ||
         beast::iequals(name, "If-Match") || beast::iequals(name, "If-Unmodified-Since") ||
         beast::iequals(name, "If-Range") || beast::iequals(name, "Range")))
      continue;
    up->insert(name, f.value());
  }
  if (mode == ForwardMode::revalidate && stale) {
    if (!stale->etag.empty()) up->set(http::field::if_none_match, stale->etag);
    if (!stale->last_modified.empty()) up->set(http::field::if_modified_since, stale->last_modified);
  }
  if (!client_address.is_unspecified()) {
    if (!forwarded_for.empty()) forwarded_for += ", ";
    forwarded_for += client_address.to_string();
    up->set("X-Forwarded-For", forwarded_for);
  }
  std::string loop(kCdnLoopToken);
  loop += "; node=";
  loop += node_name;
  up->insert("CDN-Loop", loop);
  std::string via = "1.1 ";
  via += node_name;
  up->insert(http::field::via, via);
  if (mode == ForwardMode::pass && !client.body().empty()) up->body() = client.body();
  up->keep_alive(true);
  if (mode == ForwardMode::pass) up->prepare_payload();
  return up;
}

void strip_hop_by_hop(http::response_header<>& header) {
  std::vector<std::string> names;
  for (const auto& f : header) {
    std::string_view name = f.name_string();
    // Framing fields stay: the serializer relays the body with them.
    if (beast::iequals(name, "Transfer-Encoding") || beast::iequals(name, "Content-Length")) continue;
    if (is_hop_by_hop(name, header)) names.emplace_back(name);
  }
  for (const auto& n : names) header.erase(n);
}

UpstreamPool::InterimHandler early_hints_forwarder(const HttpExchangePtr& client) {
  if (!client || client->request().version() < 11) return {};
  return [client](const http::response_header<>& hints, std::function<void()> resume) {
    http::response_header<> forwarded = hints;
    strip_hop_by_hop(forwarded);
    forwarded.erase(http::field::content_length);
    forwarded.erase(http::field::transfer_encoding);
    if (forwarded.reason().empty()) forwarded.reason("Early Hints");
    http::fields::writer writer{forwarded, 11, 103};
    auto bytes = std::make_shared<const std::string>(beast::buffers_to_string(writer.get()));
    client->send_interim(std::move(bytes), std::move(resume));
  };
}

}  // namespace edgelab
