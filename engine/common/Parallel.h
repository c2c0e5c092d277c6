// The one way work is spread over threads: fn(i) for i in [0, n) on up to `threads` threads
// (0 = one per core), the calling thread among them. The first exception stops the handing
// out of new items and is rethrown once every thread has finished.
#pragma once

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace gongwen {

inline unsigned threadsFor(unsigned requested) {
  return std::max(1u, requested ? requested : std::thread::hardware_concurrency());
}

template <typename Fn>
void forEachParallel(size_t n, unsigned threads, Fn fn) {
  threads = static_cast<unsigned>(std::min<size_t>(threadsFor(threads), n));
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::exception_ptr error;
  std::mutex errorMutex;
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) {
      try {
        fn(i);
      } catch (...) {
        std::lock_guard lock(errorMutex);
        if (!error) error = std::current_exception();
        next = n;
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace gongwen
