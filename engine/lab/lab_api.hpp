#pragma once
// The lab control API (the contract in the console's brief): JSON over
// HTTP/1.1 on the lab's own listener, beside the nodes' admin APIs, with the
// same bearer token scheme. Every endpoint but /health needs
// "Authorization: Bearer <token>" (401 otherwise, counted); bad parameters and
// bodies are 400s naming the key, unknown nodes 404s.
//   GET /health                          {"ok":true}
//   GET /lab/v1/topology                 nodes, origin, links
//   GET|PUT /lab/v1/traffic              the simulated users' settings
//   POST /lab/v1/faults                  kill|revive|cut|restore|link-delay|origin-slow|origin-down|origin-up
//   GET /lab/v1/events?after=&timeout_ms=   long-poll: faults, health changes, traffic changes
//   GET /lab/v1/health                   each node as the lab's health monitors see it
//   GET /lab/v1/metrics?after=T          per-second lab figures, origin offload (10 s, run)
//   GET /lab/v1/samples?after=&timeout_ms=  long-poll: sampled simulated requests (~100/s at most)
//   GET /lab/v1/whatif?lat=&lon=|city=&url=  the PoP, shield and origin a user there would reach, and who holds the URL
#include "http/http_exchange.hpp"

#include <atomic>
#include <memory>
#include <string>

namespace edgelab {

class LabController;

struct LabApiCounters {
  std::atomic<std::uint64_t> requests{0};
  std::atomic<std::uint64_t> auth_failures{0};
  std::atomic<std::uint64_t> bad_requests{0};  // 4xx other than 401
};

class LabApi {
 public:
  // `controller` must outlive the API (and every request it is handling).
  LabApi(LabController& controller, std::string token);
  void handle(const HttpExchangePtr& exchange);
  const LabApiCounters& counters() const { return counters_; }

 private:
  void traffic(const HttpExchangePtr& exchange);
  void fault(const HttpExchangePtr& exchange);
  void long_poll(const HttpExchangePtr& exchange, bool samples, const std::string& query_error);
  void fail(const HttpExchangePtr& exchange, http::status status, std::string_view message);

  LabController& controller_;
  std::string token_;
  LabApiCounters counters_;
};

}  // namespace edgelab
