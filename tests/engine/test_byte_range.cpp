// parse_byte_range and partial_header_block: RFC 9110 14.1.2's forms, and what is ignored.
#include "cache/byte_range.hpp"

#include <QTest>

using namespace edgelab;

class TestByteRange : public QObject {
  Q_OBJECT
 private slots:
  void ranges_data();
  void ranges();
  void header_block_becomes_the_206s_and_416s();
};

void TestByteRange::ranges_data() {
  QTest::addColumn<QString>("value");
  QTest::addColumn<int>("kind");  // 0 whole, 1 single, 2 unsatisfiable
  QTest::addColumn<qulonglong>("first");
  QTest::addColumn<qulonglong>("last");
  const int whole = 0, single = 1, unsatisfiable = 2;
  // On a 100-byte representation.
  QTest::newRow("first-last") << "bytes=0-9" << single << 0ull << 9ull;
  QTest::newRow("open-ended") << "bytes=5-" << single << 5ull << 99ull;
  QTest::newRow("suffix") << "bytes=-5" << single << 95ull << 99ull;
  QTest::newRow("suffix longer than all") << "bytes=-500" << single << 0ull << 99ull;
  QTest::newRow("last past the end") << "bytes=90-1000" << single << 90ull << 99ull;
  QTest::newRow("unit case, spaces") << "Bytes= 10-19 " << single << 10ull << 19ull;
  QTest::newRow("empty elements") << "bytes=,10-19," << single << 10ull << 19ull;
  QTest::newRow("one of two satisfiable") << "bytes=500-600,10-19" << single << 10ull << 19ull;
  QTest::newRow("several") << "bytes=0-1,5-6" << whole << 0ull << 0ull;
  QTest::newRow("first past the end") << "bytes=100-" << unsatisfiable << 0ull << 0ull;
  QTest::newRow("zero suffix") << "bytes=-0" << unsatisfiable << 0ull << 0ull;
  QTest::newRow("last before first") << "bytes=9-5" << whole << 0ull << 0ull;
  QTest::newRow("other unit") << "items=0-5" << whole << 0ull << 0ull;
  QTest::newRow("no dash") << "bytes=5" << whole << 0ull << 0ull;
  QTest::newRow("signs") << "bytes=+1-5" << whole << 0ull << 0ull;
  QTest::newRow("letters") << "bytes=a-b" << whole << 0ull << 0ull;
  QTest::newRow("bare dash") << "bytes=-" << whole << 0ull << 0ull;
  QTest::newRow("overflow") << "bytes=99999999999999999999999-" << whole << 0ull << 0ull;
  QTest::newRow("nothing") << "bytes=" << whole << 0ull << 0ull;
  QTest::newRow("too many") << "bytes=" + QString("1-1,").repeated(70) << whole << 0ull << 0ull;
}

void TestByteRange::ranges() {
  QFETCH(QString, value);
  QFETCH(int, kind);
  QFETCH(qulonglong, first);
  QFETCH(qulonglong, last);
  const ByteRange r = parse_byte_range(value.toStdString(), 100);
  QCOMPARE(int(r.kind), kind);
  if (r.kind == ByteRange::Kind::single) {
    QCOMPARE(qulonglong(r.first), first);
    QCOMPARE(qulonglong(r.last), last);
  }
}

void TestByteRange::header_block_becomes_the_206s_and_416s() {
  const std::string block = "HTTP/1.1 200 OK\r\nETag: \"a\"\r\nContent-Type: video/mp4\r\nContent-Length: 100\r\n";
  QCOMPARE(partial_header_block(block, {ByteRange::Kind::single, 10, 19}, 100),
           std::string("HTTP/1.1 206 Partial Content\r\nETag: \"a\"\r\nContent-Type: video/mp4\r\n"
                       "Content-Range: bytes 10-19/100\r\nContent-Length: 10\r\n"));
  QCOMPARE(partial_header_block(block, {ByteRange::Kind::unsatisfiable}, 100),
           std::string("HTTP/1.1 416 Range Not Satisfiable\r\nETag: \"a\"\r\nContent-Type: video/mp4\r\n"
                       "Content-Range: bytes */100\r\nContent-Length: 0\r\n"));
}

QTEST_APPLESS_MAIN(TestByteRange)
#include "test_byte_range.moc"
