#pragma once
// A synthetic origin for labs, tests and benchmarks.
//
//   GET /obj/<name>?size=N&ttl=S&tags=a,b&delay_ms=D
// answers N bytes with "Cache-Control: public, max-age=S", "Surrogate-Key: a b",
// an ETag and Last-Modified, after D ms; If-None-Match gets a 304. Test knobs:
// cc= (replaces Cache-Control), scc= (Surrogate-Control), cdncc=
// (CDN-Cache-Control), vary=<header> (echoed into the body), status=N,
// cookie=1, v=<version> (changes body and ETag), noetag=1, chunked=1,
// trickle_ms=T (the body goes out in 4 parts, T ms apart), abort=1 (with
// trickle_ms: the connection is closed after half the body).
//   GET /__stats  -> {"requests": N, "conditional": N, "paths": {"/obj/a": n, ...}}
// Any other method on /obj/... answers 200 "ok" with no-store.
#include "core/node_config.hpp"
#include "http/http_server.hpp"

#include <atomic>
#include <map>
#include <mutex>

namespace edgelab {

class SyntheticOrigin : public std::enable_shared_from_this<SyntheticOrigin> {
 public:
  explicit SyntheticOrigin(net::io_context& ioc);
  boost::system::error_code listen(const Endpoint& endpoint);
  void shutdown(std::function<void()> done = {});
  std::uint16_t port() const { return server_ ? server_->port() : 0; }

  std::uint64_t requests() const { return requests_.load(); }
  std::uint64_t requests_for(const std::string& path) const;
  // Requests that carried a validator (If-None-Match): revalidations, not full fetches.
  std::uint64_t conditional_requests() const { return conditional_.load(); }
  // Every path asked for so far, with its request count.
  std::map<std::string, std::uint64_t> requests_by_path() const;
  std::string stats_json() const;
  // Every request is answered with this status (0: normal behaviour).
  void set_forced_status(unsigned status) { forced_status_ = status; }
  // Extra delay added to every request, in ms.
  void set_extra_delay_ms(unsigned ms) { extra_delay_ms_ = ms; }
  // Off: no per-path counts (a lab up for hours over a million objects would keep
  // one entry for each); requests() and conditional_requests() still count.
  void count_paths(bool on) { count_paths_ = on; }

 private:
  void handle(HttpExchangePtr exchange);
  Response build(const Request& request);
  void trickle(HttpExchangePtr exchange, Response response, unsigned interval_ms, bool abort);

  net::io_context& ioc_;
  std::shared_ptr<HttpServer> server_;
  std::atomic<std::uint64_t> requests_{0};
  std::atomic<std::uint64_t> conditional_{0};
  std::atomic<unsigned> forced_status_{0};
  std::atomic<unsigned> extra_delay_ms_{0};
  std::atomic<bool> count_paths_{true};
  mutable std::mutex mutex_;
  std::map<std::string, std::uint64_t> per_path_;
};

}  // namespace edgelab
