#pragma once
// An origin whose answers are bytes a test scripts, written raw to the socket
// (in the spirit of varnishtest's `server s1 { rxreq; txresp }`): the way to
// make an origin misbehave on purpose. Requests are read with Beast's parser;
// the answer is whatever the script returns, malformed or not. It runs on its
// own thread and io_context, on 127.0.0.1. No Qt: the fuzz target uses it too.
#include "http/http_types.hpp"

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

namespace edgelab::test {

struct ScriptedReply {
  std::string bytes;                   // written as they are, in one write
  bool close_after = false;            // then close the connection
  bool silent = false;                 // write nothing, keep the connection open
  std::chrono::milliseconds delay{0};  // before writing
  // Later, while the connection sits idle in the node's pool: write these
  // bytes and/or close it, `idle_after` after the reply.
  std::chrono::milliseconds idle_after{0};
  std::string idle_bytes;
  bool idle_close = false;
};

class ScriptedOrigin {
 public:
  using Script = std::function<ScriptedReply(const http::request<http::string_body>& request)>;

  explicit ScriptedOrigin(Script script);
  ~ScriptedOrigin();
  ScriptedOrigin(const ScriptedOrigin&) = delete;
  ScriptedOrigin& operator=(const ScriptedOrigin&) = delete;

  std::uint16_t port() const { return port_; }
  std::uint64_t requests() const { return requests_.load(); }
  std::uint64_t connections() const { return connections_.load(); }
  // Replaces the script (the fuzzer sets one per input); safe between requests.
  void set_script(Script script);

  // A well-framed answer: `body` with Content-Length and the given extra
  // header lines (each ending in \r\n).
  static std::string response(std::string_view body, std::string_view extra_headers = {},
                              std::string_view status_line = "HTTP/1.1 200 OK");

 private:
  class Connection;
  void accept();

  net::io_context ioc_;
  tcp::acceptor acceptor_;
  std::uint16_t port_ = 0;
  std::shared_ptr<Script> script_;
  std::mutex script_mutex_;
  std::atomic<std::uint64_t> requests_{0};
  std::atomic<std::uint64_t> connections_{0};
  std::thread thread_;
};

}  // namespace edgelab::test
