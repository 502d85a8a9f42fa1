#include "script/isolate_arena.hpp"

#include <cstdlib>
#include <cstring>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
// A block back on a free list is poisoned, so ASan still sees a use after free inside the region.
#define EDGELAB_POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define EDGELAB_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define EDGELAB_POISON(p, n) ((void)(p), (void)(n))
#define EDGELAB_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

namespace edgelab {

// malloc's blocks are 16-aligned on the platforms we build for (glibc x86-64 and arm64).
IsolateArena::IsolateArena() : region_(static_cast<std::byte*>(std::malloc(kRegionBytes))) {
  if (region_) EDGELAB_POISON(region_.get(), kRegionBytes);
}

IsolateArena::~IsolateArena() = default;

void IsolateArena::FreeRegion::operator()(std::byte* region) const noexcept {
  EDGELAB_UNPOISON(region, kRegionBytes);
  std::free(region);
}

void* IsolateArena::allocate(std::size_t size) noexcept {
  if (size <= kMaxSmall && region_) {
    const std::size_t cls = class_of(size);
    const std::size_t rounded = (cls + 1) * kGranule;
    if (FreeBlock* block = free_[cls]) {
      EDGELAB_UNPOISON(block, rounded);
      free_[cls] = block->next;
      return block;
    }
    if (kRegionBytes - bumped_ >= rounded) {
      void* block = region_.get() + bumped_;
      bumped_ += rounded;
      EDGELAB_UNPOISON(block, rounded);
      return block;
    }
  }
  void* block = std::malloc(size);
  if (block) outside_bytes_ += size;
  return block;
}

void IsolateArena::release(void* block, std::size_t size) noexcept {
  if (owns(block)) {
    const std::size_t cls = class_of(size);
    auto* freed = static_cast<FreeBlock*>(block);
    freed->next = free_[cls];
    free_[cls] = freed;
    EDGELAB_POISON(block, (cls + 1) * kGranule);
    return;
  }
  std::free(block);
  outside_bytes_ -= size;
}

void* IsolateArena::reallocate(void* block, std::size_t old_size, std::size_t new_size) noexcept {
  if (block == nullptr) return new_size == 0 ? nullptr : allocate(new_size);
  if (new_size == 0) {
    release(block, old_size);
    return nullptr;
  }
  if (owns(block)) {
    // Lua shrinks and grows arrays and buffers in place when it can: within a size class that costs nothing.
    if (new_size <= kMaxSmall && class_of(new_size) == class_of(old_size)) return block;
  } else if (new_size > kMaxSmall) {
    void* grown = std::realloc(block, new_size);
    if (grown) outside_bytes_ = outside_bytes_ - old_size + new_size;
    return grown;
  }
  void* moved = allocate(new_size);
  if (!moved) return nullptr;  // Lua keeps the old block when a reallocation fails
  std::memcpy(moved, block, old_size < new_size ? old_size : new_size);
  release(block, old_size);
  return moved;
}

}  // namespace edgelab
