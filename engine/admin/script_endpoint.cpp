#include "admin/script_endpoint.hpp"

#include "node/edge_node.hpp"
#include "script/script_self_tests.hpp"
#include "script/script_worker.hpp"

#include <boost/json.hpp>

#include <charconv>
#include <chrono>

namespace edgelab {
namespace json = boost::json;
namespace {

// The line of a Lua message "chunk:LINE: text", or 0.
std::int64_t line_of(std::string_view message, std::string_view chunk) {
  std::size_t at = message.find(chunk);
  if (at == std::string_view::npos) return 0;
  at += chunk.size();
  if (at >= message.size() || message[at] != ':') return 0;
  std::int64_t line = 0;
  auto [end, ec] = std::from_chars(message.data() + at + 1, message.data() + message.size(), line);
  return ec == std::errc() && end < message.data() + message.size() && *end == ':' ? line : 0;
}

bool valid_chunk_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
          c == '-'))
      return false;
  return true;
}

void answer_later(const HttpExchangePtr& exchange, Response response) {
  net::post(exchange->executor(),
            [exchange, response = std::move(response)]() mutable { exchange->respond(std::move(response)); });
}

}  // namespace

void ScriptEndpoint::handle(EdgeNode& node, const QueryParams& params, const HttpExchangePtr& exchange) {
  const bool keep = exchange->keep_alive();
  switch (exchange->request().method()) {
    case http::verb::get:
    case http::verb::head:
      return exchange->respond(json_response(http::status::ok, node.scripts().status_json(), keep));
    case http::verb::put:
      return deploy(node, params, exchange);
    case http::verb::delete_: {
      // On the script worker like deploys, so a DELETE and a PUT in flight are ordered.
      const bool queued = ScriptWorker::post([node = node.shared_from_this(), exchange, keep] {
        ScriptProgramPtr live = node->scripts().live();
        std::string error;
        if (!node->scripts().remove(error)) {
          if (!error.empty())
            return answer_later(exchange, json_error(http::status::internal_server_error, error, keep));
          return answer_later(exchange, json_error(http::status::not_found, "no script is live on this node", keep));
        }
        answer_later(exchange,
                     json_response(http::status::ok, json::object{{"removed", live ? live->version() : ""}}, keep));
      });
      if (!queued)
        exchange->respond(json_error(http::status::service_unavailable, "too many script changes in progress", keep));
      return;
    }
    default:
      return exchange->respond(json_error(http::status::method_not_allowed, "use GET, PUT or DELETE", keep));
  }
}

void ScriptEndpoint::deploy(EdgeNode& node, const QueryParams& params, const HttpExchangePtr& exchange) {
  const bool keep = exchange->keep_alive();
  auto refuse = [&](std::string_view message) {
    node.scripts().refused_deploys.fetch_add(1);
    exchange->respond(json_error(http::status::bad_request, message, keep));
  };
  if (auto unknown = params.unknown({"fail", "cpu_ms", "memory_kib", "name"}))
    return refuse("unknown query parameter: " + *unknown);
  ScriptSettings settings;
  if (auto fail = params.get("fail")) {
    if (*fail == "closed")
      settings.fail = ScriptFailMode::closed;
    else if (*fail != "open")
      return refuse("fail must be open or closed");
  }
  std::string error;
  auto cpu_ms = params.get_uint("cpu_ms", 10, 1, 1000, error);
  if (!cpu_ms) return refuse(error);
  auto memory_kib = params.get_uint("memory_kib", 16 * 1024, 256, 1024 * 1024, error);
  if (!memory_kib) return refuse(error);
  settings.limits.cpu_us = std::int64_t(*cpu_ms) * 1000;
  settings.limits.memory_bytes = std::size_t(*memory_kib) * 1024;
  std::string name = params.get("name").value_or("script.lua");
  if (!valid_chunk_name(name)) return refuse("name must be 1..64 letters, digits, '.', '_' or '-'");
  std::string source = exchange->request().body();
  if (source.empty()) return refuse("the body is empty: PUT the Lua source");

  // Compiling, self-tests (each may use its CPU budget) and writing the state
  // file happen on the script worker, never on an io thread.
  const bool queued = ScriptWorker::post([node = node.shared_from_this(), exchange, settings, name = std::move(name),
                                          source = std::move(source), keep]() mutable {
    std::string compile_error;
    auto program = ScriptProgram::compile(std::move(source), name, settings, compile_error);
    auto fail = [&](std::string_view stage, const std::string& message) {
      node->scripts().refused_deploys.fetch_add(1);
      json::object body{{"error", std::string(stage) + message}};
      if (auto line = line_of(message, name)) body["line"] = line;
      answer_later(exchange, json_response(http::status::bad_request, body, keep));
    };
    if (!program) return fail("", compile_error);
    const SelfTestReport report = ScriptSelfTests::run(program);
    if (!report.ok()) return fail("self-test failed: ", report.summary());
    program->set_deployed_at(
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
    program->prewarm(4);
    json::array hooks;
    for (int i = 0; i < kScriptHookCount; ++i)
      if (program->defines(ScriptHook(i))) hooks.emplace_back(hook_function_name(ScriptHook(i)));
    json::object body{{"version", program->version()},
                      {"name", program->name()},
                      {"fail", fail_mode_name(settings.fail)},
                      {"hooks", std::move(hooks)},
                      {"self_tests", json::object{{"run", report.run}, {"passed", report.passed}}}};
    if (!node->scripts().deploy(std::move(program), compile_error))
      return answer_later(exchange, json_error(http::status::internal_server_error, compile_error, keep));
    answer_later(exchange, json_response(http::status::ok, body, keep));
  });
  if (!queued) {
    node.scripts().refused_deploys.fetch_add(1);
    Response busy = json_error(http::status::service_unavailable, "too many script deploys in progress", keep);
    busy.set(http::field::retry_after, "1");
    exchange->respond(std::move(busy));
  }
}

}  // namespace edgelab
