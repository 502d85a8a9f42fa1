#include "script/request_api.hpp"

#include "script/host_handle.hpp"

#include <new>

// Lua C functions: an error longjmps, so the C++ work (an edit, a copy into
// the request state) happens in noexcept helpers that return before any Lua
// call that may raise, and nothing with a destructor lives in these frames.
namespace edgelab {
namespace {

// User value slots of a req handle: members built on first use.
constexpr int kQuerySlot = 1;
constexpr int kHeadersSlot = 2;
constexpr int kGeoSlot = 3;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Pushes the form-decoded text ('+' is a space, %XX a byte).
void push_decoded(lua_State* L, const char* text, std::size_t length) {
  luaL_Buffer buffer;
  luaL_buffinit(L, &buffer);
  for (std::size_t i = 0; i < length; ++i) {
    char c = text[i];
    if (c == '+') {
      c = ' ';
    } else if (c == '%' && i + 2 < length) {
      const int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        c = char(hi * 16 + lo);
        i += 2;
      }
    }
    luaL_addchar(&buffer, c);
  }
  luaL_pushresult(&buffer);
}

const char* edit_error(HeaderEditError error) { return header_edit_error_text(error).data(); }

HeaderEditError set_header(HeaderOverlay& overlay, std::string_view name, std::string_view value,
                           bool remove) noexcept {
  try {
    return remove ? overlay.remove(name) : overlay.set(name, value);
  } catch (const std::bad_alloc&) {
    return HeaderEditError::bad_value;
  }
}

bool append_answer_header(ScriptRequestState& state, std::string_view name, std::string_view value) noexcept {
  try {
    state.respond_headers.emplace_back(std::string(name), std::string(value));
    return true;
  } catch (const std::bad_alloc&) {
    return false;
  }
}

bool assign(std::string& target, std::string_view value) noexcept {
  try {
    target.assign(value);
    return true;
  } catch (const std::bad_alloc&) {
    return false;
  }
}

bool assign_key(std::optional<std::string>& target, std::string_view value) noexcept {
  try {
    target.emplace(value);
    return true;
  } catch (const std::bad_alloc&) {
    return false;
  }
}

void count_edit(lua_State* L, ScriptCall& call) {
  if (++call.state->headers_set > call.limits->max_headers_set) {
    lua_pushfstring(L, "more than %d header edits in one request (max_headers_set)", call.limits->max_headers_set);
    lua_error(L);
  }
}

void check_undecided(lua_State* L, const ScriptCall& call, const char* what) {
  if (call.hook != ScriptHook::client_request && call.hook != ScriptHook::origin_request) {
    lua_pushfstring(L, "req:%s is for on_client_request and on_origin_request", what);
    lua_error(L);
  }
  if (call.state->action == ScriptRequestState::Action::respond)
    HostHandle::raise(L, "the request already has an answer (req:respond or req:redirect)");
}

}  // namespace

void ScriptRequestApi::open(lua_State* L) {
  HostHandle::open_view_type(L);
  HostHandle::register_type(L, HandleKind::request, &request_index, nullptr);
  const luaL_Reg request_headers[] = {
      {"get", &header_get<false>}, {"set", &header_set<false>}, {"remove", &header_remove<false>}, {nullptr, nullptr}};
  const luaL_Reg response_headers[] = {
      {"get", &header_get<true>}, {"set", &header_set<true>}, {"remove", &header_remove<true>}, {nullptr, nullptr}};
  HostHandle::register_methods(L, HandleKind::request_headers, request_headers);
  HostHandle::register_methods(L, HandleKind::response_headers, response_headers);
}

void ScriptRequestApi::push_request(lua_State* L, void*) { HostHandle::push_new(L, HandleKind::request, 3); }

void ScriptRequestApi::push_headers(lua_State* L, bool response) {
  HostHandle::push_new(L, response ? HandleKind::response_headers : HandleKind::request_headers, 0);
}

int ScriptRequestApi::request_index(lua_State* L) {
  ScriptCall& call = HostHandle::check(L, 1, HandleKind::request);
  if (lua_type(L, 2) != LUA_TSTRING) return 0;
  std::size_t length = 0;
  const char* key = lua_tolstring(L, 2, &length);
  const std::string_view name(key, length);
  const ScriptRequestView& r = call.request;
  auto push_view = [L](std::string_view text) { lua_pushlstring(L, text.data(), text.size()); };
  if (name == "method") {
    push_view(r.method);
  } else if (name == "path") {
    push_view(r.path);
  } else if (name == "headers" || name == "query" || name == "geo") {
    const int slot = name == "headers" ? kHeadersSlot : name == "query" ? kQuerySlot : kGeoSlot;
    if (lua_getiuservalue(L, 1, slot) != LUA_TNIL) return 1;
    lua_pop(L, 1);
    if (slot == kHeadersSlot)
      push_headers(L, false);
    else if (slot == kQuerySlot)
      push_query(L, call);
    else
      push_geo(L, call);
    lua_pushvalue(L, -1);
    lua_setiuservalue(L, 1, slot);
  } else if (name == "query_string") {
    push_view(r.query);
  } else if (name == "client_ip") {
    push_view(r.client_ip_or_text());
  } else if (name == "host") {
    push_view(r.host);
  } else if (name == "respond") {
    lua_pushcfunction(L, &respond);
  } else if (name == "redirect") {
    lua_pushcfunction(L, &redirect);
  } else if (name == "set_cache_key") {
    lua_pushcfunction(L, &set_cache_key);
  } else if (name == "pass") {
    lua_pushcfunction(L, &pass);
  } else {
    return 0;
  }
  return 1;
}

void ScriptRequestApi::push_query(lua_State* L, const ScriptCall& call) {
  constexpr int kMaxParameters = 256;
  const std::string_view query = call.request.query;
  lua_createtable(L, 0, 4);
  std::size_t start = 0;
  for (int count = 0; start < query.size() && count < kMaxParameters; ++count) {
    std::size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view pair = query.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;
    const std::size_t equals = pair.find('=');
    const std::string_view key = pair.substr(0, equals);
    const std::string_view value = equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1);
    push_decoded(L, key.data(), key.size());
    lua_pushvalue(L, -1);
    if (lua_rawget(L, -3) != LUA_TNIL) {  // the first of repeated parameters counts
      lua_pop(L, 2);
      continue;
    }
    lua_pop(L, 1);
    push_decoded(L, value.data(), value.size());
    lua_rawset(L, -3);
  }
  HostHandle::push_view(L);
}

void ScriptRequestApi::push_geo(lua_State* L, const ScriptCall& call) {
  lua_createtable(L, 0, 5);
  if (const ScriptGeo* geo = call.request.geo) {
    lua_pushlstring(L, geo->pop.data(), geo->pop.size());
    lua_setfield(L, -2, "pop");
    lua_pushlstring(L, geo->region.data(), geo->region.size());
    lua_setfield(L, -2, "region");
    if (!geo->city.empty()) {
      lua_pushlstring(L, geo->city.data(), geo->city.size());
      lua_setfield(L, -2, "city");
    }
    if (geo->lat && geo->lon) {
      lua_pushnumber(L, *geo->lat);
      lua_setfield(L, -2, "lat");
      lua_pushnumber(L, *geo->lon);
      lua_setfield(L, -2, "lon");
    }
  }
  HostHandle::push_view(L);
}

int ScriptRequestApi::respond(lua_State* L) {
  ScriptCall& call = HostHandle::check(L, 1, HandleKind::request);
  check_undecided(L, call, "respond");
  const lua_Integer status = luaL_checkinteger(L, 2);
  if (status < 200 || status > 599) HostHandle::raise(L, "req:respond: status must be 200..599");
  std::string_view body;
  if (!lua_isnoneornil(L, 4)) body = HostHandle::check_text(L, 4, "req:respond: body");
  if ((status == 204 || status == 304) && !body.empty()) HostHandle::raise(L, "req:respond: a 204 or 304 has no body");
  ScriptRequestState& state = *call.state;
  if (body.size() > call.limits->max_body_bytes - std::min(state.body_bytes, call.limits->max_body_bytes))
    HostHandle::raise(L, "req:respond: the request's bodies exceed max_body_bytes");
  state.respond_headers.clear();
  if (!lua_isnoneornil(L, 3)) {
    luaL_checktype(L, 3, LUA_TTABLE);
    lua_pushnil(L);
    while (lua_next(L, 3) != 0) {  // raw: no metamethod runs
      if (lua_type(L, -2) != LUA_TSTRING || (lua_type(L, -1) != LUA_TSTRING && lua_type(L, -1) != LUA_TNUMBER))
        HostHandle::raise(L, "req:respond: headers map names to strings");
      lua_pushvalue(L, -1);  // tolstring on a copy: converting the value in place would break lua_next
      std::size_t name_length = 0, value_length = 0;
      const char* name = lua_tolstring(L, -3, &name_length);
      const char* value = lua_tolstring(L, -1, &value_length);
      const std::string_view n(name, name_length), v(value, value_length);
      if (!HeaderOverlay::valid_name(n)) HostHandle::raise(L, edit_error(HeaderEditError::bad_name));
      if (!HeaderOverlay::valid_value(v)) HostHandle::raise(L, edit_error(HeaderEditError::bad_value));
      if (HeaderOverlay::protected_name(n)) HostHandle::raise(L, edit_error(HeaderEditError::protected_name));
      count_edit(L, call);
      if (!append_answer_header(state, n, v)) HostHandle::raise(L, "not enough memory");
      lua_pop(L, 2);
    }
  }
  if (!assign(state.respond_body, body)) HostHandle::raise(L, "not enough memory");
  state.body_bytes += body.size();
  state.respond_status = unsigned(status);
  state.action = ScriptRequestState::Action::respond;
  return 0;
}

int ScriptRequestApi::redirect(lua_State* L) {
  ScriptCall& call = HostHandle::check(L, 1, HandleKind::request);
  check_undecided(L, call, "redirect");
  const std::string_view url = HostHandle::check_text(L, 2, "req:redirect: url");
  const lua_Integer status = luaL_optinteger(L, 3, 302);
  if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308)
    HostHandle::raise(L, "req:redirect: status must be 301, 302, 303, 307 or 308");
  if (url.empty() || !HeaderOverlay::valid_value(url))
    HostHandle::raise(L, "req:redirect: url must be non-empty, at most 8 KiB, without control characters");
  ScriptRequestState& state = *call.state;
  count_edit(L, call);
  state.respond_headers.clear();
  state.respond_body.clear();
  if (!append_answer_header(state, "Location", url)) HostHandle::raise(L, "not enough memory");
  state.respond_status = unsigned(status);
  state.action = ScriptRequestState::Action::respond;
  return 0;
}

int ScriptRequestApi::set_cache_key(lua_State* L) {
  constexpr std::size_t kMaxKeyBytes = 4096;
  constexpr lua_Integer kMaxParts = 16;
  ScriptCall& call = HostHandle::check(L, 1, HandleKind::request);
  if (call.hook != ScriptHook::client_request)
    HostHandle::raise(L, "req:set_cache_key is for on_client_request (the lookup comes after it)");
  luaL_Buffer key;
  if (lua_type(L, 2) == LUA_TTABLE) {
    const lua_Integer parts = lua_Integer(lua_rawlen(L, 2));
    if (parts < 1 || parts > kMaxParts) HostHandle::raise(L, "req:set_cache_key: 1 to 16 parts");
    luaL_buffinit(L, &key);
    for (lua_Integer i = 1; i <= parts; ++i) {
      if (i > 1) luaL_addchar(&key, '\x1f');  // a separator no part can hold unseen
      const int type = lua_rawgeti(L, 2, i);
      if (type != LUA_TSTRING && type != LUA_TNUMBER) HostHandle::raise(L, "req:set_cache_key: parts are strings");
      luaL_addvalue(&key);
    }
    luaL_pushresult(&key);
  } else {
    HostHandle::check_text(L, 2, "req:set_cache_key: parts");
    lua_pushvalue(L, 2);
  }
  std::size_t length = 0;
  const char* text = lua_tolstring(L, -1, &length);
  const std::string_view joined(text, length);
  if (joined.empty() || joined.front() != '/' || length > kMaxKeyBytes)
    HostHandle::raise(L, "req:set_cache_key: the first part is a path (\"/...\"), the key at most 4 KiB");
  for (unsigned char c : joined)
    if ((c < 0x20 && c != 0x1f) || c == 0x7f) HostHandle::raise(L, "req:set_cache_key: no control characters");
  if (!assign_key(call.state->cache_key, joined)) HostHandle::raise(L, "not enough memory");
  return 0;
}

int ScriptRequestApi::pass(lua_State* L) {
  ScriptCall& call = HostHandle::check(L, 1, HandleKind::request);
  if (call.hook != ScriptHook::client_request) HostHandle::raise(L, "req:pass is for on_client_request");
  if (call.state->action == ScriptRequestState::Action::none) call.state->action = ScriptRequestState::Action::pass;
  return 0;
}

namespace {

template <bool Response>
HeaderOverlay& overlay_of(lua_State* L, ScriptCall& call, bool write) {
  HeaderOverlay* overlay = Response ? call.response_headers : call.request_headers;
  if (!overlay) HostHandle::raise(L, "there are no such headers in this hook");
  if (write && is_request_hook(call.hook) == Response)
    HostHandle::raise(L, Response ? "response headers are read-only in request hooks"
                                  : "request headers are read-only in response hooks");
  return *overlay;
}

}  // namespace

template <bool Response>
int ScriptRequestApi::header_get(lua_State* L) {
  ScriptCall& call = HostHandle::check(L, 1, Response ? HandleKind::response_headers : HandleKind::request_headers);
  const std::string_view name = HostHandle::check_text(L, 2, "headers:get: name");
  const auto value = overlay_of<Response>(L, call, false).get(name);
  if (!value) return 0;
  lua_pushlstring(L, value->data(), value->size());
  return 1;
}

template <bool Response>
int ScriptRequestApi::header_set(lua_State* L) {
  ScriptCall& call = HostHandle::check(L, 1, Response ? HandleKind::response_headers : HandleKind::request_headers);
  const std::string_view name = HostHandle::check_text(L, 2, "headers:set: name");
  const std::string_view value = HostHandle::check_text(L, 3, "headers:set: value");
  HeaderOverlay& overlay = overlay_of<Response>(L, call, true);
  count_edit(L, call);
  if (const HeaderEditError error = set_header(overlay, name, value, false); error != HeaderEditError::none)
    HostHandle::raise2(L, "headers:set: ", header_edit_error_text(error));
  return 0;
}

template <bool Response>
int ScriptRequestApi::header_remove(lua_State* L) {
  ScriptCall& call = HostHandle::check(L, 1, Response ? HandleKind::response_headers : HandleKind::request_headers);
  const std::string_view name = HostHandle::check_text(L, 2, "headers:remove: name");
  HeaderOverlay& overlay = overlay_of<Response>(L, call, true);
  count_edit(L, call);
  if (const HeaderEditError error = set_header(overlay, name, {}, true); error != HeaderEditError::none)
    HostHandle::raise2(L, "headers:remove: ", header_edit_error_text(error));
  return 0;
}

}  // namespace edgelab
