#include "script/response_api.hpp"

#include "script/host_handle.hpp"
#include "script/request_api.hpp"

#include <new>

// Lua C functions: see request_api.cpp for why C++ work sits in noexcept helpers.
namespace edgelab {
namespace {

constexpr int kHeadersSlot = 1;
constexpr int kRequestSlot = 2;
constexpr std::size_t kMaxTags = 64;
constexpr std::size_t kMaxTagBytes = 256;
constexpr std::size_t kMaxContextKeyBytes = 256;
constexpr lua_Integer kMaxTtl = 10ll * 365 * 24 * 3600;

ScriptCall& check_origin_response(lua_State* L, const char* what) {
  ScriptCall& call = HostHandle::check(L, 1, HandleKind::response);
  if (call.hook != ScriptHook::origin_response) {
    lua_pushfstring(L, "resp:%s is for on_origin_response (before the answer is stored)", what);
    lua_error(L);
  }
  return call;
}

bool push_tag(ScriptRequestState& state, std::string_view tag) noexcept {
  try {
    for (const auto& t : state.tags)
      if (t == tag) return true;
    state.tags.emplace_back(tag);
    return true;
  } catch (const std::bad_alloc&) {
    return false;
  }
}

std::size_t value_bytes(const ScriptContextValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return text->size();
  return 8;
}

enum class ContextWrite { ok, too_many_keys, too_many_bytes, no_memory };

ContextWrite write_context(ScriptRequestState& state, const ScriptLimits& limits, std::string_view key,
                           const ScriptContextValue* value) noexcept {
  try {
    auto& entries = state.ctx;
    for (auto it = entries.begin(); it != entries.end(); ++it) {
      if (it->first != key) continue;
      state.ctx_bytes -= key.size() + value_bytes(it->second);
      if (!value) {
        entries.erase(it);
        return ContextWrite::ok;
      }
      if (state.ctx_bytes + key.size() + value_bytes(*value) > limits.max_ctx_bytes) {
        entries.erase(it);
        return ContextWrite::too_many_bytes;
      }
      it->second = *value;
      state.ctx_bytes += key.size() + value_bytes(*value);
      return ContextWrite::ok;
    }
    if (!value) return ContextWrite::ok;
    if (entries.size() >= std::size_t(limits.max_ctx_keys)) return ContextWrite::too_many_keys;
    if (state.ctx_bytes + key.size() + value_bytes(*value) > limits.max_ctx_bytes) return ContextWrite::too_many_bytes;
    entries.emplace_back(std::string(key), *value);
    state.ctx_bytes += key.size() + value_bytes(*value);
    return ContextWrite::ok;
  } catch (const std::bad_alloc&) {
    return ContextWrite::no_memory;
  }
}

// A ScriptContextValue holding a copy of a string lives on the heap of the
// request state, never in a Lua C function's frame: this builds and stores it.
ContextWrite write_context_text(ScriptRequestState& state, const ScriptLimits& limits, std::string_view key,
                                std::string_view text) noexcept {
  try {
    const ScriptContextValue value{std::string(text)};
    return write_context(state, limits, key, &value);
  } catch (const std::bad_alloc&) {
    return ContextWrite::no_memory;
  }
}

}  // namespace

void ScriptResponseApi::open(lua_State* L) {
  HostHandle::register_type(L, HandleKind::response, &response_index, &response_newindex);
  HostHandle::register_type(L, HandleKind::context, &context_index, &context_newindex);
}

void ScriptResponseApi::push_response(lua_State* L, void*) { HostHandle::push_new(L, HandleKind::response, 2); }
void ScriptResponseApi::push_context(lua_State* L, void*) { HostHandle::push_new(L, HandleKind::context, 0); }

int ScriptResponseApi::response_index(lua_State* L) {
  ScriptCall& call = HostHandle::check(L, 1, HandleKind::response);
  if (HostHandle::key_is(L, 2, "status")) {
    lua_pushinteger(L, call.response_status ? lua_Integer(*call.response_status) : 0);
  } else if (HostHandle::key_is(L, 2, "headers") || HostHandle::key_is(L, 2, "request")) {
    const bool headers = HostHandle::key_is(L, 2, "headers");
    const int slot = headers ? kHeadersSlot : kRequestSlot;
    if (lua_getiuservalue(L, 1, slot) != LUA_TNIL) return 1;
    lua_pop(L, 1);
    if (headers)
      ScriptRequestApi::push_headers(L, true);
    else
      ScriptRequestApi::push_request(L, nullptr);
    lua_pushvalue(L, -1);
    lua_setiuservalue(L, 1, slot);
  } else if (HostHandle::key_is(L, 2, "set_ttl")) {
    lua_pushcfunction(L, &set_ttl);
  } else if (HostHandle::key_is(L, 2, "add_tag")) {
    lua_pushcfunction(L, &add_tag);
  } else if (HostHandle::key_is(L, 2, "uncacheable")) {
    lua_pushcfunction(L, &uncacheable);
  } else {
    return 0;
  }
  return 1;
}

int ScriptResponseApi::response_newindex(lua_State* L) {
  ScriptCall& call = HostHandle::check(L, 1, HandleKind::response);
  if (!HostHandle::key_is(L, 2, "status")) HostHandle::raise(L, "only resp.status can be assigned");
  if (!lua_isinteger(L, 3)) HostHandle::raise(L, "resp.status must be an integer");
  const lua_Integer status = lua_tointeger(L, 3);
  // 204 and 304 carry no body, 1xx are not final: the body at hand would lose its framing.
  if (status < 200 || status > 599 || status == 204 || status == 304)
    HostHandle::raise(L, "resp.status must be 200..599 (not 204 or 304)");
  if (!call.response_status) HostHandle::raise(L, "there is no response in this hook");
  // A 204 or 304 came without a body (and may announce another's length): any other status would lose its framing.
  if (*call.response_status == 204 || *call.response_status == 304 || *call.response_status < 200)
    HostHandle::raise(L, "resp.status of a 204 or 304 cannot change");
  *call.response_status = unsigned(status);
  return 0;
}

int ScriptResponseApi::set_ttl(lua_State* L) {
  ScriptCall& call = check_origin_response(L, "set_ttl");
  const lua_Integer seconds = luaL_checkinteger(L, 2);
  if (seconds < 0 || seconds > kMaxTtl) HostHandle::raise(L, "resp:set_ttl: seconds must be 0..315360000");
  call.state->ttl = std::int64_t(seconds);
  return 0;
}

int ScriptResponseApi::add_tag(lua_State* L) {
  ScriptCall& call = check_origin_response(L, "add_tag");
  const std::string_view tag = HostHandle::check_text(L, 2, "resp:add_tag: tag");
  if (tag.empty() || tag.size() > kMaxTagBytes) HostHandle::raise(L, "resp:add_tag: a tag is 1..256 bytes");
  for (unsigned char c : tag)
    if (c <= 0x20 || c == ',' || c == 0x7f) HostHandle::raise(L, "resp:add_tag: no spaces, commas or controls");
  if (call.state->tags.size() >= kMaxTags) HostHandle::raise(L, "resp:add_tag: at most 64 tags");
  if (!push_tag(*call.state, tag)) HostHandle::raise(L, "not enough memory");
  return 0;
}

int ScriptResponseApi::uncacheable(lua_State* L) {
  ScriptCall& call = check_origin_response(L, "uncacheable");
  call.state->uncacheable = true;
  return 0;
}

int ScriptResponseApi::context_index(lua_State* L) {
  ScriptCall& call = HostHandle::check(L, 1, HandleKind::context);
  if (lua_type(L, 2) != LUA_TSTRING) return 0;
  std::size_t length = 0;
  const char* key = lua_tolstring(L, 2, &length);
  const std::string_view name(key, length);
  for (const auto& [k, value] : call.state->ctx) {
    if (k != name) continue;
    if (const auto* flag = std::get_if<bool>(&value))
      lua_pushboolean(L, *flag);
    else if (const auto* integer = std::get_if<std::int64_t>(&value))
      lua_pushinteger(L, lua_Integer(*integer));
    else if (const auto* number = std::get_if<double>(&value))
      lua_pushnumber(L, *number);
    else
      lua_pushlstring(L, std::get<std::string>(value).data(), std::get<std::string>(value).size());
    return 1;
  }
  return 0;
}

int ScriptResponseApi::context_newindex(lua_State* L) {
  ScriptCall& call = HostHandle::check(L, 1, HandleKind::context);
  if (lua_type(L, 2) != LUA_TSTRING) HostHandle::raise(L, "ctx keys are strings");
  std::size_t length = 0;
  const char* key_text = lua_tolstring(L, 2, &length);
  const std::string_view key(key_text, length);
  if (key.empty() || key.size() > kMaxContextKeyBytes) HostHandle::raise(L, "ctx keys are 1..256 bytes");
  ContextWrite written = ContextWrite::ok;
  switch (lua_type(L, 3)) {
    case LUA_TNIL:
      written = write_context(*call.state, *call.limits, key, nullptr);
      break;
    case LUA_TBOOLEAN: {
      const ScriptContextValue value{bool(lua_toboolean(L, 3))};
      written = write_context(*call.state, *call.limits, key, &value);
      break;
    }
    case LUA_TNUMBER: {
      const ScriptContextValue value = lua_isinteger(L, 3) ? ScriptContextValue{std::int64_t(lua_tointeger(L, 3))}
                                                           : ScriptContextValue{double(lua_tonumber(L, 3))};
      written = write_context(*call.state, *call.limits, key, &value);
      break;
    }
    case LUA_TSTRING: {
      std::size_t text_length = 0;
      const char* text = lua_tolstring(L, 3, &text_length);
      written = write_context_text(*call.state, *call.limits, key, {text, text_length});
      break;
    }
    default:
      HostHandle::raise(L, "ctx values are strings, numbers or booleans (ctx crosses threads between hooks)");
  }
  switch (written) {
    case ContextWrite::ok:
      return 0;
    case ContextWrite::too_many_keys:
      HostHandle::raise(L, "ctx holds at most max_ctx_keys keys");
    case ContextWrite::too_many_bytes:
      HostHandle::raise(L, "ctx holds at most max_ctx_bytes bytes");
    case ContextWrite::no_memory:
      HostHandle::raise(L, "not enough memory");
  }
  return 0;
}

}  // namespace edgelab
