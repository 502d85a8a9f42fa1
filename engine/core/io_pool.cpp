#include "core/io_pool.hpp"

namespace edgelab {

// With threads == 0 (one per core) the io_context's concurrency hint is 1,
// which puts Asio's scheduler in "one thread" mode (a handler posted from an io
// thread stays on that thread's private queue; no other thread is woken for
// queued work). Issue 13 asks for the real count; that change waits for the
// tsan preset: with it, a lab run in a parallel suite lost one answer (not
// reproduced alone), and a race should be ruled out first.
IoPool::IoPool(unsigned threads) : context_(static_cast<int>(threads ? threads : 1)), work_(context_.get_executor()) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads_.reserve(threads);
  for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { context_.run(); });
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
