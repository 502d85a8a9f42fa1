// Boost.Asio and Boost.Beast are compiled once here (separate compilation),
// instead of in every translation unit that includes them.
#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
#include <boost/beast/src.hpp>
