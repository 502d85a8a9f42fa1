#pragma once
// A client for tests that must see exactly what a node sends: interim 1xx
// responses, a final response that may be cut short, a connection closed
// without an answer. Responses are parsed with Beast; every wait is bounded.
#include "http/http_types.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace edgelab::test {

struct RawAnswer {
  std::vector<unsigned> interim;           // 1xx statuses before the final response
  std::vector<std::string> interim_links;  // their Link fields
  unsigned status = 0;                     // 0: no final response header arrived
  std::string body;
  bool complete = false;  // the final response arrived whole
  std::string error;      // why it did not, when it did not
  bool chunked = false;
  http::response_header<> header;
};

// Sends `request` (raw bytes) on a fresh connection to 127.0.0.1:port and
// reads one response, skipping past 1xx.
RawAnswer raw_request(std::uint16_t port, const std::string& request,
                      std::chrono::milliseconds timeout = std::chrono::seconds(5));
// Sends `request` and returns every byte the server sends until it closes
// (or `timeout` passes): for checking that nothing follows a response.
std::string raw_until_close(std::uint16_t port, const std::string& request,
                            std::chrono::milliseconds timeout = std::chrono::seconds(3));
// A GET with Host: www.example.com.
RawAnswer raw_get(std::uint16_t port, const std::string& target,
                  std::chrono::milliseconds timeout = std::chrono::seconds(5));

}  // namespace edgelab::test
