// The time limit of one request's rendering, counted from when a worker takes it.
#pragma once

#include <chrono>

namespace gongwen::server {

class Deadline {
 public:
  explicit Deadline(std::chrono::milliseconds limit)
      : limit_(limit), end_(std::chrono::steady_clock::now() + limit) {}
  bool passed() const { return std::chrono::steady_clock::now() > end_; }
  // Throws ApiError 422 "time limit exceeded" once the time is up.
  void check() const;
  std::chrono::milliseconds limit() const { return limit_; }
  std::chrono::steady_clock::time_point end() const { return end_; }

 private:
  std::chrono::milliseconds limit_;
  std::chrono::steady_clock::time_point end_;
};

}  // namespace gongwen::server
