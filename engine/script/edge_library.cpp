#include "script/edge_library.hpp"

#include "script/edge_json.hpp"
#include "script/host_handle.hpp"
#include "script/sandbox_environment.hpp"
#include "script/script_budget.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstddef>

// These are Lua C functions: a Lua error longjmps out of them, so nothing with
// a destructor lives in their frames (plain arrays and luaL_Buffer only).
namespace edgelab {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

int push_hex(lua_State* L, const unsigned char* bytes, unsigned length) {
  char text[2 * EVP_MAX_MD_SIZE];
  for (unsigned i = 0; i < length; ++i) {
    text[2 * i] = kHexDigits[bytes[i] >> 4];
    text[2 * i + 1] = kHexDigits[bytes[i] & 0xF];
  }
  lua_pushlstring(L, text, 2 * static_cast<std::size_t>(length));
  return 1;
}

std::size_t max_string_bytes(lua_State* L) { return ScriptBudget::of(L).limits().max_string_bytes; }

}  // namespace

void EdgeLibrary::push(lua_State* L) {
  const luaL_Reg functions[] = {{"sha256", &sha256},
                                {"hmac_sha256", &hmac_sha256},
                                {"base64_encode", &base64_encode},
                                {"base64_decode", &base64_decode},
                                {"now", &now},
                                {"log", &log},
                                {"ratelimit", &ratelimit},
                                {nullptr, nullptr}};
  luaL_newlib(L, functions);
  EdgeJson::push(L);
  SandboxEnvironment::push_read_only(L, -1);  // edge.json is shared too: a script may not rewrite it
  lua_remove(L, -2);
  lua_setfield(L, -2, "json");
}

int EdgeLibrary::sha256(lua_State* L) {
  std::size_t length = 0;
  const char* data = luaL_checklstring(L, 1, &length);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned digest_length = 0;
  if (EVP_Digest(data, length, digest, &digest_length, EVP_sha256(), nullptr) != 1)
    return luaL_error(L, "edge.sha256: the digest failed");
  return push_hex(L, digest, digest_length);
}

int EdgeLibrary::hmac_sha256(lua_State* L) {
  std::size_t key_length = 0, length = 0;
  const char* key = luaL_checklstring(L, 1, &key_length);
  const char* data = luaL_checklstring(L, 2, &length);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned digest_length = 0;
  if (!HMAC(EVP_sha256(), key, static_cast<int>(key_length), reinterpret_cast<const unsigned char*>(data), length,
            digest, &digest_length))
    return luaL_error(L, "edge.hmac_sha256: the digest failed");
  return push_hex(L, digest, digest_length);
}

int EdgeLibrary::base64_encode(lua_State* L) {
  std::size_t length = 0;
  const char* data = luaL_checklstring(L, 1, &length);
  const std::size_t encoded = 4 * ((length + 2) / 3);
  if (encoded > max_string_bytes(L)) return luaL_error(L, "edge.base64_encode: result longer than max_string_bytes");
  luaL_Buffer buffer;
  char* out = luaL_buffinitsize(L, &buffer, encoded + 1);  // EVP_EncodeBlock writes a NUL
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out),
                                      reinterpret_cast<const unsigned char*>(data), static_cast<int>(length));
  luaL_pushresultsize(&buffer, static_cast<std::size_t>(written));
  return 1;
}

int EdgeLibrary::base64_decode(lua_State* L) {
  std::size_t length = 0;
  const char* text = luaL_checklstring(L, 1, &length);
  // EVP_DecodeBlock takes whitespace and missing padding silently: only the strict form is accepted.
  bool valid = length % 4 == 0 && length <= static_cast<std::size_t>(INT32_MAX);
  std::size_t padding = 0;
  for (std::size_t i = 0; valid && i < length; ++i) {
    const char c = text[i];
    const bool alphabet =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    if (c == '=' && i + 2 >= length)
      ++padding;
    else if (!alphabet || padding > 0)
      valid = false;
  }
  if (!valid) {
    lua_pushnil(L);
    lua_pushliteral(L, "edge.base64_decode: not base64 (standard alphabet, padded to a multiple of 4)");
    return 2;
  }
  luaL_Buffer buffer;
  char* out = luaL_buffinitsize(L, &buffer, length / 4 * 3 + 1);
  const int written = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out),
                                      reinterpret_cast<const unsigned char*>(text), static_cast<int>(length));
  if (written < 0) {
    lua_pushnil(L);
    lua_pushliteral(L, "edge.base64_decode: not base64");
    return 2;
  }
  // EVP_DecodeBlock counts the padding as bytes: drop them.
  luaL_pushresultsize(&buffer, static_cast<std::size_t>(written) - padding);
  return 1;
}

int EdgeLibrary::now(lua_State* L) {
  lua_pushnumber(L, HostHandle::current(L, "edge.now").state->now);
  return 1;
}

int EdgeLibrary::log(lua_State* L) {
  constexpr std::size_t kMaxMessageBytes = 1024;
  ScriptCall& call = HostHandle::current(L, "edge.log");
  const std::string_view level = HostHandle::check_text(L, 1, "edge.log: level");
  std::string_view message = HostHandle::check_text(L, 2, "edge.log: message");
  ScriptLogLevel parsed = ScriptLogLevel::info;
  if (level == "debug")
    parsed = ScriptLogLevel::debug;
  else if (level == "info")
    parsed = ScriptLogLevel::info;
  else if (level == "warn")
    parsed = ScriptLogLevel::warn;
  else if (level == "error")
    parsed = ScriptLogLevel::error;
  else
    HostHandle::raise(L, "edge.log: level is debug, info, warn or error");
  ScriptRequestState& state = *call.state;
  if (state.log_lines >= call.limits->max_log_lines || !call.services) {
    ++state.logs_dropped;
    lua_pushboolean(L, 0);
    return 1;
  }
  ++state.log_lines;
  if (message.size() > kMaxMessageBytes) message = message.substr(0, kMaxMessageBytes);
  try {
    call.services->log(parsed, message);
  } catch (...) {
    // A log line that cannot be kept is not worth failing the request for.
  }
  lua_pushboolean(L, 1);
  return 1;
}

int EdgeLibrary::ratelimit(lua_State* L) {
  constexpr std::size_t kMaxKeyBytes = 256;
  ScriptCall& call = HostHandle::current(L, "edge.ratelimit");
  const std::string_view key = HostHandle::check_text(L, 1, "edge.ratelimit: key");
  const lua_Number rate = luaL_checknumber(L, 2);
  const lua_Number burst = luaL_checknumber(L, 3);
  if (key.empty() || key.size() > kMaxKeyBytes) HostHandle::raise(L, "edge.ratelimit: a key is 1..256 bytes");
  if (!(rate > 0 && rate <= 1e9) || !(burst >= 1 && burst <= 1e9))
    HostHandle::raise(L, "edge.ratelimit: rate must be > 0 per second and burst >= 1");
  ScriptRequestState& state = *call.state;
  if (++state.ratelimit_calls > call.limits->max_ratelimit_keys) {
    lua_pushfstring(L, "edge.ratelimit: more than %d keys in one request (max_ratelimit_keys)",
                    call.limits->max_ratelimit_keys);
    lua_error(L);
  }
  ScriptServices::RateDecision decision;
  if (call.services) {
    try {
      decision = call.services->take_token(key, rate, burst, state.now);
    } catch (...) {
      decision = {true, 0};  // the table could not grow: let the request through
    }
  }
  lua_pushboolean(L, decision.allowed);
  lua_pushnumber(L, decision.remaining);
  return 2;
}

}  // namespace edgelab
