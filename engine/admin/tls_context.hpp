#pragma once
// OpenSSL contexts for the admin API: the listener's (certificate and key
// from files) and the controller's (peer verification against a CA file or
// the system's store). TLS 1.2 at least.
#include "core/node_config.hpp"

#include <boost/asio/ssl/context.hpp>

#include <memory>
#include <string>

namespace edgelab {

// nullptr and `error` naming the file when the certificate or key cannot be used.
std::shared_ptr<boost::asio::ssl::context> make_server_tls(const TlsFiles& files, std::string& error);
// `ca_file` empty: the system's trust store.
std::shared_ptr<boost::asio::ssl::context> make_client_tls(const std::string& ca_file, std::string& error);

}  // namespace edgelab
