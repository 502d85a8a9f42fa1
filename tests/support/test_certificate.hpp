#pragma once
// A self-signed certificate for 127.0.0.1 and localhost (P-256 key), written
// as PEM files, for tests of the TLS admin listener.
#include <string>

namespace edgelab::test {

struct TestCertificate {
  std::string cert_file;
  std::string key_file;
};

// Writes <directory>/<name>.crt and .key; aborts the test on failure.
TestCertificate make_test_certificate(const std::string& directory, const std::string& name = "admin");

}  // namespace edgelab::test
