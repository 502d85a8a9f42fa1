#include "core/io_pool.hpp"

#include <algorithm>

namespace edgelab {

namespace {

// 0 means one thread per core. The io_context is told the real count: with a
// concurrency hint of 1 Asio's scheduler runs in "one thread" mode, where a
// handler posted from an io thread goes to that thread's private queue and a
// thread that finds more handlers waiting wakes no other to take them, so a
// second thread mostly idled while the first one worked.
unsigned thread_count(unsigned threads) {
  return threads != 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

IoPool::IoPool(unsigned threads)
    : context_(static_cast<int>(thread_count(threads))), work_(context_.get_executor()) {
  const unsigned count = thread_count(threads);
  threads_.reserve(count);
  for (unsigned i = 0; i < count; ++i) threads_.emplace_back([this] { context_.run(); });
}

IoPool::~IoPool() { stop(); }

void IoPool::stop() {
  work_.reset();
  context_.stop();
  for (auto& t : threads_)
    if (t.joinable()) t.join();
  threads_.clear();
}

}  // namespace edgelab
