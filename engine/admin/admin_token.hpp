#pragma once
// The admin API's bearer token: read from the node's token_file, or generated
// (256 random bits, hex, file mode 0600) when the file does not exist yet.
#include <optional>
#include <string>
#include <string_view>

namespace edgelab {

// Returns nullopt and fills `error` when the file cannot be read or created,
// or holds no token.
std::optional<std::string> load_or_create_admin_token(const std::string& path, std::string& error);
// Reads an existing token file (a controller never creates one).
std::optional<std::string> read_admin_token(const std::string& path, std::string& error);
// 256 random bits from OpenSSL, as 64 hex characters.
std::string generate_admin_token();
// Compares in time that depends only on the expected token's length.
bool token_matches(std::string_view presented, std::string_view expected);

}  // namespace edgelab
