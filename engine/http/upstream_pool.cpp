#include "http/upstream_pool.hpp"

#include "http/connection_check.hpp"
#include "http/upstream_attempt.hpp"

namespace edgelab {

UpstreamPool::UpstreamPool(net::io_context& ioc, Endpoint upstream, UpstreamLimits limits)
    : ioc_(ioc), upstream_(std::move(upstream)), limits_(limits), expiry_(ioc.get_executor()) {}

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
    if (now - entry.connection->idle_since >= limits_.idle_timeout) {
      ++counters_.idle_expired;  // its expiry is due: closed, as the timer would have
      continue;
    }
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
  // An idle connection keeps a small buffer (a body read may have grown it to 64 KiB).
  if (connection->buffer.capacity() > 4096) connection->buffer.shrink_to_fit();
  connection->stream.expires_never();
  std::lock_guard lock(mutex_);
  // Stamped under the lock: idle_ stays in time order for expire_idle().
  connection->idle_since = std::chrono::steady_clock::now();
  if (closed_ || idle_.size() >= limits_.max_idle || limits_.idle_timeout <= std::chrono::milliseconds::zero()) return;
  const std::uint64_t id = ++next_idle_id_;
  // Started under the lock, so the handler cannot look for the id before the
  // entry is in the list. It never touches the connection itself: only the
  // pool, which owns it.
  //
  // A peek (recv with MSG_PEEK), not async_wait(wait_read): Asio completes a
  // wait at once when the reactor last saw the socket readable and no read
  // has drained it since (as when the body's last read filled its buffer
  // exactly), which dropped healthy connections the moment they were pooled.
  // A peek that finds nothing waits for the peer, and leaves what it finds
  // in the socket for the checks below and in take_idle().
  connection->stream.socket().async_receive(net::buffer(&connection->idle_probe, 1), tcp::socket::message_peek,
                                            [weak = weak_from_this(), id](boost::system::error_code ec, std::size_t) {
                                              if (ec == net::error::operation_aborted) return;
                                              if (auto pool = weak.lock()) pool->drop_idle(id);
                                            });
  // Released in time order, so idle_ runs from the longest idle to the newest.
  idle_.push_back({std::move(connection), id});
  arm_expiry_locked();
}

void UpstreamPool::arm_expiry_locked() {
  if (closed_ || expiry_armed_ || idle_.empty()) return;
  expiry_armed_ = true;
  expiry_.expires_at(idle_.front().connection->idle_since + limits_.idle_timeout);
  expiry_.async_wait([weak = weak_from_this()](boost::system::error_code ec) {
    if (ec == net::error::operation_aborted) return;
    if (auto pool = weak.lock()) pool->expire_idle();
  });
}

void UpstreamPool::expire_idle() {
  std::vector<IdleConnection> expired;  // closed after the lock is released
  std::lock_guard lock(mutex_);
  expiry_armed_ = false;
  // Those due within a twentieth of the timeout go together: one wake-up, not one each.
  const auto cutoff = std::chrono::steady_clock::now() - limits_.idle_timeout + limits_.idle_timeout / 20;
  auto end = idle_.begin();
  while (end != idle_.end() && end->connection->idle_since <= cutoff) ++end;
  for (auto it = idle_.begin(); it != end; ++it) {
    // Its idle watch finds the id gone and leaves it be.
    boost::system::error_code ignored;
    it->connection->stream.socket().cancel(ignored);
    expired.push_back(std::move(*it));
  }
  idle_.erase(idle_.begin(), end);
  counters_.idle_expired += expired.size();
  arm_expiry_locked();
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
    expiry_.cancel();
    expiry_armed_ = false;
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
