#pragma once
// Lua's pattern matcher backtracks inside C, where no hook can stop it:
// ("a"):rep(100):match("a+a+a+a+a+b") runs for minutes. Before string.find,
// match, gmatch or gsub is allowed to run, this guard bounds the work it can
// do and refuses calls whose bound is too large.
//
// Why a bound and not a step-counted matcher of our own: the bound needs only
// the item structure of the pattern (Lua 5.4 manual §6.4.1) and one pass over
// the subject per quantifier, while a second matcher would have to agree with
// lstrlib.c on every corner (captures, %f, gsub's empty-match rule) to return
// the same results. The price is that some harmless calls are refused; the
// bound is made tight enough for request-path patterns (anchored paths, short
// header values, a trailing %s+ over kilobytes).
//
// The bound: a backtracking matcher tries, at each start position, every
// combination of expansions of the quantified items. An item over a single
// character class expands at most as far as the longest run of subject
// characters in that class (`?` at most once), so the paths per start are at
// most the product of (run + 1). A quantifier that ends the pattern never
// backtracks into a failure (the rest, being empty, matches at once) and
// counts as 1. %b and back-references may scan the whole subject per path.
// Starts are 1 for an anchored pattern, else every position.
#include <cstddef>
#include <string_view>

namespace edgelab {

class PatternGuard {
 public:
  // Paths × items above which a call is refused; ~10-50 ms of matching.
  static constexpr double kWorkLimit = 2e7;
  // Bytes compared by a plain search; memcmp is much cheaper per byte.
  static constexpr double kPlainWorkLimit = 3e8;

  // nullptr when the call may run, else why not (a static string).
  // `anchor_allowed` is false for gmatch, which treats '^' as a literal.
  static const char* refuse_reason(std::string_view subject, std::string_view pattern, bool anchor_allowed,
                                   std::size_t max_subject_bytes);

  // The same for a plain search (find with plain, or a pattern without
  // special characters, which lstrlib searches with memchr/memcmp): up to
  // subject × needle bytes compared.
  static const char* refuse_plain_reason(std::string_view subject, std::string_view needle,
                                         std::size_t max_subject_bytes);
  static bool has_specials(std::string_view pattern);

  // Exposed for tests: the work bound as computed (saturates past the limit).
  static double work_bound(std::string_view subject, std::string_view pattern, bool anchor_allowed);

 private:
  static std::size_t class_end(std::string_view pattern, std::size_t begin);
  static bool class_matches(unsigned char c, std::string_view item);
  static bool escape_matches(unsigned char c, unsigned char escape);
  static bool set_matches(unsigned char c, std::string_view set);
  static std::size_t longest_run(std::string_view subject, std::string_view item);
};

}  // namespace edgelab
