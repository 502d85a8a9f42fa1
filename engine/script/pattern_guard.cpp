#include "script/pattern_guard.hpp"

#include <algorithm>
#include <cctype>

namespace edgelab {

namespace {
constexpr std::size_t kMalformed = std::string_view::npos;
bool is_quantifier(char c) { return c == '*' || c == '+' || c == '-' || c == '?'; }
}  // namespace

const char* PatternGuard::refuse_reason(std::string_view subject, std::string_view pattern, bool anchor_allowed,
                                        std::size_t max_subject_bytes) {
  if (subject.size() > max_subject_bytes) return "pattern subject longer than max_string_bytes";
  if (work_bound(subject, pattern, anchor_allowed) > kWorkLimit)
    return "pattern too complex for this subject (backtracking could run for too long)";
  return nullptr;
}

const char* PatternGuard::refuse_plain_reason(std::string_view subject, std::string_view needle,
                                              std::size_t max_subject_bytes) {
  if (subject.size() > max_subject_bytes) return "pattern subject longer than max_string_bytes";
  if ((double(subject.size()) + 1) * double(needle.size()) > kPlainWorkLimit)
    return "plain search too long for this subject (subject x needle too large)";
  return nullptr;
}

bool PatternGuard::has_specials(std::string_view pattern) {
  return pattern.find_first_of("^$*+?.([%-") != std::string_view::npos;
}

double PatternGuard::work_bound(std::string_view subject, std::string_view pattern, bool anchor_allowed) {
  const double n = double(subject.size());
  std::size_t i = 0;
  double starts = n + 1;
  if (anchor_allowed && !pattern.empty() && pattern[0] == '^') {
    starts = 1;
    i = 1;
  }
  double paths = 1;
  double items = 0;
  // Each longest_run() is a pass over the subject: bound those passes too.
  double scan_work = 0;
  const auto over = [&] { return starts * paths * std::max(items, 1.0) > kWorkLimit || scan_work > kWorkLimit; };
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (c == '(' || c == ')') {
      ++i;
      continue;
    }
    if (c == '$' && i + 1 == pattern.size()) break;
    ++items;
    std::size_t end;
    if (c == '%' && i + 1 < pattern.size()) {
      const char d = pattern[i + 1];
      if (d == 'b') {
        paths *= n + 1;
        i += 4;
        if (over()) return kWorkLimit * 2;
        continue;
      }
      if (d == 'f') {
        i += 2;
        if (i < pattern.size() && pattern[i] == '[') {
          i = class_end(pattern, i);
          if (i == kMalformed) return 0;  // lstrlib reports it
        }
        continue;
      }
      if (d >= '0' && d <= '9') {
        paths *= n + 1;
        i += 2;
        if (over()) return kWorkLimit * 2;
        continue;
      }
      end = i + 2;
    } else if (c == '[') {
      end = class_end(pattern, i);
      if (end == kMalformed) return 0;
    } else {
      end = i + 1;
    }
    const std::string_view item = pattern.substr(i, end - i);
    i = end;
    if (i < pattern.size() && is_quantifier(pattern[i])) {
      const char quantifier = pattern[i++];
      const bool trailing = pattern.find_first_not_of(')', i) == std::string_view::npos;
      if (!trailing) {
        scan_work += n;
        const double run = double(longest_run(subject, item));
        paths *= quantifier == '?' ? std::min(run, 1.0) + 1 : run + 1;
      }
    }
    if (over()) return kWorkLimit * 2;
  }
  return starts * paths * std::max(items, 1.0);
}

std::size_t PatternGuard::class_end(std::string_view pattern, std::size_t begin) {
  // begin is at '['; the first character after "[" or "[^" is part of the set
  // even when it is ']', and '%' escapes the next one.
  std::size_t j = begin + 1;
  if (j < pattern.size() && pattern[j] == '^') ++j;
  do {
    if (j >= pattern.size()) return kMalformed;
    if (pattern[j++] == '%') {
      if (j >= pattern.size()) return kMalformed;
      ++j;
    }
  } while (j < pattern.size() && pattern[j] != ']');
  return j < pattern.size() ? j + 1 : kMalformed;
}

bool PatternGuard::escape_matches(unsigned char c, unsigned char escape) {
  bool in;
  switch (std::tolower(escape)) {
    case 'a': in = std::isalpha(c); break;
    case 'c': in = std::iscntrl(c); break;
    case 'd': in = std::isdigit(c); break;
    case 'g': in = std::isgraph(c); break;
    case 'l': in = std::islower(c); break;
    case 'p': in = std::ispunct(c); break;
    case 's': in = std::isspace(c); break;
    case 'u': in = std::isupper(c); break;
    case 'w': in = std::isalnum(c); break;
    case 'x': in = std::isxdigit(c); break;
    default: return c == escape;  // %. %% %[ ...: the character itself
  }
  return std::isupper(escape) ? !in : in;
}

bool PatternGuard::set_matches(unsigned char c, std::string_view set) {
  // set is "[...]" including both brackets.
  std::size_t j = 1;
  const std::size_t last = set.size() - 1;  // the closing ']'
  bool negate = false;
  if (set[j] == '^') {
    negate = true;
    ++j;
  }
  bool found = false;
  while (j < last && !found) {
    const auto ch = static_cast<unsigned char>(set[j]);
    if (ch == '%' && j + 1 < last) {
      found = escape_matches(c, static_cast<unsigned char>(set[j + 1]));
      j += 2;
    } else if (j + 2 < last && set[j + 1] == '-') {
      found = ch <= c && c <= static_cast<unsigned char>(set[j + 2]);
      j += 3;
    } else {
      found = ch == c;
      ++j;
    }
  }
  return found != negate;
}

bool PatternGuard::class_matches(unsigned char c, std::string_view item) {
  switch (item[0]) {
    case '.': return true;
    case '%': return escape_matches(c, static_cast<unsigned char>(item[1]));
    case '[': return set_matches(c, item);
    default: return static_cast<unsigned char>(item[0]) == c;
  }
}

std::size_t PatternGuard::longest_run(std::string_view subject, std::string_view item) {
  std::size_t longest = 0, current = 0;
  for (const char ch : subject) {
    current = class_matches(static_cast<unsigned char>(ch), item) ? current + 1 : 0;
    longest = std::max(longest, current);
  }
  return longest;
}

}  // namespace edgelab
