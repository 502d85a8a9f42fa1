#pragma once
// A node's edge script: the live program (swapped whole, so a request in
// flight keeps the version it started with), the services scripts reach
// (edge.ratelimit's buckets, edge.log into the event stream), what failures
// do, and the file that keeps the live script across restarts.
#include "admin/event_bus.hpp"
#include "admin/event_throttle.hpp"
#include "script/script_program.hpp"
#include "script/token_bucket_table.hpp"

#include <boost/json/object.hpp>

#include <atomic>
#include <memory>
#include <string>

namespace edgelab {

class NodeScripts {
 public:
  NodeScripts(std::string node_name, std::shared_ptr<EventBus> events, std::string state_file);

  // The live program; null when there is none. The hot path asks defines() first.
  ScriptProgramPtr live() const { return live_.load(std::memory_order_acquire); }
  bool any() const { return hooks_.load(std::memory_order_relaxed) != 0; }
  bool defines(ScriptHook hook) const { return (hooks_.load(std::memory_order_relaxed) >> unsigned(hook)) & 1u; }

  // Makes `program` live and keeps it in the state file (when there is one).
  // Called off the io threads (ScriptWorker): writing the file blocks.
  bool deploy(ScriptProgramPtr program, std::string& error);
  // Removes the live script (and its file); false when there was none.
  bool remove(std::string& error);
  // At start: compiles the kept script, if any. A kept script that no longer
  // loads is reported and left out (the node serves without it).
  void restore();

  ScriptServices& services() { return services_; }
  // Counts a hook's failure and reports it (thinned) in the event stream.
  void report_failure(const ScriptProgram& program, ScriptHook hook, const ScriptResult& result);

  boost::json::object status_json() const;
  // The edgelab_script_* families for /metrics; `open_label` is `{node="NAME"`.
  // The live version's counters start at 0 when it is deployed (a counter reset).
  void append_prometheus(std::string& out, std::string_view open_label) const;
  const std::string& state_file() const { return state_file_; }
  std::uint64_t deploys() const { return deploys_.load(); }
  std::atomic<std::uint64_t> refused_deploys{0};
  // req.geo on this node (its name as the PoP, region, coordinates); set once at construction.
  ScriptGeo geo;

 private:
  class Services final : public ScriptServices {
   public:
    Services(NodeScripts& owner) : owner_(owner) {}
    RateDecision take_token(std::string_view key, double rate, double burst, double now) override;
    void log(ScriptLogLevel level, std::string_view message) override;
    TokenBucketTable buckets{100'000};
    TokenBucketTable log_budget{1};
    std::atomic<std::uint64_t> logs{0};
    std::atomic<std::uint64_t> logs_dropped{0};

   private:
    NodeScripts& owner_;
  };

  void publish(ScriptProgramPtr program);
  bool write_state(const ScriptProgram& program, std::string& error) const;

  std::string node_name_;
  std::shared_ptr<EventBus> events_;
  std::string state_file_;
  std::atomic<std::shared_ptr<const ScriptProgram>> live_;
  std::atomic<unsigned> hooks_{0};
  std::atomic<std::uint64_t> deploys_{0};
  Services services_{*this};
  EventThrottle failure_throttle_;
};

}  // namespace edgelab
