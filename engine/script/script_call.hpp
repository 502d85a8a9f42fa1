#pragma once
// What the host lends a script for one hook call: the request as read-only
// views, the header overlays it may edit, and the request's script state
// (ctx, decisions, counted caps) that lives across its hooks. The host owns
// all of it; Lua holds only handles that die with the call.
#include "script/header_overlay.hpp"
#include "script/script_limits.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace edgelab {

#define EDGELAB_SCRIPT_HOOKS(X)                                                      \
  X(client_request, "on_client_request", "at the PoP, before the lookup (hits too)") \
  X(origin_request, "on_origin_request", "on the node that goes to its upstream")    \
  X(origin_response, "on_origin_response", "before the upstream's answer is stored") \
  X(client_response, "on_client_response", "before delivery to the client")

enum class ScriptHook : std::uint8_t {
#define EDGELAB_HOOK_ENUM(name, function, when) name,
  EDGELAB_SCRIPT_HOOKS(EDGELAB_HOOK_ENUM)
#undef EDGELAB_HOOK_ENUM
};
inline constexpr int kScriptHookCount = 4;

constexpr std::string_view hook_function_name(ScriptHook hook) {
  switch (hook) {
#define EDGELAB_HOOK_NAME(name, function, when) \
  case ScriptHook::name:                        \
    return function;
    EDGELAB_SCRIPT_HOOKS(EDGELAB_HOOK_NAME)
#undef EDGELAB_HOOK_NAME
  }
  return "?";
}
constexpr bool is_request_hook(ScriptHook hook) {
  return hook == ScriptHook::client_request || hook == ScriptHook::origin_request;
}

struct ScriptGeo {
  std::string pop;
  std::string region;
  std::string city;  // the simulated user's city in the lab; empty elsewhere
  std::optional<double> lat;
  std::optional<double> lon;
};

// The request as a script reads it; views into the host's request.
struct ScriptRequestView {
  std::string_view method;
  std::string_view path;   // without the query
  std::string_view query;  // raw, without '?'
  std::string_view host;
  std::string_view client_ip;
  // Or, when client_ip is empty, the text made on first use (formatting an
  // address costs more than a short hook): client_ip_text(client_ip_source).
  std::string_view (*client_ip_text)(const void* source) = nullptr;
  const void* client_ip_source = nullptr;
  const ScriptGeo* geo = nullptr;

  std::string_view client_ip_or_text() const {
    return client_ip.empty() && client_ip_text ? client_ip_text(client_ip_source) : client_ip;
  }
};

using ScriptContextValue = std::variant<bool, std::int64_t, double, std::string>;

// One request's script state, across its hooks.
struct ScriptRequestState {
  enum class Action : std::uint8_t { none, respond, pass };

  // ctx: a per-request table shared across phases (scalars only: it crosses threads).
  std::vector<std::pair<std::string, ScriptContextValue>> ctx;
  std::size_t ctx_bytes = 0;

  // Request hooks decide.
  Action action = Action::none;
  unsigned respond_status = 0;
  std::vector<std::pair<std::string, std::string>> respond_headers;
  std::string respond_body;
  std::optional<std::string> cache_key;  // req:set_cache_key: the parts joined

  // on_origin_response decides how the answer is stored.
  std::optional<std::int64_t> ttl;
  std::vector<std::string> tags;
  bool uncacheable = false;

  // Caps counted across the request's hooks (ScriptLimits).
  int headers_set = 0;
  std::size_t body_bytes = 0;
  int log_lines = 0;
  int logs_dropped = 0;
  int ratelimit_calls = 0;

  double now = 0;  // edge.now(): fixed for the request, Unix seconds
};

enum class ScriptLogLevel : std::uint8_t { debug, info, warn, error };
std::string_view log_level_name(ScriptLogLevel level);

// Node services a script reaches through `edge`; shared by every request of a
// node, so implementations are thread-safe.
class ScriptServices {
 public:
  struct RateDecision {
    bool allowed = true;
    double remaining = 0;
  };
  virtual ~ScriptServices() = default;
  virtual RateDecision take_token(std::string_view key, double rate_per_s, double burst, double now) = 0;
  virtual void log(ScriptLogLevel level, std::string_view message) = 0;
};

struct ScriptCall {
  ScriptHook hook = ScriptHook::client_request;
  ScriptRequestView request;
  HeaderOverlay* request_headers = nullptr;
  HeaderOverlay* response_headers = nullptr;  // response hooks only
  unsigned* response_status = nullptr;        // response hooks only
  ScriptRequestState* state = nullptr;
  ScriptServices* services = nullptr;
  const ScriptLimits* limits = nullptr;
};

}  // namespace edgelab
