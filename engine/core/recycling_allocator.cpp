#include "core/recycling_allocator.hpp"

#include <array>
#include <bit>
#include <vector>

namespace edgelab::detail {
namespace {

constexpr std::size_t kMinClass = 16;
constexpr std::size_t kMaxClass = 4096;
constexpr std::size_t kClasses = 9;  // 16, 32, ..., 4096
constexpr std::size_t kMaxFreePerClass = 512;

std::size_t class_of(std::size_t bytes) {
  const std::size_t rounded = std::bit_ceil(bytes < kMinClass ? kMinClass : bytes);
  return static_cast<std::size_t>(std::countr_zero(rounded) - std::countr_zero(kMinClass));
}

struct FreeLists {
  std::array<std::vector<void*>, kClasses> lists;
  ~FreeLists() {
    for (auto& list : lists)
      for (void* block : list) ::operator delete(block);
  }
};

FreeLists& free_lists() {
  thread_local FreeLists lists;
  return lists;
}

}  // namespace

void* recycling_allocate(std::size_t bytes) {
  if (bytes > kMaxClass) return ::operator new(bytes);
  const std::size_t c = class_of(bytes);
  auto& list = free_lists().lists[c];
  if (!list.empty()) {
    void* block = list.back();
    list.pop_back();
    return block;
  }
  return ::operator new(kMinClass << c);
}

void recycling_deallocate(void* block, std::size_t bytes) noexcept {
  if (!block) return;
  if (bytes > kMaxClass) return ::operator delete(block);
  auto& list = free_lists().lists[class_of(bytes)];
  if (list.size() >= kMaxFreePerClass || list.capacity() == 0) {
    // A list with no capacity yet would allocate inside deallocate: reserve once.
    if (list.capacity() == 0) {
      try {
        list.reserve(kMaxFreePerClass);
      } catch (const std::bad_alloc&) {
        return ::operator delete(block);
      }
    } else {
      return ::operator delete(block);
    }
  }
  list.push_back(block);
}

}  // namespace edgelab::detail
