#include "lab/wan_link.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>

#include <deque>

namespace edgelab {

// One relayed connection: two delay lines, client->target and target->client.
class WanLink::Session : public std::enable_shared_from_this<Session> {
 public:
  Session(std::shared_ptr<WanLink> link, tcp::socket client)
      : link_(std::move(link)),
        strand_(client.get_executor()),
        client_(std::move(client)),
        target_(strand_),
        idle_(strand_) {
    ++link_->open_pairs_;
  }
  ~Session() {
    if (!closed_) --link_->open_pairs_;
  }

  void start() {
    auto self = shared_from_this();
    const auto& t = link_->target_;
    boost::system::error_code ec;
    const tcp::endpoint endpoint(net::ip::make_address(t.host, ec), t.port);
    if (ec) return close();
    // The SYN crosses the link: connect after one delay, answer after another.
    delayed(link_->delay(), [self, endpoint] {
      self->target_.async_connect(endpoint, [self](boost::system::error_code cec) {
        if (cec) return self->close();
        boost::system::error_code ignored;
        self->target_.set_option(tcp::no_delay(true), ignored);
        self->client_.set_option(tcp::no_delay(true), ignored);
        self->pumps_[0].from = &self->client_;
        self->pumps_[0].to = &self->target_;
        self->pumps_[1].from = &self->target_;
        self->pumps_[1].to = &self->client_;
        self->delayed(self->link_->delay(), [self] {
          self->read(0);
          self->read(1);
          self->touch();
        });
      });
    });
  }

  void close() {
    net::dispatch(strand_, [self = shared_from_this()] {
      if (self->closed_) return;
      self->closed_ = true;
      --self->link_->open_pairs_;
      boost::system::error_code ignored;
      self->client_.close(ignored);
      self->target_.close(ignored);
      self->idle_.cancel();
    });
  }

 private:
  struct Chunk {
    std::string bytes;  // empty: end of stream
    std::chrono::steady_clock::time_point due;
  };
  struct Pump {
    tcp::socket* from = nullptr;
    tcp::socket* to = nullptr;
    std::deque<Chunk> queue;
    std::size_t queued_bytes = 0;
    bool reading = false;
    bool writing = false;
    bool ended = false;
    std::unique_ptr<net::steady_timer> timer;
    std::array<char, kChunk> buffer{};
  };

  template <class Fn>
  void delayed(std::chrono::microseconds d, Fn fn) {
    auto timer = std::make_shared<net::steady_timer>(strand_, d);
    timer->async_wait([timer, fn = std::move(fn)](boost::system::error_code) { fn(); });
  }

  // Restarts the pair's timer: the idle timeout, or once a side has closed,
  // the half-close timeout.
  void touch() {
    const bool half_closed = pumps_[0].ended || pumps_[1].ended;
    idle_.expires_after(half_closed ? std::min(kHalfCloseTimeout, link_->idle_timeout_) : link_->idle_timeout_);
    idle_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
      if (!ec) self->close();
    });
  }

  void read(int dir) {
    Pump& p = pumps_[dir];
    if (closed_ || p.ended || p.reading || p.queued_bytes >= kMaxInFlight) return;
    p.reading = true;
    p.from->async_read_some(net::buffer(p.buffer), [self = shared_from_this(), dir](boost::system::error_code ec,
                                                                                    std::size_t n) {
      Pump& pump = self->pumps_[dir];
      pump.reading = false;
      if (self->closed_) return;
      const auto due = std::chrono::steady_clock::now() + self->link_->delay();
      if (ec) {
        if (ec != net::error::eof) return self->close();
        pump.ended = true;
        pump.queue.push_back({std::string(), due});
        self->touch();  // from now on the other side has kHalfCloseTimeout to finish
      } else {
        pump.queue.push_back({std::string(pump.buffer.data(), n), due});
        pump.queued_bytes += n;
        self->touch();
        self->read(dir);
      }
      self->write(dir);
    });
  }

  void write(int dir) {
    Pump& p = pumps_[dir];
    if (closed_ || p.writing || p.queue.empty()) return;
    p.writing = true;
    if (!p.timer) p.timer = std::make_unique<net::steady_timer>(strand_);
    p.timer->expires_at(p.queue.front().due);
    p.timer->async_wait([self = shared_from_this(), dir](boost::system::error_code) {
      Pump& pump = self->pumps_[dir];
      if (self->closed_) return;
      if (pump.queue.front().bytes.empty()) {  // the sender finished: pass the FIN on
        boost::system::error_code ignored;
        pump.to->shutdown(tcp::socket::shutdown_send, ignored);
        pump.queue.pop_front();
        pump.writing = false;
        if (self->pumps_[0].ended && self->pumps_[1].ended) self->close();
        return;
      }
      net::async_write(*pump.to, net::buffer(pump.queue.front().bytes),
                       [self, dir](boost::system::error_code wec, std::size_t n) {
                         Pump& w = self->pumps_[dir];
                         if (wec) return self->close();
                         w.queued_bytes -= n;
                         w.queue.pop_front();
                         w.writing = false;
                         self->write(dir);
                         self->read(dir);  // resumes a paused reader
                       });
    });
  }

  std::shared_ptr<WanLink> link_;
  net::strand<net::any_io_executor> strand_;
  tcp::socket client_;
  tcp::socket target_;
  net::steady_timer idle_;
  std::array<Pump, 2> pumps_;
  bool closed_ = false;
};

WanLink::WanLink(net::io_context& ioc, Endpoint target, std::chrono::microseconds one_way,
                 std::chrono::milliseconds idle_timeout)
    : ioc_(ioc),
      target_(std::move(target)),
      acceptor_(ioc),
      delay_us_(one_way.count()),
      idle_timeout_(idle_timeout) {}

boost::system::error_code WanLink::listen() {
  boost::system::error_code ec;
  const tcp::endpoint endpoint(net::ip::make_address("127.0.0.1"), 0);
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return ec;
  port_ = acceptor_.local_endpoint().port();
  accept();
  return {};
}

void WanLink::accept() {
  acceptor_.async_accept(net::make_strand(ioc_), [self = shared_from_this()](boost::system::error_code ec,
                                                                             tcp::socket socket) {
    if (ec == net::error::operation_aborted || !self->acceptor_.is_open()) return;
    if (!ec && !self->cut_) {
      auto session = std::make_shared<Session>(self, std::move(socket));
      {
        std::lock_guard lock(self->mutex_);
        std::erase_if(self->sessions_, [](const auto& w) { return w.expired(); });
        self->sessions_.push_back(session);
      }
      session->start();
    }
    self->accept();  // a cut link drops the socket it accepted
  });
}

void WanLink::set_cut(bool cut) {
  cut_ = cut;
  if (!cut) return;
  std::list<std::weak_ptr<Session>> open;
  {
    std::lock_guard lock(mutex_);
    open.swap(sessions_);
  }
  for (auto& weak : open)
    if (auto s = weak.lock()) s->close();
}

void WanLink::close() {
  net::post(ioc_, [self = shared_from_this()] {
    boost::system::error_code ignored;
    self->acceptor_.close(ignored);
  });
  set_cut(true);
}

}  // namespace edgelab
