#include "http/upstream_pool.hpp"

#include "http/connection_check.hpp"
#include "http/upstream_attempt.hpp"

namespace edgelab {

UpstreamPool::UpstreamPool(net::io_context& ioc, Endpoint upstream, UpstreamLimits limits)
    : ioc_(ioc), upstream_(std::move(upstream)), limits_(limits) {}

UpstreamPool::~UpstreamPool() = default;

void UpstreamPool::send(std::shared_ptr<const Request> request, SendHandler done, InterimHandler interim) {
  std::make_shared<UpstreamAttempt>(shared_from_this(), std::move(request), std::move(done), std::move(interim))
      ->start();
}

std::unique_ptr<UpstreamConnection> UpstreamPool::take_idle() {
  const auto now = std::chrono::steady_clock::now();
  for (;;) {
    IdleConnection entry;
    {
      std::lock_guard lock(mutex_);
      if (idle_.empty()) return nullptr;
      entry = std::move(idle_.back());
      idle_.pop_back();
    }
    // The idle watch's handler finds its id gone and leaves the connection be.
    boost::system::error_code ignored;
    entry.connection->stream.socket().cancel(ignored);
    if (now - entry.connection->idle_since >= limits_.idle_lifetime) continue;
    switch (peek_socket(entry.connection->stream.socket())) {
      case SocketState::quiet:
        return std::move(entry.connection);
      case SocketState::readable:
        note_framing(UpstreamFramingError::idle_data);
        continue;
      case SocketState::closed:
        ++counters_.idle_closed;
        continue;
    }
  }
}

void UpstreamPool::release(std::unique_ptr<UpstreamConnection> connection) {
  // Anything after the end of the message means we and the upstream disagree
  // on where it ended: what follows must never be read as the next response.
  if (connection->buffer.size() > 0) return note_framing(UpstreamFramingError::trailing_bytes);
  switch (peek_socket(connection->stream.socket())) {
    case SocketState::readable:
      return note_framing(UpstreamFramingError::trailing_bytes);
    case SocketState::closed:
      ++counters_.idle_closed;
      return;
    case SocketState::quiet:
      break;
  }
  connection->idle_since = std::chrono::steady_clock::now();
  connection->stream.expires_never();
  std::lock_guard lock(mutex_);
  if (closed_ || idle_.size() >= limits_.max_idle) return;
  const std::uint64_t id = ++next_idle_id_;
  // Started under the lock, so the handler cannot look for the id before the
  // entry is in the list. It never touches the connection itself: only the
  // pool, which owns it.
  connection->stream.socket().async_wait(tcp::socket::wait_read,
                                         [weak = weak_from_this(), id](boost::system::error_code ec) {
                                           if (ec == net::error::operation_aborted) return;
                                           if (auto pool = weak.lock()) pool->drop_idle(id);
                                         });
  idle_.push_back({std::move(connection), id});
}

void UpstreamPool::drop_idle(std::uint64_t id) {
  std::unique_ptr<UpstreamConnection> dropped;  // closed after the lock is released
  std::lock_guard lock(mutex_);
  auto it = std::find_if(idle_.begin(), idle_.end(), [id](const IdleConnection& e) { return e.id == id; });
  if (it == idle_.end()) return;  // taken for a request meanwhile (and checked there)
  // Counted before it leaves the list, under the same lock: whoever sees the pool
  // one connection smaller also sees why (a non-blocking peek, no wait).
  if (peek_socket(it->connection->stream.socket()) == SocketState::readable)
    note_framing(UpstreamFramingError::idle_data);
  else
    ++counters_.idle_closed;
  dropped = std::move(it->connection);
  idle_.erase(it);
}

void UpstreamPool::close_idle() {
  std::vector<IdleConnection> closing;
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
    closing.swap(idle_);
  }
}

std::size_t UpstreamPool::idle_count() const {
  std::lock_guard lock(mutex_);
  return idle_.size();
}

std::size_t UpstreamPool::idle_with_buffered_bytes() const {
  std::lock_guard lock(mutex_);
  return static_cast<std::size_t>(std::count_if(
      idle_.begin(), idle_.end(), [](const IdleConnection& e) { return e.connection->buffer.size() > 0; }));
}

void UpstreamPool::note_framing(UpstreamFramingError kind) {
  counters_.framing.add(kind);
  if (observer_) observer_(kind, upstream_);
}

}  // namespace edgelab
