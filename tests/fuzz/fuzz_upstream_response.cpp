// libFuzzer target for the upstream response reader: the input is what an
// origin answers to one request, byte for byte. A real node (one io thread,
// so its pool is reused) fetches it over loopback from a ScriptedOrigin; then
// a well-formed request for another URL must get exactly its own body, and no
// pooled connection may hold bytes the node read but did not consume. Any
// crash, sanitizer report or desynchronised follow-up aborts the run.
//
// The first input byte picks the origin's behaviour after the bytes (close
// or stay open), the rest is the answer.
#include "core/io_pool.hpp"
#include "node/edge_node.hpp"
#include "support/raw_http_client.hpp"
#include "support/scripted_origin.hpp"

#include <cstdio>
#include <cstdlib>
#include <future>

using namespace edgelab;
using edgelab::test::ScriptedOrigin;
using edgelab::test::ScriptedReply;

namespace {

struct World {
  World() : origin([](const http::request<http::string_body>&) { return ScriptedReply{}; }), pool(1) {
    NodeConfig c;
    c.name = "fuzz";
    c.listen = {"127.0.0.1", 0};
    c.upstream = {"127.0.0.1", origin.port()};
    c.l1_max_bytes = 16ull << 20;
    c.limits.upstream_read_timeout = std::chrono::milliseconds(150);
    c.cache.coalesce_wait = std::chrono::milliseconds(1000);
    std::string error;
    node = EdgeNode::create(pool.context(), c, error);
    if (!node || node->start()) {
      std::fprintf(stderr, "fuzz node: %s\n", error.c_str());
      std::abort();
    }
  }
  ScriptedOrigin origin;
  IoPool pool;
  std::shared_ptr<EdgeNode> node;
  std::uint64_t round = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static World world;
  if (size == 0) return 0;
  const bool close_after = (data[0] & 3) != 0;  // mostly: a silent open connection costs a read timeout
  std::string answer(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string n = std::to_string(++world.round);
  world.origin.set_script([answer, close_after](const http::request<http::string_body>& request) {
    if (request.target().starts_with("/fuzz")) return ScriptedReply{.bytes = answer, .close_after = close_after};
    return ScriptedReply{
        .bytes = ScriptedOrigin::response("own:" + std::string(request.target()), "Cache-Control: no-store\r\n")};
  });
  edgelab::test::raw_get(world.node->port(), "/fuzz/" + n, std::chrono::seconds(3));
  const std::string after_path = "/after/" + n;
  auto after = edgelab::test::raw_get(world.node->port(), after_path, std::chrono::seconds(3));
  if (!after.complete || after.status != 200 || after.body != "own:" + after_path) {
    std::fprintf(stderr, "desynchronised: %s answered %u \"%s\" (%s)\n", after_path.c_str(), after.status,
                 after.body.substr(0, 200).c_str(), after.error.c_str());
    std::abort();
  }
  if (world.node->upstream().idle_with_buffered_bytes() != 0) {
    std::fprintf(stderr, "a pooled connection holds unread bytes\n");
    std::abort();
  }
  return 0;
}
