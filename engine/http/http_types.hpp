#pragma once
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "core/recycling_allocator.hpp"

namespace edgelab {
namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

// Requests keep their header fields in recycled blocks (see RecyclingAllocator).
using RequestAllocator = RecyclingAllocator<char>;
using RequestFields = http::basic_fields<RequestAllocator>;
using Request = http::request<http::string_body, RequestFields>;
using Response = http::response<http::string_body>;
}  // namespace edgelab
