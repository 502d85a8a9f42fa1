#include "node/cache_status.hpp"

#include <charconv>

namespace edgelab {
namespace {
void append_number(std::string& out, std::int64_t n) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, end);
}
}  // namespace

void append_cache_status(std::string& out, std::string_view node_name, const CacheStatusNote& note) {
  out.append(node_name);
  if (note.hit) out.append("; hit");
  if (!note.fwd.empty()) {
    out.append("; fwd=");
    out.append(note.fwd);
  }
  if (note.fwd_status) {
    out.append("; fwd-status=");
    append_number(out, note.fwd_status);
  }
  if (note.stored) out.append("; stored");
  if (note.collapsed) out.append("; collapsed");
  if (note.has_ttl) {
    out.append("; ttl=");
    append_number(out, note.ttl);
  }
  if (!note.detail.empty()) {
    out.append("; detail=");
    out.append(note.detail);
  }
}

}  // namespace edgelab
