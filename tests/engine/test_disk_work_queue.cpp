// The disk tier's queues: a lookup runs before stores queued ahead of it, an
// ordered job (purge, erasure) after them; a full store queue drops and
// counts; stores are written in batches; nothing queued is lost at shutdown.
#include "tiers/disk_work_queue.hpp"

#include <QTest>

#include <future>
#include <mutex>

using namespace edgelab;

namespace {

CachedObjectPtr object_named(const std::string& key, std::size_t body_bytes = 10) {
  auto o = std::make_shared<CachedObject>();
  o->key = key;
  o->primary_key = key;
  o->body = std::make_shared<const std::string>(body_bytes, 'x');
  return o;
}

// Records what the worker did, in order; the first batch waits for `release`
// so the test can queue behind a busy disk.
struct Recorder {
  std::mutex mutex;
  std::vector<std::string> events;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::promise<void> first_batch_started;
  bool first = true;

  void note(std::string e) {
    std::lock_guard lock(mutex);
    events.push_back(std::move(e));
  }
  DiskWorkQueue::StoreBatch writer() {
    return [this](const std::vector<CachedObjectPtr>& batch) {
      bool wait = false;
      {
        std::lock_guard lock(mutex);
        wait = std::exchange(first, false);
      }
      if (wait) {
        first_batch_started.set_value();
        released.wait();
      }
      std::string e = "stores:";
      for (const auto& o : batch) e += o->key + ",";
      note(e);
    };
  }
  std::vector<std::string> taken() {
    std::lock_guard lock(mutex);
    return events;
  }
};

}  // namespace

class TestDiskWorkQueue : public QObject {
  Q_OBJECT
 private slots:
  void lookups_go_before_queued_stores_and_ordered_jobs_after();
  void a_full_store_queue_drops_and_counts();
  void a_full_store_queue_drops_by_bytes_too();
  void shutdown_writes_everything_queued();
};

void TestDiskWorkQueue::lookups_go_before_queued_stores_and_ordered_jobs_after() {
  Recorder r;
  std::promise<void> done;
  {
    DiskWorkQueue queue(r.writer(), {.max_queued_stores = 100, .max_queued_store_bytes = 1 << 20, .batch = 2});
    queue.post_store(object_named("a"));
    r.first_batch_started.get_future().wait();  // the disk is busy with "a"
    for (const char* k : {"b", "c", "d"}) QVERIFY(queue.post_store(object_named(k)));
    queue.post([&] { r.note("lookup"); });
    queue.post_ordered([&] { r.note("purge"); });
    queue.post_store(object_named("e"));
    queue.post([&] {
      r.note("lookup2");
      done.set_value();
    });
    r.release.set_value();
    done.get_future().wait();
  }
  // The lookup overtakes b, c, d; the purge waits for them (in batches of
  // two); "e", queued after the purge, comes after it, and the second lookup
  // overtakes it.
  const std::vector<std::string> expected{"stores:a,", "lookup", "stores:b,c,", "stores:d,", "purge", "lookup2",
                                          "stores:e,"};
  const auto taken = r.taken();
  std::string seen;
  for (const auto& e : taken) seen += e + " ";
  QVERIFY2(taken == expected, seen.c_str());
}

void TestDiskWorkQueue::a_full_store_queue_drops_and_counts() {
  Recorder r;
  DiskWorkQueue queue(r.writer(), {.max_queued_stores = 3, .max_queued_store_bytes = 1 << 20, .batch = 8});
  queue.post_store(object_named("busy"));
  r.first_batch_started.get_future().wait();
  int kept = 0;
  for (int i = 0; i < 5; ++i) kept += queue.post_store(object_named("s" + std::to_string(i))) ? 1 : 0;
  QCOMPARE(kept, 3);
  QCOMPARE(queue.stores_dropped(), 2u);
  QCOMPARE(queue.stores_queued(), 3u);
  r.release.set_value();
}

void TestDiskWorkQueue::a_full_store_queue_drops_by_bytes_too() {
  Recorder r;
  const std::uint64_t charge = object_named("x", 100)->charge();
  DiskWorkQueue queue(r.writer(), {.max_queued_stores = 100, .max_queued_store_bytes = 2 * charge + charge / 2});
  queue.post_store(object_named("busy", 100));
  r.first_batch_started.get_future().wait();
  QVERIFY(queue.post_store(object_named("a", 100)));
  QVERIFY(queue.post_store(object_named("b", 100)));
  QVERIFY(!queue.post_store(object_named("c", 100)));
  QCOMPARE(queue.stores_dropped(), 1u);
  r.release.set_value();
}

void TestDiskWorkQueue::shutdown_writes_everything_queued() {
  Recorder r;
  {
    DiskWorkQueue queue(r.writer(), {.max_queued_stores = 100, .max_queued_store_bytes = 1 << 20, .batch = 4});
    queue.post_store(object_named("a"));
    r.first_batch_started.get_future().wait();
    for (int i = 0; i < 9; ++i) queue.post_store(object_named("s" + std::to_string(i)));
    queue.post([&] { r.note("job"); });
    r.release.set_value();
  }
  const auto events = r.taken();
  std::size_t stores = 0;
  for (const auto& e : events)
    if (e.rfind("stores:", 0) == 0) stores += std::size_t(std::count(e.begin(), e.end(), ','));
  QCOMPARE(stores, 10u);
  QVERIFY(std::find(events.begin(), events.end(), "job") != events.end());
}

QTEST_APPLESS_MAIN(TestDiskWorkQueue)
#include "test_disk_work_queue.moc"
