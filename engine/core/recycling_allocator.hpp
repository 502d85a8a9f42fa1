#pragma once
// A stateless allocator whose blocks are recycled through per-thread free
// lists by power-of-two size class. Beast allocates every parsed request's
// target and header fields through its fields allocator; with this one, a
// keep-alive connection's steady state (the cache-hit path) never reaches
// malloc. Blocks freed on another thread simply join that thread's lists;
// each list is capped, beyond which blocks go back to the heap.
#include <cstddef>
#include <new>

namespace edgelab {

namespace detail {
void* recycling_allocate(std::size_t bytes);
void recycling_deallocate(void* block, std::size_t bytes) noexcept;
}  // namespace detail

template <class T>
struct RecyclingAllocator {
  using value_type = T;

  RecyclingAllocator() noexcept = default;
  template <class U>
  RecyclingAllocator(const RecyclingAllocator<U>&) noexcept {}  // NOLINT(google-explicit-constructor)

  T* allocate(std::size_t n) { return static_cast<T*>(detail::recycling_allocate(n * sizeof(T))); }
  void deallocate(T* p, std::size_t n) noexcept { detail::recycling_deallocate(p, n * sizeof(T)); }

  template <class U>
  bool operator==(const RecyclingAllocator<U>&) const noexcept {
    return true;
  }
  template <class U>
  bool operator!=(const RecyclingAllocator<U>&) const noexcept {
    return false;
  }
};

}  // namespace edgelab
