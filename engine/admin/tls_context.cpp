#include "admin/tls_context.hpp"

namespace edgelab {
namespace ssl = boost::asio::ssl;

std::shared_ptr<ssl::context> make_server_tls(const TlsFiles& files, std::string& error) {
  auto ctx = std::make_shared<ssl::context>(ssl::context::tls_server);
  ctx->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                   ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
  boost::system::error_code ec;
  ctx->use_certificate_chain_file(files.cert_file, ec);
  if (ec) {
    error = "cert_file \"" + files.cert_file + "\": " + ec.message();
    return nullptr;
  }
  ctx->use_private_key_file(files.key_file, ssl::context::pem, ec);
  if (ec) {
    error = "key_file \"" + files.key_file + "\": " + ec.message() + " (does it belong to cert_file?)";
    return nullptr;
  }
  if (SSL_CTX_check_private_key(ctx->native_handle()) != 1) {
    error = "key_file \"" + files.key_file + "\" does not match cert_file \"" + files.cert_file + "\"";
    return nullptr;
  }
  return ctx;
}

std::shared_ptr<ssl::context> make_client_tls(const std::string& ca_file, std::string& error) {
  auto ctx = std::make_shared<ssl::context>(ssl::context::tls_client);
  ctx->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                   ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
  ctx->set_verify_mode(ssl::verify_peer);
  boost::system::error_code ec;
  if (ca_file.empty())
    ctx->set_default_verify_paths(ec);
  else
    ctx->load_verify_file(ca_file, ec);
  if (ec) {
    error = (ca_file.empty() ? std::string("system trust store") : "ca_file \"" + ca_file + "\"") + ": " + ec.message();
    return nullptr;
  }
  return ctx;
}

}  // namespace edgelab
