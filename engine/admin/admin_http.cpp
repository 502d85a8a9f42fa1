#include "admin/admin_http.hpp"

#include "admin/admin_token.hpp"

#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>

#include <algorithm>
#include <charconv>

namespace edgelab {

Response json_response(http::status status, const boost::json::value& body, bool keep_alive) {
  Response res{status, 11};
  res.set(http::field::content_type, "application/json");
  res.set(http::field::cache_control, "no-store");
  res.body() = boost::json::serialize(body);
  res.body() += '\n';
  res.keep_alive(keep_alive);
  res.prepare_payload();
  return res;
}

Response json_error(http::status status, std::string_view message, bool keep_alive) {
  return json_response(status, boost::json::object{{"error", message}}, keep_alive);
}

bool bearer_authorized(const Request& req, const std::string& token) {
  std::string_view header = req[http::field::authorization];
  constexpr std::string_view scheme = "Bearer ";
  if (header.size() <= scheme.size() || header.substr(0, scheme.size()) != scheme) return false;
  return token_matches(header.substr(scheme.size()), token);
}

std::optional<QueryParams> QueryParams::parse(std::string_view target, std::string& error) {
  auto url = boost::urls::parse_origin_form(target);
  if (!url) {
    error = "malformed request target: " + url.error().message();
    return std::nullopt;
  }
  QueryParams params;
  for (auto param : url->params()) {
    if (param.key.empty()) continue;
    if (param.key.size() > 64 || param.value.size() > 8192) {
      error = "query parameter too long";
      return std::nullopt;
    }
    params.values_[param.key] = param.value;
  }
  return params;
}

std::optional<std::string> QueryParams::get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::uint64_t> QueryParams::get_uint(const std::string& name, std::uint64_t fallback, std::uint64_t min,
                                                   std::uint64_t max, std::string& error) const {
  auto text = get(name);
  if (!text) return fallback;
  std::uint64_t value = 0;
  auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc{} || ptr != text->data() + text->size() || value < min || value > max) {
    error = name + ": expected an integer from " + std::to_string(min) + " to " + std::to_string(max) + ", got \"" +
            *text + "\"";
    return std::nullopt;
  }
  return value;
}

std::optional<bool> QueryParams::get_bool(const std::string& name, bool fallback, std::string& error) const {
  auto text = get(name);
  if (!text) return fallback;
  if (*text == "1" || *text == "true") return true;
  if (*text == "0" || *text == "false") return false;
  error = name + ": expected true or false, got \"" + *text + "\"";
  return std::nullopt;
}

std::optional<std::string> QueryParams::unknown(std::initializer_list<std::string_view> known) const {
  for (const auto& [name, value] : values_)
    if (std::find(known.begin(), known.end(), name) == known.end()) return name;
  return std::nullopt;
}

}  // namespace edgelab
