#pragma once
// One in-process lab (LabService) on loopback, asked through its control API
// with its bearer token, as the console asks it.
#include "lab/lab_service.hpp"

#include <boost/json.hpp>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "http/http_types.hpp"

namespace edgelab::test {

struct LabAnswer {
  unsigned status = 0;  // 0: no answer
  boost::json::value body;
  std::string text;
};

class LabHarness {
 public:
  // Stops the test (qFatal) when the lab does not start. `options.resources`,
  // when empty, is the source tree's resources/.
  explicit LabHarness(LabServiceOptions options = {});
  ~LabHarness();

  // `token`: nullopt sends the lab's own; an empty string sends none.
  LabAnswer call(http::verb method, const std::string& target, const std::string& body = {},
                 std::optional<std::string> token = std::nullopt) const;
  LabAnswer get(const std::string& target) const { return call(http::verb::get, target); }
  LabAnswer put_traffic(const std::string& body) const { return call(http::verb::put, "/lab/v1/traffic", body); }
  LabAnswer fault(const std::string& body) const { return call(http::verb::post, "/lab/v1/faults", body); }

  // Long-polls events until `match` accepts one (at most `limit`); the events seen are kept.
  bool wait_for_event(const std::function<bool(const boost::json::object&)>& match, std::chrono::milliseconds limit);
  const std::vector<boost::json::object>& seen() const { return seen_; }
  const LabService& service() const { return *service_; }

 private:
  std::unique_ptr<LabService> service_;
  std::string token_;
  std::uint16_t port_ = 0;
  std::uint64_t next_event_ = 0;
  std::vector<boost::json::object> seen_;
  // Events that arrived in a batch after the one a wait matched: the next wait
  // looks at them first (a kill's fault and health events often come together).
  std::deque<boost::json::object> pending_;
};

}  // namespace edgelab::test
