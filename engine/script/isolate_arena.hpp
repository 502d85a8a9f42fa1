#pragma once
// The small-object heap of one isolate. A Lua state is thousands of small
// blocks (strings, tables, closures, upvalues) that all die with the state;
// through malloc, building and closing a state spent a quarter of a cold start
// in the C library. Here blocks up to kMaxSmall bytes come from one region
// (a bump pointer, then per-size free lists) and larger ones, or any once the
// region is used up, from malloc. The region is the isolate's own: nothing in
// it is shared with another isolate or thread.
//
// The memory limit is not kept here (ScriptBudget counts what Lua asks for);
// footprint_bytes() is what the isolate really holds.
#include <array>
#include <cstddef>
#include <memory>

namespace edgelab {

class IsolateArena {
 public:
  static constexpr std::size_t kGranule = 16;   // every block is 16-aligned, as malloc's are
  static constexpr std::size_t kMaxSmall = 256;
  static constexpr std::size_t kRegionBytes = 32 * 1024;

  IsolateArena();
  ~IsolateArena();
  IsolateArena(const IsolateArena&) = delete;
  IsolateArena& operator=(const IsolateArena&) = delete;

  // lua_Alloc's semantics without the accounting: size 0 frees; old_size is
  // the block's size as it was asked for (Lua always passes it).
  void* reallocate(void* block, std::size_t old_size, std::size_t new_size) noexcept;

  std::size_t footprint_bytes() const { return kRegionBytes + outside_bytes_; }
  std::size_t outside_bytes() const { return outside_bytes_; }

 private:
  struct FreeBlock {
    FreeBlock* next;
  };
  static constexpr std::size_t kClasses = kMaxSmall / kGranule;
  static std::size_t class_of(std::size_t size) { return (size - 1) / kGranule; }
  bool owns(const void* block) const {
    const auto* p = static_cast<const std::byte*>(block);
    return p >= region_.get() && p < region_.get() + kRegionBytes;
  }
  void* allocate(std::size_t size) noexcept;
  void release(void* block, std::size_t size) noexcept;

  struct FreeRegion {
    void operator()(std::byte* region) const noexcept;
  };
  std::unique_ptr<std::byte, FreeRegion> region_;
  std::size_t bumped_ = 0;
  std::array<FreeBlock*, kClasses> free_{};
  std::size_t outside_bytes_ = 0;
};

}  // namespace edgelab
