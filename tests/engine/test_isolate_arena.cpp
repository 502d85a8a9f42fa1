// IsolateArena: the small-object heap under every Lua state.
#include "script/isolate_arena.hpp"
#include "script/script_isolate.hpp"

#include <QtTest>

#include <cstring>
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#endif
#include <vector>

using namespace edgelab;

class TestIsolateArena : public QObject {
  Q_OBJECT
 private slots:
  void small_blocks_come_from_the_region_and_are_reused();
  void a_block_keeps_its_bytes_across_every_kind_of_resize();
  void a_full_region_spills_to_malloc();
  void an_isolate_holds_what_it_reports();
};

void TestIsolateArena::small_blocks_come_from_the_region_and_are_reused() {
  IsolateArena arena;
  void* a = arena.reallocate(nullptr, 0, 24);
  void* b = arena.reallocate(nullptr, 0, 24);
  QVERIFY(a && b && a != b);
  QCOMPARE(reinterpret_cast<std::uintptr_t>(a) % IsolateArena::kGranule, 0u);
  QCOMPARE(arena.outside_bytes(), 0u);
  QCOMPARE(arena.reallocate(a, 24, 0), nullptr);
#if defined(__SANITIZE_ADDRESS__)
  // A freed block is poisoned until it is handed out again: ASan sees a use after free inside the region.
  QVERIFY(__asan_address_is_poisoned(static_cast<char*>(a) + 8));
  QVERIFY(!__asan_address_is_poisoned(b));
#endif
  QCOMPARE(arena.reallocate(nullptr, 0, 30), a);  // the same size class, from its free list
  arena.reallocate(a, 30, 0);
  arena.reallocate(b, 24, 0);
}

void TestIsolateArena::a_block_keeps_its_bytes_across_every_kind_of_resize() {
  IsolateArena arena;
  std::vector<char> expected(40);
  for (std::size_t i = 0; i < expected.size(); ++i) expected[i] = char('a' + i % 26);
  auto* block = static_cast<char*>(arena.reallocate(nullptr, 0, 40));
  std::memcpy(block, expected.data(), 40);
  // Within a class: in place. Across classes, into malloc and back: copied.
  QCOMPARE(arena.reallocate(block, 40, 48), block);
  std::size_t size = 48;
  for (std::size_t next : {std::size_t{200}, std::size_t{4000}, std::size_t{9000}, std::size_t{100}, std::size_t{40}}) {
    block = static_cast<char*>(arena.reallocate(block, size, next));
    size = next;
    QVERIFY(block);
    QVERIFY(std::memcmp(block, expected.data(), 40) == 0);
  }
  QCOMPARE(arena.outside_bytes(), 0u);
  arena.reallocate(block, 40, 0);
}

void TestIsolateArena::a_full_region_spills_to_malloc() {
  IsolateArena arena;
  std::vector<void*> blocks;
  for (std::size_t i = 0; i < IsolateArena::kRegionBytes / 256 + 10; ++i) blocks.push_back(arena.reallocate(nullptr, 0, 256));
  QCOMPARE(arena.outside_bytes(), 10u * 256);
  QCOMPARE(arena.footprint_bytes(), IsolateArena::kRegionBytes + 10u * 256);
  for (void* block : blocks) arena.reallocate(block, 256, 0);
  QCOMPARE(arena.outside_bytes(), 0u);
}

void TestIsolateArena::an_isolate_holds_what_it_reports() {
  ScriptLimits limits;
  limits.cpu_us = 2'000'000;  // the fill takes longer than a request's 10 ms under the sanitizers
  ScriptIsolate isolate(limits);
  QVERIFY(isolate.load("t = {} for i = 1, 5000 do t[i] = ('x'):rep(i % 300) end", "fill.lua").ok());
  QVERIFY(isolate.memory_bytes_in_use() > IsolateArena::kRegionBytes);
  QVERIFY(isolate.memory_footprint_bytes() >= isolate.memory_bytes_in_use());
}

QTEST_APPLESS_MAIN(TestIsolateArena)
#include "test_isolate_arena.moc"
