#pragma once
// The edge script endpoint of a test node: PUT, GET and DELETE /admin/v1/script
// with its bearer token, and the JSON of the answers.
#include "node/edge_node.hpp"

#include <boost/json/value.hpp>

#include <string>

namespace edgelab::test {

// PUT the source; `query` without '?' ("fail=closed&cpu_ms=5").
Response put_script(const EdgeNode& node, const std::string& source, const std::string& query = {});
Response delete_script(const EdgeNode& node);
// GET /admin/v1/script as JSON (null on failure).
boost::json::value script_status(const EdgeNode& node);
// The live script's counter (aborts by reason: "aborts.cpu_exceeded"), 0 when absent.
std::uint64_t script_counter(const EdgeNode& node, const std::string& path);
boost::json::value parse_body(const Response& response);

}  // namespace edgelab::test
