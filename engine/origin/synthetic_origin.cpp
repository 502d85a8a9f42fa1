#include "origin/synthetic_origin.hpp"

#include "cache/http_date.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/serializer.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json.hpp>

#include <charconv>
#include <chrono>

namespace edgelab {
namespace {

std::string percent_decode(std::string_view in) {
  std::string out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '%' && i + 2 < in.size()) {
      unsigned v = 0;
      auto [p, ec] = std::from_chars(in.data() + i + 1, in.data() + i + 3, v, 16);
      if (ec == std::errc{} && p == in.data() + i + 3) {
        out.push_back(static_cast<char>(v));
        i += 2;
        continue;
      }
    }
    out.push_back(in[i] == '+' ? ' ' : in[i]);
  }
  return out;
}

std::string query_param(std::string_view target, std::string_view name) {
  auto q = target.find('?');
  if (q == std::string_view::npos) return {};
  std::string_view query = target.substr(q + 1);
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view p = query.substr(0, amp);
    query.remove_prefix(amp == std::string_view::npos ? query.size() : amp + 1);
    auto eq = p.find('=');
    if (p.substr(0, eq) == name) return eq == std::string_view::npos ? std::string{} : percent_decode(p.substr(eq + 1));
  }
  return {};
}

std::uint64_t to_number(const std::string& s, std::uint64_t fallback) {
  std::uint64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc{} && p == s.data() + s.size() && !s.empty() ? v : fallback;
}

bool req_is_get(const Request& r) { return r.method() == http::verb::get; }

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

SyntheticOrigin::SyntheticOrigin(net::io_context& ioc) : ioc_(ioc) {}

boost::system::error_code SyntheticOrigin::listen(const Endpoint& endpoint) {
  ServerLimits limits;
  limits.max_connections = 100'000;
  std::weak_ptr<SyntheticOrigin> weak = weak_from_this();
  server_ = std::make_shared<HttpServer>(ioc_, limits, [weak](HttpExchangePtr exchange) {
    if (auto self = weak.lock()) self->handle(std::move(exchange));
  });
  return server_->listen(endpoint);
}

void SyntheticOrigin::shutdown(std::function<void()> done) {
  if (server_)
    server_->shutdown(std::move(done));
  else if (done)
    done();
}

std::uint64_t SyntheticOrigin::requests_for(const std::string& path) const {
  std::lock_guard lock(mutex_);
  auto it = per_path_.find(path);
  return it == per_path_.end() ? 0 : it->second;
}

std::map<std::string, std::uint64_t> SyntheticOrigin::requests_by_path() const {
  std::lock_guard lock(mutex_);
  return per_path_;
}

std::string SyntheticOrigin::stats_json() const {
  boost::json::object o;
  o["requests"] = requests_.load();
  o["conditional"] = conditional_.load();
  boost::json::object paths;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [p, n] : per_path_) paths[p] = n;
  }
  o["paths"] = std::move(paths);
  return boost::json::serialize(o);
}

void SyntheticOrigin::handle(HttpExchangePtr exchange) {
  const Request& req = exchange->request();
  std::string_view target = req.target();
  std::string path(target.substr(0, target.find('?')));
  if (path == "/__stats") {
    Response res{http::status::ok, 11};
    res.set(http::field::content_type, "application/json");
    res.set(http::field::cache_control, "no-store");
    res.body() = stats_json();
    res.keep_alive(req.keep_alive());
    res.prepare_payload();
    return exchange->respond(std::move(res));
  }
  ++requests_;
  if (req.find(http::field::if_none_match) != req.end()) ++conditional_;
  if (count_paths_) {
    std::lock_guard lock(mutex_);
    ++per_path_[path];
  }
  auto delay = to_number(query_param(target, "delay_ms"), 0) + extra_delay_ms_.load();
  const auto trickle_ms = static_cast<unsigned>(to_number(query_param(target, "trickle_ms"), 0));
  const bool abort = query_param(target, "abort") == "1";
  auto answer = [self = shared_from_this(), exchange, trickle_ms, abort] {
    Response res = self->build(exchange->request());
    if (trickle_ms && res.result() == http::status::ok && req_is_get(exchange->request()))
      return self->trickle(exchange, std::move(res), trickle_ms, abort);
    exchange->respond(std::move(res));
  };
  if (delay == 0) return answer();
  auto timer = std::make_shared<net::steady_timer>(exchange->executor(), std::chrono::milliseconds(delay));
  timer->async_wait([answer, timer](boost::system::error_code) { answer(); });
}

namespace {
// Writes the header, then the body in four parts with a pause between them.
struct Trickle : std::enable_shared_from_this<Trickle> {
  Trickle(HttpExchangePtr ex, Response res, unsigned interval_ms, bool abort)
      : exchange(std::move(ex)),
        response(std::move(res)),
        serializer(response),
        timer(exchange->executor()),
        interval(interval_ms),
        abort_midway(abort) {}
  void start() {
    http::async_write_header(exchange->stream(), serializer,
                             [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
                               if (ec) return self->exchange->finish(false);
                               self->next();
                             });
  }
  void next() {
    const std::string& body = response.body();
    const std::size_t part = (body.size() + 3) / 4;
    if (sent >= body.size()) return exchange->finish(response.keep_alive());
    if (abort_midway && sent >= body.size() / 2) return exchange->finish(false);
    timer.expires_after(std::chrono::milliseconds(interval));
    timer.async_wait([self = shared_from_this(), part](boost::system::error_code) {
      const std::string& b = self->response.body();
      const std::size_t n = std::min(part, b.size() - self->sent);
      net::async_write(self->exchange->stream(), net::buffer(b.data() + self->sent, n),
                       [self, n](boost::system::error_code ec, std::size_t) {
                         if (ec) return self->exchange->finish(false);
                         self->sent += n;
                         self->next();
                       });
    });
  }
  HttpExchangePtr exchange;
  Response response;
  http::response_serializer<http::string_body> serializer;
  net::steady_timer timer;
  unsigned interval;
  bool abort_midway;
  std::size_t sent = 0;
};
}  // namespace

void SyntheticOrigin::trickle(HttpExchangePtr exchange, Response response, unsigned interval_ms, bool abort) {
  net::post(exchange->executor(), [exchange, response = std::move(response), interval_ms, abort]() mutable {
    std::make_shared<Trickle>(exchange, std::move(response), interval_ms, abort)->start();
  });
}

Response SyntheticOrigin::build(const Request& req) {
  std::string_view target = req.target();
  Response res{http::status::ok, 11};
  res.keep_alive(req.keep_alive());
  res.set(http::field::server, "edgelab-origin");
  res.set(http::field::date, format_http_date(unix_now()));
  if (unsigned forced = forced_status_.load()) {
    res.result(static_cast<http::status>(forced));
    res.set(http::field::cache_control, "no-store");
    res.body() = "forced failure\n";
    res.prepare_payload();
    return res;
  }
  if (target.substr(0, 5) != "/obj/") {
    res.result(http::status::not_found);
    res.set(http::field::cache_control, "public, max-age=60");
    res.body() = "not found\n";
    res.prepare_payload();
    return res;
  }
  if (req.method() != http::verb::get && req.method() != http::verb::head) {
    res.set(http::field::cache_control, "no-store");
    res.body() = "ok\n";
    res.prepare_payload();
    return res;
  }
  std::string name(target.substr(5, target.find('?') - 5));
  const std::uint64_t size = std::min<std::uint64_t>(to_number(query_param(target, "size"), 1024), 1ull << 30);
  const std::uint64_t ttl = to_number(query_param(target, "ttl"), 60);
  const std::string version = query_param(target, "v");
  const std::string vary = query_param(target, "vary");
  std::string vary_value = vary.empty() ? std::string() : std::string(req[vary]);

  std::string cc = query_param(target, "cc");
  res.set(http::field::cache_control, cc.empty() ? "public, max-age=" + std::to_string(ttl) : cc);
  if (auto scc = query_param(target, "scc"); !scc.empty()) res.set("Surrogate-Control", scc);
  if (auto cdncc = query_param(target, "cdncc"); !cdncc.empty()) res.set("CDN-Cache-Control", cdncc);
  if (auto tags = query_param(target, "tags"); !tags.empty()) {
    std::replace(tags.begin(), tags.end(), ',', ' ');
    res.set("Surrogate-Key", tags);
  }
  if (!vary.empty()) res.set(http::field::vary, vary);
  if (query_param(target, "cookie") == "1") res.set(http::field::set_cookie, "session=1");
  if (auto status = to_number(query_param(target, "status"), 200); status != 200)
    res.result(static_cast<http::status>(status));

  const std::string etag =
      "\"" +
      std::to_string(std::hash<std::string>{}(name + "/" + version + "/" + std::to_string(size) + "/" + vary_value)) +
      "\"";
  if (query_param(target, "noetag") != "1") res.set(http::field::etag, etag);
  res.set(http::field::last_modified, "Mon, 02 Nov 2026 10:00:00 GMT");
  res.set(http::field::content_type, "application/octet-stream");

  auto inm = req[http::field::if_none_match];
  if (!inm.empty() && inm == etag && query_param(target, "noetag") != "1") {
    res.result(http::status::not_modified);
    res.body().clear();
    res.content_length(boost::none);
    return res;
  }
  std::string body = name + "|" + version + "|" + vary_value + "|";
  body.resize(static_cast<std::size_t>(size), 'x');
  if (body.size() > size) body.resize(static_cast<std::size_t>(size));
  res.body() = std::move(body);
  if (query_param(target, "chunked") == "1")
    res.chunked(true);
  else
    res.prepare_payload();
  if (req.method() == http::verb::head) res.body().clear();  // Content-Length stays the GET's
  return res;
}

}  // namespace edgelab
