// Boost.URL's sources, compiled once into the engine (Debian ships its headers
// but no library).
#include <boost/url/src.hpp>
