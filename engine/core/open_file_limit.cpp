#include "core/open_file_limit.hpp"

#include <sys/resource.h>

#include <fstream>

#ifdef __APPLE__
#include <climits>
#endif

namespace edgelab {

OpenFileLimit raise_open_file_limit() {
  OpenFileLimit result;
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return result;
  result.soft = limit.rlim_cur;
  result.hard = limit.rlim_max;
  if (limit.rlim_cur == RLIM_INFINITY || (limit.rlim_max != RLIM_INFINITY && limit.rlim_cur >= limit.rlim_max))
    return result;
  rlim_t wanted = limit.rlim_max;
#ifdef __linux__
  // An unlimited hard limit is still bounded by fs.nr_open.
  if (wanted == RLIM_INFINITY) {
    std::ifstream nr_open("/proc/sys/fs/nr_open");
    unsigned long long n = 0;
    wanted = (nr_open >> n) && n > 0 ? static_cast<rlim_t>(n) : static_cast<rlim_t>(1) << 20;
  }
#elif defined(__APPLE__)
  if (wanted == RLIM_INFINITY || wanted > static_cast<rlim_t>(OPEN_MAX)) wanted = OPEN_MAX;
#endif
  if (wanted <= limit.rlim_cur) return result;
  limit.rlim_cur = wanted;
  if (setrlimit(RLIMIT_NOFILE, &limit) != 0) return result;
  result.soft = wanted;
  result.raised = true;
  return result;
}

}  // namespace edgelab
