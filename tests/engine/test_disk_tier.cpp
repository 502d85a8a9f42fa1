// L2: persistence across a reopen, corruption and truncation, byte bound.
#include "tiers/disk_tier.hpp"

#include <QTemporaryDir>
#include <QTest>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <filesystem>
#include <fstream>

using namespace edgelab;

namespace {

CachedObjectPtr make_object(const std::string& key, const std::string& body) {
  auto o = std::make_shared<CachedObject>();
  o->key = key;
  o->primary_key = key;
  o->status = 200;
  o->headers = {{"Content-Type", "text/plain"}, {"ETag", "\"1\""}};
  o->etag = "\"1\"";
  o->tags = {"t1", "t2"};
  o->lifetime = 300;
  o->response_time = 1'790'000'000;
  o->body = std::make_shared<const std::string>(body);
  serialize_header_block(*o);
  return o;
}

CachedObjectPtr lookup(DiskTier& tier, const std::string& key) {
  net::io_context ioc;
  auto work = net::make_work_guard(ioc);  // the answer is posted from the disk thread
  CachedObjectPtr found;
  bool done = false;
  tier.async_lookup(
      key, [](const std::vector<std::string>&, std::string&) {}, ioc.get_executor(),
      [&](CachedObjectPtr o) {
        found = std::move(o);
        done = true;
      });
  for (int i = 0; i < 50 && !done; ++i) ioc.run_one_for(std::chrono::milliseconds(100));
  // The disk thread may still be inside its post to `ioc` (signalling it)
  // when the answer has already run here: the next job on that thread starts
  // only once the post has returned, so wait for one before `ioc` goes.
  tier.flush();
  return found;
}

std::vector<std::filesystem::path> body_files(const QString& dir) {
  std::vector<std::filesystem::path> out;
  for (auto& e : std::filesystem::recursive_directory_iterator(dir.toStdString() + "/bodies"))
    if (e.is_regular_file()) out.push_back(e.path());
  return out;
}

}  // namespace

class TestDiskTier : public QObject {
  Q_OBJECT
 private slots:
  void survives_reopen();
  void corrupted_body_is_a_miss_and_removed();
  void truncated_body_is_a_miss();
  void missing_body_file_is_a_miss();
  void stays_within_byte_bound();
  void erase_all_variants();
  void unwritable_directory_is_a_clear_error();
};

void TestDiskTier::survives_reopen() {
  QTemporaryDir dir;
  DiskTierConfig config{dir.path().toStdString(), 1 << 20};
  std::string error;
  {
    auto tier = DiskTier::open(config, error);
    QVERIFY2(tier, error.c_str());
    tier->async_store(make_object("h/a", "hello disk"));
    tier->flush();
  }
  auto tier = DiskTier::open(config, error);
  QVERIFY(tier);
  QCOMPARE(tier->stats().objects, 1u);
  auto o = lookup(*tier, "h/a");
  QVERIFY(o);
  QCOMPARE(*o->body, std::string("hello disk"));
  QCOMPARE(o->tags, (std::vector<std::string>{"t1", "t2"}));
  QCOMPARE(o->lifetime, 300);
  QVERIFY(o->header_block.find("Content-Type: text/plain") != std::string::npos);
}

void TestDiskTier::corrupted_body_is_a_miss_and_removed() {
  QTemporaryDir dir;
  std::string error;
  auto tier = DiskTier::open({dir.path().toStdString(), 1 << 20}, error);
  tier->async_store(make_object("h/c", std::string(1000, 'a')));
  tier->flush();
  auto files = body_files(dir.path());
  QCOMPARE(files.size(), 1u);
  {
    std::fstream f(files[0], std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(500);
    f.put('Z');
  }
  QVERIFY(!lookup(*tier, "h/c"));
  QCOMPARE(tier->stats().corrupt, 1u);
  QCOMPARE(tier->stats().objects, 0u);
  QVERIFY(body_files(dir.path()).empty());
}

void TestDiskTier::truncated_body_is_a_miss() {
  QTemporaryDir dir;
  std::string error;
  auto tier = DiskTier::open({dir.path().toStdString(), 1 << 20}, error);
  tier->async_store(make_object("h/t", std::string(1000, 'a')));
  tier->flush();
  std::filesystem::resize_file(body_files(dir.path())[0], 10);
  QVERIFY(!lookup(*tier, "h/t"));
  QCOMPARE(tier->stats().corrupt, 1u);
}

void TestDiskTier::missing_body_file_is_a_miss() {
  QTemporaryDir dir;
  std::string error;
  auto tier = DiskTier::open({dir.path().toStdString(), 1 << 20}, error);
  tier->async_store(make_object("h/m", "body"));
  tier->flush();
  std::filesystem::remove(body_files(dir.path())[0]);
  QVERIFY(!lookup(*tier, "h/m"));
}

void TestDiskTier::stays_within_byte_bound() {
  QTemporaryDir dir;
  std::string error;
  auto tier = DiskTier::open({dir.path().toStdString(), 64 * 1024}, error);
  for (int i = 0; i < 100; ++i) tier->async_store(make_object("h/" + std::to_string(i), std::string(4096, 'b')));
  tier->flush();
  QVERIFY(tier->stats().bytes <= 64 * 1024);
  QVERIFY(tier->stats().evictions > 0);
  QVERIFY(lookup(*tier, "h/99"));  // the newest survives
  QVERIFY(!lookup(*tier, "h/0"));
}

void TestDiskTier::erase_all_variants() {
  QTemporaryDir dir;
  std::string error;
  auto tier = DiskTier::open({dir.path().toStdString(), 1 << 20}, error);
  auto a =
      std::make_shared<CachedObject>(*make_object("p\x1f"
                                                  "x=1",
                                                  "one"));
  a->primary_key = "p";
  a->vary_names = {"x"};
  auto b =
      std::make_shared<CachedObject>(*make_object("p\x1f"
                                                  "x=2",
                                                  "two"));
  b->primary_key = "p";
  b->vary_names = {"x"};
  tier->async_store(a);
  tier->async_store(b);
  tier->async_erase_all_variants("p");
  tier->flush();
  QCOMPARE(tier->stats().objects, 0u);
}

void TestDiskTier::unwritable_directory_is_a_clear_error() {
  std::string error;
  auto tier = DiskTier::open({"/proc/edgelab-cannot-exist", 1 << 20}, error);
  QVERIFY(!tier);
  QVERIFY(!error.empty());
}

QTEST_APPLESS_MAIN(TestDiskTier)
#include "test_disk_tier.moc"
