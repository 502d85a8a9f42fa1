#pragma once
// What one script isolate may consume. Memory is for the whole isolate (its
// lua_State); the CPU, instruction and coroutine figures are per call, so a
// long-lived isolate is not starved by its own history.
#include <cstddef>
#include <cstdint>

namespace edgelab {

struct ScriptLimits {
  std::size_t memory_bytes = 16u << 20;
  std::int64_t cpu_us = 10'000;
  // A backstop behind cpu_us: counted in steps of the hook interval, so it
  // also holds when the thread CPU clock is coarse.
  std::int64_t instructions = 50'000'000;
  std::size_t max_source_bytes = 1u << 20;
  // One string built inside a C function (string.rep, string.format,
  // table.concat) and the longest subject a pattern function accepts.
  std::size_t max_string_bytes = 1u << 20;
  int max_coroutines = 100;
  // C loops over table ranges run without hooks: table.unpack pushes every
  // element on the stack, table.concat and table.move walk the range.
  std::int64_t max_unpack_elements = 10'000;
  std::int64_t max_table_range = 1'000'000;
  // table.sort without a comparator never enters Lua code; 500k numbers take
  // ~0.3 s of C. With a comparator the hook runs in it and no cap applies.
  std::int64_t max_sort_elements = 20'000;

  // Per request, across its hooks: what a script may make the node do.
  int max_headers_set = 100;              // header edits, respond() fields included
  std::size_t max_body_bytes = 1u << 20;  // bytes of bodies respond() produces
  int max_log_lines = 20;                 // edge.log lines (more are dropped, counted)
  int max_ratelimit_keys = 16;            // edge.ratelimit calls
  int max_ctx_keys = 64;
  std::size_t max_ctx_bytes = 64u << 10;
};

}  // namespace edgelab
