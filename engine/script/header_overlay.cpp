#include "script/header_overlay.hpp"

#include <array>

namespace edgelab {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

// RFC 9110 5.6.2 tchar, as a table: every header edit checks every byte of its name.
constexpr std::array<bool, 256> kTchar = [] {
  std::array<bool, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[std::size_t(c)] = true;
  for (int c = 'a'; c <= 'z'; ++c) t[std::size_t(c)] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[std::size_t(c)] = true;
  for (char c : std::string_view("!#$%&'*+-.^_`|~")) t[static_cast<unsigned char>(c)] = true;
  return t;
}();

// CDN-Loop and Via carry the node's loop detection; Date and Age are the node's own on every answer.
constexpr std::array<std::string_view, 16> kProtected = {"content-length",
                                                         "transfer-encoding",
                                                         "connection",
                                                         "keep-alive",
                                                         "proxy-connection",
                                                         "upgrade",
                                                         "te",
                                                         "trailer",
                                                         "host",
                                                         "cache-status",
                                                         "proxy-authenticate",
                                                         "proxy-authorization",
                                                         "cdn-loop",
                                                         "via",
                                                         "date",
                                                         "age"};
constexpr std::size_t kLongestProtected = 19;  // proxy-authorization

}  // namespace

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

std::optional<std::string_view> FieldListSource::find(std::string_view name) const {
  if (!fields_) return std::nullopt;
  for (const auto& [n, v] : *fields_)
    if (iequal(n, name)) return std::string_view(v);
  return std::nullopt;
}

void FieldListSource::for_each(const std::function<void(std::string_view, std::string_view)>& visit) const {
  if (!fields_) return;
  for (const auto& [n, v] : *fields_) visit(n, v);
}

std::string_view header_edit_error_text(HeaderEditError error) {
  switch (error) {
    case HeaderEditError::none:
      return "ok";
    case HeaderEditError::bad_name:
      return "a header name must be a token of at most 256 bytes";
    case HeaderEditError::bad_value:
      return "a header value may not hold CR, LF, NUL or other control characters, and at most 8 KiB";
    case HeaderEditError::protected_name:
      return "framing and hop-by-hop fields, Host, Cache-Status, CDN-Loop, Via, Date and Age belong to the node";
  }
  return "?";
}

bool HeaderOverlay::valid_name(std::string_view name) {
  if (name.empty() || name.size() > kMaxNameBytes) return false;
  for (unsigned char c : name)
    if (!kTchar[c]) return false;
  return true;
}

bool HeaderOverlay::valid_value(std::string_view value) {
  if (value.size() > kMaxValueBytes) return false;
  // No early exit: the compiler turns this loop into vector compares.
  bool bad = false;
  for (unsigned char c : value) bad |= (c < 0x20 && c != '\t') || c == 0x7f;
  return !bad;
}

bool HeaderOverlay::protected_name(std::string_view name) {
  if (name.size() > kLongestProtected) return false;
  for (std::string_view p : kProtected)
    if (p.size() == name.size() && iequal(p, name)) return true;
  return false;
}

const HeaderOverlay::Edit* HeaderOverlay::find_edit(std::string_view name) const {
  for (const Edit& e : edits_)
    if (e.name_length == name.size() && iequal(name_of(e), name)) return &e;
  return nullptr;
}

HeaderOverlay::EditView HeaderOverlay::edit(std::size_t i) const {
  const Edit& e = edits_[i];
  EditView view{name_of(e), std::nullopt};
  if (!e.removed) view.value = std::string_view(arena_.data() + e.value_at, e.value_length);
  return view;
}

std::optional<std::string_view> HeaderOverlay::get(std::string_view name) const {
  if (const Edit* e = find_edit(name)) {
    if (e->removed) return std::nullopt;
    return std::string_view(arena_.data() + e->value_at, e->value_length);
  }
  return base_ ? base_->find(name) : std::nullopt;
}

HeaderEditError HeaderOverlay::apply(std::string_view name, std::optional<std::string_view> value) {
  if (!valid_name(name)) return HeaderEditError::bad_name;
  if (value && !valid_value(*value)) return HeaderEditError::bad_value;
  if (protected_name(name)) return HeaderEditError::protected_name;
  // A value set again is appended anew: the arena only grows within a request (bounded by max_headers_set).
  auto append = [this](std::string_view text) {
    const auto at = std::uint32_t(arena_.size());
    arena_.insert(arena_.end(), text.begin(), text.end());
    return at;
  };
  Edit* existing = const_cast<Edit*>(find_edit(name));
  if (!existing) {
    edits_.push_back({append(name), std::uint32_t(name.size()), 0, 0, true});
    existing = &edits_.back();
  }
  existing->removed = !value;
  if (value) {
    existing->value_at = append(*value);
    existing->value_length = std::uint32_t(value->size());
  }
  return HeaderEditError::none;
}

HeaderEditError HeaderOverlay::set(std::string_view name, std::string_view value) { return apply(name, value); }
HeaderEditError HeaderOverlay::remove(std::string_view name) { return apply(name, std::nullopt); }

void HeaderOverlay::for_each(const std::function<void(std::string_view, std::string_view)>& visit) const {
  if (base_)
    base_->for_each([&](std::string_view n, std::string_view v) {
      if (!overrides(n)) visit(n, v);
    });
  for (std::size_t i = 0; i < edits_.size(); ++i)
    if (const EditView e = edit(i); e.value) visit(e.name, *e.value);
}

}  // namespace edgelab
