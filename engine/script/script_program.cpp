#include "script/script_program.hpp"

#include "script/request_api.hpp"
#include "script/response_api.hpp"
#include "script/script_worker.hpp"

#include <openssl/evp.h>

#include <chrono>

namespace edgelab {
namespace {

// Isolates kept ready per program: one per io thread of a small node, and
// spares for the ones kills discard.
constexpr std::size_t kWarmTarget = 4;

std::atomic<std::uint64_t> next_program_id{1};

struct ThreadSlot {
  std::uint64_t program_id = 0;
  std::weak_ptr<const ScriptProgram> program;
  std::unique_ptr<ScriptIsolate> isolate;
};
// The isolates this thread runs, one per live program (a lab runs many nodes per process).
thread_local std::vector<ThreadSlot> thread_slots;

std::string source_version(std::string_view source) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned length = 0;
  EVP_Digest(source.data(), source.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned i = 0; i < 8 && i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

void raise_to(std::atomic<std::uint64_t>& peak, std::uint64_t value) {
  std::uint64_t seen = peak.load(std::memory_order_relaxed);
  while (value > seen && !peak.compare_exchange_weak(seen, value, std::memory_order_relaxed)) {
  }
}

}  // namespace

std::string_view fail_mode_name(ScriptFailMode mode) { return mode == ScriptFailMode::open ? "open" : "closed"; }

ScriptProgram::ScriptProgram(std::string source, std::string name, ScriptSettings settings)
    : source_(std::move(source)),
      name_(std::move(name)),
      settings_(settings),
      version_(source_version(source_)),
      id_(next_program_id.fetch_add(1)) {}

ScriptProgram::~ScriptProgram() = default;

std::shared_ptr<ScriptProgram> ScriptProgram::compile(std::string source, std::string name, ScriptSettings settings,
                                                      std::string& error) {
  if (source.size() > settings.limits.max_source_bytes) {
    error = "the script is " + std::to_string(source.size()) + " bytes, more than max_source_bytes (" +
            std::to_string(settings.limits.max_source_bytes) + ")";
    return nullptr;
  }
  auto program = std::make_shared<ScriptProgram>(std::move(source), std::move(name), settings);
  auto isolate = std::make_unique<ScriptIsolate>(program->settings_.limits);
  ScriptResult loaded = isolate->load(program->source_, program->name_);
  if (!loaded.ok()) {
    error = loaded.message.empty() ? std::string(status_text(loaded.status)) : loaded.message;
    if (loaded.killed()) error = "the main chunk was stopped: " + error;
    return nullptr;
  }
  for (int i = 0; i < kScriptHookCount; ++i)
    program->hooks_[std::size_t(i)] = isolate->defines_function(hook_function_name(ScriptHook(i)));
  if (!program->defines_any()) {
    error =
        "the script defines none of on_client_request, on_origin_request, on_origin_response, "
        "on_client_response";
    return nullptr;
  }
  ++program->counters_.isolates_built;
  program->warm_.push_back(std::move(isolate));
  return program;
}

bool ScriptProgram::defines_any() const {
  for (bool defined : hooks_)
    if (defined) return true;
  return false;
}

std::unique_ptr<ScriptIsolate> ScriptProgram::build_isolate() const {
  auto isolate = std::make_unique<ScriptIsolate>(settings_.limits);
  isolate->load(source_, name_);  // it loaded once: a failure now (memory) leaves it unusable, which callers check
  ++counters_.isolates_built;
  return isolate;
}

void ScriptProgram::prewarm(std::size_t count) const {
  for (;;) {
    {
      std::lock_guard lock(pool_mutex_);
      if (warm_.size() >= count) return;
    }
    auto isolate = build_isolate();
    std::lock_guard lock(pool_mutex_);
    warm_.push_back(std::move(isolate));
  }
}

std::size_t ScriptProgram::warm_isolates() const {
  std::lock_guard lock(pool_mutex_);
  return warm_.size();
}

std::unique_ptr<ScriptIsolate> ScriptProgram::take_warm() const {
  std::unique_ptr<ScriptIsolate> isolate;
  {
    std::lock_guard lock(pool_mutex_);
    if (!warm_.empty()) {
      isolate = std::move(warm_.back());
      warm_.pop_back();
    }
  }
  request_refill();
  if (isolate) return isolate;
  ++counters_.cold_builds;
  return build_isolate();
}

void ScriptProgram::request_refill() const {
  {
    std::lock_guard lock(pool_mutex_);
    if (refill_pending_ || warm_.size() >= kWarmTarget) return;
    refill_pending_ = true;
  }
  const bool queued = ScriptWorker::post([weak = weak_from_this()] {
    auto program = weak.lock();
    if (!program) return;
    program->prewarm(kWarmTarget);
    std::lock_guard lock(program->pool_mutex_);
    program->refill_pending_ = false;
  });
  if (!queued) {
    std::lock_guard lock(pool_mutex_);
    refill_pending_ = false;  // the next take asks again
  }
}

ScriptIsolate* ScriptProgram::thread_isolate() const {
  for (ThreadSlot& slot : thread_slots)
    if (slot.program_id == id_) return slot.isolate.get();
  std::erase_if(thread_slots, [](const ThreadSlot& slot) { return slot.program.expired(); });
  thread_slots.push_back({id_, weak_from_this(), take_warm()});
  return thread_slots.back().isolate.get();
}

void ScriptProgram::discard_thread_isolate() const {
  std::erase_if(thread_slots, [this](const ThreadSlot& slot) { return slot.program_id == id_; });
}

ScriptResult ScriptProgram::run(ScriptHook hook, ScriptCall& call) const {
  counters_.invocations.fetch_add(1, std::memory_order_relaxed);
  ScriptIsolate* isolate = thread_isolate();
  ScriptResult result;
  if (!isolate->usable()) {
    result = {ScriptStatus::isolate_dead, "no isolate could be built for the script"};
  } else {
    const auto start = std::chrono::steady_clock::now();
    const bool request_side = is_request_hook(hook);
    const std::array<ScriptValue, 2> arguments{
        ScriptValue{ScriptHostObject{request_side ? &ScriptRequestApi::push_request : &ScriptResponseApi::push_response,
                                     nullptr}},
        ScriptValue{ScriptHostObject{&ScriptResponseApi::push_context, nullptr}}};
    isolate->set_host_context(&call);
    result = isolate->call(hook_function_name(hook), arguments);
    isolate->set_host_context(nullptr);
    counters_.call_ns.record(std::uint64_t(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count()));
    const std::uint64_t memory = isolate->memory_bytes_in_use();
    counters_.memory_bytes.store(memory, std::memory_order_relaxed);
    raise_to(counters_.memory_peak_bytes, memory);
  }
  if (!result.ok()) {
    counters_.by_status[std::size_t(result.status)].fetch_add(1, std::memory_order_relaxed);
    if (!result.killed()) counters_.errors.fetch_add(1, std::memory_order_relaxed);
    discard_thread_isolate();  // never reused: the failed call may have left it half-updated
  }
  return result;
}

}  // namespace edgelab
