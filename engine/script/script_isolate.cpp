#include "script/script_isolate.hpp"

#include "script/edge_json.hpp"
#include "script/sandbox_environment.hpp"

#include <cstdio>
#include <random>

namespace edgelab {

namespace {

char kChunk;   // registry key of the loaded main chunk
char kThread;  // registry key of the coroutine calls run on, reused while calls end cleanly

std::uint64_t next_seed(std::uint64_t seed) {  // splitmix64
  seed += 0x9e3779b97f4a7c15ULL;
  seed = (seed ^ (seed >> 30)) * 0xbf58476d1ce4e5b9ULL;
  seed = (seed ^ (seed >> 27)) * 0x94d049bb133111ebULL;
  return seed ^ (seed >> 31);
}

std::string number_text(lua_State* L, int index) {
  if (lua_isinteger(L, index)) return std::to_string(lua_tointeger(L, index));
  char text[32];
  std::snprintf(text, sizeof text, "%.14g", double(lua_tonumber(L, index)));
  return text;
}

// A string or number as text without lua_tolstring, which would convert a
// number in place (and allocate outside any protected call).
bool scalar_text(lua_State* L, int index, std::string& out) {
  switch (lua_type(L, index)) {
    case LUA_TSTRING: {
      std::size_t length = 0;
      const char* text = lua_tolstring(L, index, &length);
      out.assign(text, length);
      return true;
    }
    case LUA_TNUMBER:
      out = number_text(L, index);
      return true;
    case LUA_TBOOLEAN:
      out = lua_toboolean(L, index) ? "true" : "false";
      return true;
    default:
      return false;
  }
}

}  // namespace

struct ScriptIsolate::RunRequest {
  bool main_chunk = false;
  std::string function_name;
  std::span<const ScriptValue> arguments;
  std::uint64_t seed = 0;
  bool function_found = true;
};

struct ScriptIsolate::CompileRequest {
  std::string_view source;
  std::string chunk_name;
};

struct ScriptIsolate::HostTableRequest {
  std::string name;
  const ScriptFields* fields = nullptr;
};

namespace {

// math.random's first seed for a new isolate. Opening std::random_device costs
// about a fifth of a cold start, so each thread draws from it once and steps a
// splitmix64 sequence after that (the seed is not a secret: math.random is not
// for keys, scripts have edge.hmac_sha256 for that).
std::uint64_t next_isolate_seed() {
  thread_local std::uint64_t state = (std::uint64_t{std::random_device{}()} << 32) ^ std::random_device{}();
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// lua_CFunction for lua_pcall: the sandbox's globals, and the registry slots
// that calls later set outside a protected call (present from the start, so
// setting them never allocates).
int open_state(lua_State* L) {
  SandboxEnvironment::open(L);
  lua_pushboolean(L, 0);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &kThread);
  return 0;
}

}  // namespace

ScriptIsolate::ScriptIsolate(const ScriptLimits& limits)
    : budget_(std::make_unique<ScriptBudget>(limits)), seed_(next_isolate_seed()) {
  state_.reset(lua_newstate(&ScriptBudget::allocate, budget_.get()));
  if (!state_) return;
  lua_State* L = state_.get();
  lua_pushcfunction(L, &open_state);
  if (lua_pcall(L, 0, 0, 0) != LUA_OK) {
    dead_ = true;
    lua_settop(L, 0);
    return;
  }
  // A backstop: Lua code on the main thread can only be a stray finalizer.
  budget_->install_hook(L);
}

ScriptIsolate::~ScriptIsolate() = default;
ScriptIsolate::ScriptIsolate(ScriptIsolate&&) noexcept = default;
ScriptIsolate& ScriptIsolate::operator=(ScriptIsolate&&) noexcept = default;

ScriptResult ScriptIsolate::load(std::string_view source, std::string_view chunk_name) {
  if (!usable()) return {ScriptStatus::isolate_dead, std::string(status_text(ScriptStatus::isolate_dead))};
  if (loaded_) return {ScriptStatus::runtime_error, "a script is already loaded in this isolate"};
  if (source.size() > budget_->limits().max_source_bytes)
    return finish({ScriptStatus::source_too_large, std::string(status_text(ScriptStatus::source_too_large))});
  lua_State* L = state_.get();
  // "=" makes Lua print the name as given: "rewrite.lua:3: ..." for errors.
  CompileRequest compile_request{source, "=" + std::string(chunk_name)};
  lua_pushcfunction(L, &compile);
  lua_pushlightuserdata(L, &compile_request);
  const int status = lua_pcall(L, 1, 1, 0);
  if (status != LUA_OK || !lua_isnil(L, -1)) {
    ScriptResult failed = error_result(L, status == LUA_OK ? LUA_ERRSYNTAX : status);
    lua_pop(L, 1);
    return finish(std::move(failed));
  }
  lua_pop(L, 1);
  loaded_ = true;
  RunRequest request;
  request.main_chunk = true;
  return run(request);
}

ScriptResult ScriptIsolate::call(std::string_view function_name, std::span<const ScriptValue> arguments) {
  if (!usable()) return {ScriptStatus::isolate_dead, std::string(status_text(ScriptStatus::isolate_dead))};
  if (!loaded_) return {ScriptStatus::no_such_function, "no script is loaded"};
  RunRequest request;
  request.function_name = function_name;
  request.arguments = arguments;
  return run(request);
}

ScriptResult ScriptIsolate::define_host_table(std::string_view name, const ScriptFields& fields) {
  if (!usable()) return {ScriptStatus::isolate_dead, std::string(status_text(ScriptStatus::isolate_dead))};
  lua_State* L = state_.get();
  HostTableRequest request{std::string(name), &fields};
  lua_pushcfunction(L, &build_host_table);
  lua_pushlightuserdata(L, &request);
  const int status = lua_pcall(L, 1, 0, 0);
  if (status == LUA_OK) return {};
  ScriptResult failed = error_result(L, status);
  lua_pop(L, 1);
  return finish(std::move(failed));
}

namespace {

// The name arrives as a light pointer to a string_view and is pushed inside
// the protected call: a push outside one that fails for memory would panic.
void push_name(lua_State* L, int index) {
  const auto* name = static_cast<const std::string_view*>(lua_touserdata(L, index));
  lua_pushlstring(L, name->data(), name->size());
}

// [1] &name -> the script global's type as a boolean: is it a function?
int global_is_function(lua_State* L) {
  SandboxEnvironment::push_script_environment(L);
  push_name(L, 1);
  lua_pushboolean(L, lua_gettable(L, -2) == LUA_TFUNCTION);
  return 1;
}

// [1] &name -> nil when the global is nil, else its JSON text.
int global_json(lua_State* L) {
  SandboxEnvironment::push_script_environment(L);
  push_name(L, 1);
  if (lua_gettable(L, -2) == LUA_TNIL) return 1;
  lua_pushcfunction(L, &EdgeJson::encode);
  lua_insert(L, -2);
  lua_call(L, 1, 1);
  return 1;
}

}  // namespace

bool ScriptIsolate::defines_function(std::string_view name) {
  if (!usable() || !loaded_) return false;
  lua_State* L = state_.get();
  lua_pushcfunction(L, &global_is_function);
  lua_pushlightuserdata(L, &name);
  const bool found = lua_pcall(L, 1, 1, 0) == LUA_OK && lua_toboolean(L, -1);
  lua_pop(L, 1);
  return found;
}

ScriptResult ScriptIsolate::global_as_json(std::string_view name) {
  if (!usable()) return {ScriptStatus::isolate_dead, std::string(status_text(ScriptStatus::isolate_dead))};
  lua_State* L = state_.get();
  budget_->begin_call();
  lua_pushcfunction(L, &global_json);
  lua_pushlightuserdata(L, &name);
  ScriptResult result;
  const int status = lua_pcall(L, 1, 1, 0);
  if (status != LUA_OK) {
    result = error_result(L, status);
  } else if (lua_type(L, -1) == LUA_TSTRING) {
    result.values.push_back(read_value(L, -1));
  }
  lua_pop(L, 1);
  budget_->end_call();
  return finish(std::move(result));
}

ScriptResult ScriptIsolate::run(RunRequest& request) {
  lua_State* L = state_.get();
  const int base = lua_gettop(L);
  request.seed = seed_;
  seed_ = next_seed(seed_);
  budget_->begin_call();
  lua_pushcfunction(L, &prepare_run);
  lua_pushlightuserdata(L, &request);
  ScriptResult result;
  int status = lua_pcall(L, 1, 1, 0);
  if (status != LUA_OK) {
    result = error_result(L, status);
  } else if (!request.function_found) {
    result = {ScriptStatus::no_such_function, "the script defines no function " + request.function_name};
  } else {
    lua_State* co = lua_tothread(L, -1);
    int results = 0;
    status = lua_resume(co, L, int(request.arguments.size()), &results);
    if (budget_->killed()) {
      result = {budget_->kill_reason(), std::string(status_text(budget_->kill_reason()))};
    } else if (status == LUA_OK) {
      const int first = lua_gettop(co) - results + 1;
      for (int i = 0; i < results; ++i) result.values.push_back(read_value(co, first + i));
      lua_settop(co, 0);  // finished and empty: the next call resumes it again
    } else if (status == LUA_YIELD) {
      result = {ScriptStatus::yielded, std::string(status_text(ScriptStatus::yielded))};
    } else {
      result = error_result(co, status);
    }
  }
  // Point the chunk back at the script environment so the call's can be
  // collected, or kept for the next call when the call left it as it was.
  lua_settop(L, base);
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &kChunk) == LUA_TFUNCTION) {
    if (!request.main_chunk && result.ok() && lua_getupvalue(L, -1, 1) != nullptr) {
      if (SandboxEnvironment::call_environment_untouched(L, -1)) SandboxEnvironment::keep_call_environment(L, -1);
      lua_pop(L, 1);
    }
    SandboxEnvironment::push_script_environment(L);
    lua_setupvalue(L, -2, 1);
  }
  lua_settop(L, base);
  if (!result.ok()) {
    // A coroutine that failed is never resumed again. false, not nil: the
    // key stays in the registry, so setting it later never allocates outside
    // a protected call (SandboxEnvironment::open created it).
    lua_pushboolean(L, 0);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &kThread);
  }
  budget_->end_call();
  return finish(std::move(result));
}

ScriptResult ScriptIsolate::finish(ScriptResult result) {
  // A kill outranks the error it caused ("not enough memory", a failed load).
  if (budget_->killed() && !result.killed()) result.status = budget_->kill_reason();
  if (!result.ok() && result.status != ScriptStatus::no_such_function) dead_ = true;
  return result;
}

int ScriptIsolate::compile(lua_State* L) {
  const auto& request = *static_cast<const CompileRequest*>(lua_touserdata(L, 1));
  const int status = luaL_loadbufferx(L, request.source.data(), request.source.size(), request.chunk_name.c_str(), "t");
  if (status != LUA_OK) return 1;  // the message
  lua_rawsetp(L, LUA_REGISTRYINDEX, &kChunk);
  lua_pushnil(L);
  return 1;
}

int ScriptIsolate::prepare_run(lua_State* L) {
  auto& request = *static_cast<RunRequest*>(lua_touserdata(L, 1));
  SandboxEnvironment::reseed(L, request.seed);
  // A coroutine whose last call returned is finished with an empty stack and
  // can run the next call: creating one per call was a fifth of a call's cost.
  lua_State* co = nullptr;
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &kThread) == LUA_TTHREAD) {
    co = lua_tothread(L, -1);  // index 2, the result
    if (lua_status(co) != LUA_OK || lua_gettop(co) != 0) {
      lua_pop(L, 1);
      co = nullptr;
    }
  } else {
    lua_pop(L, 1);
  }
  if (!co) {
    co = lua_newthread(L);  // index 2, the result
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &kThread);
  }
  ScriptBudget::of(L).install_hook(co);
  lua_rawgetp(L, LUA_REGISTRYINDEX, &kChunk);
  if (request.main_chunk) {
    SandboxEnvironment::push_script_environment(L);
    lua_setupvalue(L, 3, 1);  // a main chunk's only upvalue is _ENV
  } else {
    // Every function of the chunk shares its _ENV upvalue: switching the
    // chunk's switches theirs.
    SandboxEnvironment::push_call_environment(L);
    lua_setupvalue(L, 3, 1);
    lua_pop(L, 1);
    SandboxEnvironment::push_script_environment(L);
    lua_pushlstring(L, request.function_name.data(), request.function_name.size());
    if (lua_gettable(L, -2) != LUA_TFUNCTION) {
      request.function_found = false;
      lua_settop(L, 2);
      return 1;
    }
    lua_remove(L, -2);
  }
  for (const ScriptValue& argument : request.arguments) push_argument(L, argument);
  const int count = int(request.arguments.size()) + 1;
  if (!lua_checkstack(co, count)) return luaL_error(L, "too many arguments");
  lua_xmove(L, co, count);
  lua_settop(L, 2);
  return 1;
}

int ScriptIsolate::build_host_table(lua_State* L) {
  const auto& request = *static_cast<const HostTableRequest*>(lua_touserdata(L, 1));
  lua_createtable(L, 0, int(request.fields->size()));
  for (const auto& [key, value] : *request.fields) {
    lua_pushlstring(L, key.data(), key.size());
    lua_pushlstring(L, value.data(), value.size());
    lua_rawset(L, -3);
  }
  SandboxEnvironment::push_read_only(L, -1);
  SandboxEnvironment::push_shared_globals(L);
  lua_insert(L, -2);
  lua_setfield(L, -2, request.name.c_str());
  return 0;
}

void ScriptIsolate::push_argument(lua_State* L, const ScriptValue& value) {
  if (const auto* flag = std::get_if<bool>(&value)) {
    lua_pushboolean(L, *flag);
  } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    lua_pushinteger(L, *integer);
  } else if (const auto* number = std::get_if<double>(&value)) {
    lua_pushnumber(L, *number);
  } else if (const auto* text = std::get_if<std::string>(&value)) {
    lua_pushlstring(L, text->data(), text->size());
  } else if (const auto* host = std::get_if<ScriptHostObject>(&value)) {
    host->push(L, host->data);
  } else if (const auto* fields = std::get_if<ScriptFields>(&value)) {
    lua_createtable(L, 0, int(fields->size()));
    for (const auto& [key, field] : *fields) {
      lua_pushlstring(L, key.data(), key.size());
      lua_pushlstring(L, field.data(), field.size());
      lua_rawset(L, -3);
    }
  } else {
    lua_pushnil(L);
  }
}

ScriptResult ScriptIsolate::error_result(lua_State* thread, int status) {
  ScriptResult result;
  result.status = status == LUA_ERRSYNTAX ? ScriptStatus::syntax_error
                  : status == LUA_ERRMEM  ? ScriptStatus::memory_exceeded
                                          : ScriptStatus::runtime_error;
  // Never __tostring here: that would run script code on the host, unhooked.
  if (!scalar_text(thread, -1, result.message))
    result.message = std::string("error object is a ") + luaL_typename(thread, -1) + " value";
  return result;
}

ScriptValue ScriptIsolate::read_value(lua_State* thread, int index) {
  switch (lua_type(thread, index)) {
    case LUA_TBOOLEAN:
      return bool(lua_toboolean(thread, index));
    case LUA_TNUMBER:
      if (lua_isinteger(thread, index)) return std::int64_t(lua_tointeger(thread, index));
      return double(lua_tonumber(thread, index));
    case LUA_TSTRING: {
      std::string text;
      scalar_text(thread, index, text);
      return text;
    }
    case LUA_TTABLE: {
      // Raw traversal: no metamethod runs on the host.
      ScriptFields fields;
      if (!lua_checkstack(thread, 2)) return fields;
      lua_pushnil(thread);
      while (lua_next(thread, index) != 0) {
        std::string key, value;
        if (lua_type(thread, -2) == LUA_TSTRING && scalar_text(thread, -2, key) && scalar_text(thread, -1, value))
          fields.emplace_back(std::move(key), std::move(value));
        lua_pop(thread, 1);
      }
      return fields;
    }
    default:
      return std::monostate{};
  }
}

}  // namespace edgelab
