#pragma once
// HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, and the obsolete RFC 850 and
// asctime forms that recipients must still accept.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace edgelab {

// Seconds since the Unix epoch, or nullopt when the text is not an HTTP-date.
std::optional<std::int64_t> parse_http_date(std::string_view text);
std::string format_http_date(std::int64_t unix_seconds);
// The current time as an HTTP-date, formatted at most once a second per thread.
std::string_view current_http_date(std::int64_t unix_seconds);

}  // namespace edgelab
