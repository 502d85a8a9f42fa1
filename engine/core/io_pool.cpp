#include "core/io_pool.hpp"

namespace edgelab {

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
