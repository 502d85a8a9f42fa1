#include "admin/admin_token.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <fcntl.h>
#include <unistd.h>
#include <array>
#include <fstream>
#include <sstream>

namespace edgelab {

std::string generate_admin_token() {
  std::array<unsigned char, 32> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) return {};
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string token;
  for (unsigned char b : bytes) {
    token.push_back(kDigits[b >> 4]);
    token.push_back(kDigits[b & 15]);
  }
  return token;
}

std::optional<std::string> read_admin_token(const std::string& path, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = "cannot read token file \"" + path + "\"";
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  const std::string content = text.str();
  const auto end = content.find_last_not_of("\r\n ");
  std::optional<std::string> token;
  if (end != std::string::npos) token.emplace(content, 0, end + 1);
  if (!token || token->size() < 16) {
    error = "token file \"" + path + "\" holds no token of at least 16 characters";
    return std::nullopt;
  }
  return token;
}

std::optional<std::string> load_or_create_admin_token(const std::string& path, std::string& error) {
  if (std::ifstream in(path); in) return read_admin_token(path, error);
  std::string token = generate_admin_token();
  if (token.empty()) {
    error = "cannot generate a random admin token";
    return std::nullopt;
  }
  // O_EXCL: never overwrite a token another process has just written.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    error = "cannot create token file \"" + path + "\"";
    return std::nullopt;
  }
  std::string line;
  line.reserve(token.size() + 1);
  line.append(token).push_back('\n');
  const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  ::close(fd);
  if (!written) {
    error = "cannot write token file \"" + path + "\"";
    return std::nullopt;
  }
  return token;
}

bool token_matches(std::string_view presented, std::string_view expected) {
  if (presented.size() != expected.size() || expected.empty()) return false;
  return CRYPTO_memcmp(presented.data(), expected.data(), expected.size()) == 0;
}

}  // namespace edgelab
