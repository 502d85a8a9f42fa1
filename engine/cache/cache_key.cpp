#include "cache/cache_key.hpp"

#include "cache/accept_language.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace edgelab {

CacheKeyBuilder::CacheKeyBuilder(std::vector<std::string> ignored_query_params)
    : ignored_(std::move(ignored_query_params)) {}

void CacheKeyBuilder::primary_key(std::string_view host, std::string_view target, std::string& out) const {
  out.clear();
  // Host is case-insensitive; a default port is the same origin as none.
  if (host.size() > 3 && host.substr(host.size() - 3) == ":80") host.remove_suffix(3);
  for (char c : host) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (auto hash = target.find('#'); hash != std::string_view::npos) target = target.substr(0, hash);
  auto q = target.find('?');
  std::string_view path = target.substr(0, q);
  out.append(path.empty() ? std::string_view("/") : path);
  if (q == std::string_view::npos) return;
  std::string_view query = target.substr(q + 1);

  // Sorting without allocating for the common case of few parameters.
  std::array<std::string_view, 32> small;
  std::vector<std::string_view> large;
  std::size_t count = 0;
  auto push = [&](std::string_view p) {
    if (count < small.size())
      small[count] = p;
    else {
      if (large.empty()) large.assign(small.begin(), small.end());
      large.push_back(p);
    }
    ++count;
  };
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view param = query.substr(0, amp);
    query.remove_prefix(amp == std::string_view::npos ? query.size() : amp + 1);
    if (param.empty()) continue;
    std::string_view name = param.substr(0, param.find('='));
    if (std::find(ignored_.begin(), ignored_.end(), name) != ignored_.end()) continue;
    push(param);
  }
  if (count == 0) return;
  std::string_view* first = large.empty() ? small.data() : large.data();
  std::sort(first, first + count);
  out.push_back('?');
  for (std::size_t i = 0; i < count; ++i) {
    if (i) out.push_back('&');
    out.append(first[i]);
  }
}

bool parse_vary(const http::fields& response, std::vector<std::string>& names) {
  names.clear();
  for (auto [it, end] = response.equal_range(http::field::vary); it != end; ++it) {
    std::string_view list = it->value();
    while (!list.empty()) {
      auto comma = list.find(',');
      std::string_view token = list.substr(0, comma);
      list.remove_prefix(comma == std::string_view::npos ? list.size() : comma + 1);
      while (!token.empty() && (token.front() == ' ' || token.front() == '\t')) token.remove_prefix(1);
      while (!token.empty() && (token.back() == ' ' || token.back() == '\t')) token.remove_suffix(1);
      if (token.empty()) continue;
      if (token == "*") return false;
      std::string lower;
      for (char c : token) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      names.push_back(std::move(lower));
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return true;
}

namespace {

// Browsers spell the same preferences many ways; one canonical form keeps them
// on one variant. A value that does not parse is kept as sent (below).
bool append_accept_language(const RequestFields& request, std::string& out) {
  auto [it, end] = request.equal_range(http::field::accept_language);
  if (it == end) return true;
  std::string joined(it->value());
  for (++it; it != end; ++it) joined.append(",").append(it->value());
  return append_canonical_accept_language(joined, out);
}

}  // namespace

void variant_key(std::string_view primary, const std::vector<std::string>& vary_names, const RequestFields& request,
                 std::string& out) {
  out.assign(primary);
  for (const auto& name : vary_names) {
    out.push_back('\x1f');
    out.append(name);
    out.push_back('=');
    if (name == "accept-language" && append_accept_language(request, out)) continue;
    bool first = true;
    for (auto [it, end] = request.equal_range(name); it != end; ++it) {
      if (!first) out.push_back(',');
      first = false;
      // Collapse runs of whitespace so "gzip,  br" and "gzip, br" share a variant.
      bool space = false;
      for (char c : std::string_view(it->value())) {
        if (c == ' ' || c == '\t') {
          space = true;
          continue;
        }
        if (space && out.back() != ',' && out.back() != '=') out.push_back(' ');
        space = false;
        out.push_back(c);
      }
    }
  }
}

}  // namespace edgelab
