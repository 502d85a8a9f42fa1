#include "support/lab_harness.hpp"

#include "admin/admin_token.hpp"
#include "http/blocking_client.hpp"

#include <QElapsedTimer>
#include <QtGlobal>

namespace edgelab::test {
namespace json = boost::json;

LabHarness::LabHarness(LabServiceOptions options) {
  if (options.resources.empty()) options.resources = EDGELAB_RESOURCES;
  std::string error;
  service_ = LabService::start(options, error);
  if (!service_) qFatal("lab: %s", error.c_str());
  auto token = read_admin_token(service_->api_token_file().string(), error);
  if (!token) qFatal("token: %s", error.c_str());
  token_ = *token;
  const std::string url = service_->api_url();
  port_ = static_cast<std::uint16_t>(std::stoi(url.substr(url.rfind(':') + 1)));
}

LabHarness::~LabHarness() = default;

LabAnswer LabHarness::call(http::verb method, const std::string& target, const std::string& body,
                           std::optional<std::string> token) const {
  BlockingClient client({"127.0.0.1", port_}, std::chrono::seconds(40));
  Request req;
  req.version(11);
  req.method(method);
  req.target(target);
  req.set(http::field::host, "lab");
  const std::string bearer = token.value_or(token_);
  if (!bearer.empty()) req.set(http::field::authorization, "Bearer " + bearer);
  if (!body.empty()) {
    req.set(http::field::content_type, "application/json");
    req.body() = body;
  }
  req.prepare_payload();
  auto res = client.request(std::move(req));
  LabAnswer a;
  if (!res) return a;
  a.status = res->result_int();
  a.text = res->body();
  boost::system::error_code ec;
  a.body = json::parse(a.text, ec);
  return a;
}

bool LabHarness::wait_for_event(const std::function<bool(const json::object&)>& match,
                                std::chrono::milliseconds limit) {
  while (!pending_.empty()) {
    const json::object e = std::move(pending_.front());
    pending_.pop_front();
    if (match(e)) return true;
  }
  QElapsedTimer timer;
  timer.start();
  while (timer.elapsed() < limit.count()) {
    const auto left = std::max<qint64>(1, limit.count() - timer.elapsed());
    auto a = get("/lab/v1/events?after=" + std::to_string(next_event_) + "&timeout_ms=" + std::to_string(left));
    if (a.status != 200) return false;
    next_event_ = a.body.at("next").to_number<std::uint64_t>();
    bool matched = false;
    for (const auto& e : a.body.at("events").as_array()) {
      seen_.push_back(e.as_object());
      if (matched)
        pending_.push_back(e.as_object());
      else
        matched = match(e.as_object());
    }
    if (matched) return true;
  }
  return false;
}

}  // namespace edgelab::test
