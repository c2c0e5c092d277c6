// A fixed number of render threads and a bounded queue in front of them. A job that
// finds the queue full is refused at once (the server answers 503 with Retry-After),
// so a burst never grows memory or latency without bound.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace gongwen::server {

class WorkerPool {
 public:
  WorkerPool(unsigned workers, size_t queueCapacity);
  // Finishes the jobs already queued, then joins the threads.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `job` (it must not throw); false when every worker is busy and
  // `queueCapacity` jobs already wait.
  bool trySubmit(std::function<void()> job);

  unsigned workers() const { return static_cast<unsigned>(threads_.size()); }
  size_t queueCapacity() const { return capacity_; }
  size_t queued() const;  // waiting for a worker
  unsigned busy() const;  // running now

 private:
  void run();

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  size_t capacity_;
  unsigned busy_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace gongwen::server
