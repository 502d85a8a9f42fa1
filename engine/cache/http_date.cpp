#include "cache/http_date.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <ctime>

namespace edgelab {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}
  bool literal(std::string_view lit) {
    if (s_.substr(0, lit.size()) != lit) return false;
    s_.remove_prefix(lit.size());
    return true;
  }
  bool number(int digits_min, int digits_max, int& out) {
    int n = 0;
    while (n < static_cast<int>(s_.size()) && n < digits_max && std::isdigit(static_cast<unsigned char>(s_[n]))) ++n;
    if (n < digits_min) return false;
    std::from_chars(s_.data(), s_.data() + n, out);
    s_.remove_prefix(n);
    return true;
  }
  // Letters in any case: RFC 9110 5.6.7 asks recipients to be robust ("nov", "NOV").
  bool iliteral(std::string_view lit) {
    if (s_.size() < lit.size()) return false;
    for (std::size_t i = 0; i < lit.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(s_[i])) != std::tolower(static_cast<unsigned char>(lit[i])))
        return false;
    s_.remove_prefix(lit.size());
    return true;
  }
  // " GMT", or the zones that say the same: "UTC", "UT", "Z", "+0000", "-0000" (any case).
  bool utc_zone() {
    const std::string_view rest = s_;
    for (std::string_view zone : {" GMT", " UTC", " UT", " Z", " +0000", " -0000"}) {
      s_ = rest;
      if (iliteral(zone) && at_end()) return true;
    }
    s_ = rest;
    return false;
  }
  bool month(int& out) {
    for (std::size_t i = 0; i < kMonths.size(); ++i)
      if (iliteral(kMonths[i])) {
        out = static_cast<int>(i);
        return true;
      }
    return false;
  }
  bool skip_day_name() {
    // Long names (RFC 850) or short ones; only letters matter here.
    std::size_t n = 0;
    while (n < s_.size() && std::isalpha(static_cast<unsigned char>(s_[n]))) ++n;
    if (n < 3) return false;
    s_.remove_prefix(n);
    return true;
  }
  bool time(int& h, int& m, int& sec) {
    return number(2, 2, h) && literal(":") && number(2, 2, m) && literal(":") && number(2, 2, sec);
  }
  bool at_end() const { return s_.empty(); }
  void skip_spaces() {
    while (!s_.empty() && s_.front() == ' ') s_.remove_prefix(1);
  }

 private:
  std::string_view s_;
};

std::optional<std::int64_t> to_unix(int year, int month, int day, int h, int m, int s) {
  if (month < 0 || month > 11 || day < 1 || day > 31 || h > 23 || m > 59 || s > 60) return std::nullopt;
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month;
  tm.tm_mday = day;
  tm.tm_hour = h;
  tm.tm_min = m;
  tm.tm_sec = s;
  return static_cast<std::int64_t>(timegm(&tm));
}

}  // namespace

std::optional<std::int64_t> parse_http_date(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  int day = 0, month = 0, year = 0, h = 0, m = 0, s = 0;
  {  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
    Scanner sc(text);
    if (sc.skip_day_name() && sc.literal(", ") && sc.number(2, 2, day) && sc.literal(" ") && sc.month(month) &&
        sc.literal(" ") && sc.number(4, 4, year) && sc.literal(" ") && sc.time(h, m, s) && sc.utc_zone())
      return to_unix(year, month, day, h, m, s);
  }
  {  // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
    Scanner sc(text);
    if (sc.skip_day_name() && sc.literal(", ") && sc.number(2, 2, day) && sc.literal("-") && sc.month(month) &&
        sc.literal("-") && sc.number(2, 2, year) && sc.literal(" ") && sc.time(h, m, s) && sc.utc_zone()) {
      // Two-digit years more than 50 years ahead are in the past (RFC 9110).
      year += year < 70 ? 2000 : 1900;
      return to_unix(year, month, day, h, m, s);
    }
  }
  {  // asctime: Sun Nov  6 08:49:37 1994
    Scanner sc(text);
    if (sc.skip_day_name() && sc.literal(" ") && sc.month(month) && sc.literal(" ")) {
      sc.skip_spaces();
      if (sc.number(1, 2, day) && sc.literal(" ") && sc.time(h, m, s) && sc.literal(" ") && sc.number(4, 4, year) &&
          sc.at_end())
        return to_unix(year, month, day, h, m, s);
    }
  }
  return std::nullopt;
}

std::string format_http_date(std::int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT",
                kDays[static_cast<std::size_t>(tm.tm_wday)].data(), tm.tm_mday,
                kMonths[static_cast<std::size_t>(tm.tm_mon)].data(), tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buf;
}

std::string_view current_http_date(std::int64_t unix_seconds) {
  thread_local std::int64_t cached_second = -1;
  thread_local std::string cached;
  if (unix_seconds != cached_second) {
    cached = format_http_date(unix_seconds);
    cached_second = unix_seconds;
  }
  return cached;
}

}  // namespace edgelab
