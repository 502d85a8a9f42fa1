#pragma once
// The transfer codings a message's Transfer-Encoding fields list, gathered
// field by field, for the framing rules both sides of a node apply (RFC 9112
// 6.1): requests and upstream responses share this one reading.
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/rfc7230.hpp>

#include <cstddef>
#include <string_view>

namespace edgelab {

struct TransferCodings {
  bool present = false;      // any Transfer-Encoding field at all
  bool empty_field = false;  // one listed no coding
  std::size_t count = 0;     // codings over all fields
  bool chunked_last = false;

  void add_field(std::string_view value) {
    present = true;
    std::size_t in_field = 0;
    for (auto coding : boost::beast::http::token_list{value}) {
      ++in_field;
      chunked_last = boost::beast::iequals(coding, "chunked");
    }
    if (in_field == 0) empty_field = true;
    count += in_field;
  }
  // `chunked` and nothing else: the only framing a node relays as is.
  bool chunked_alone() const { return !empty_field && count == 1 && chunked_last; }
};

}  // namespace edgelab
