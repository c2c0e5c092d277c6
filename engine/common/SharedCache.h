// Values worked out once and shared by threads (a batch's seal image, its fitted texts; the
// server's across requests), by key. Thread-safe. Unbounded by default (a batch's cache dies
// with the batch); with a bound, a full cache starts afresh, as PdfCache does.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace gongwen {

template <typename Value>
class SharedCache {
 public:
  explicit SharedCache(size_t maxEntries = 0) : maxEntries_(maxEntries) {}

  std::shared_ptr<const Value> find(const std::string& key) const {
    std::lock_guard lock(mutex_);
    auto it = values_.find(key);
    return it == values_.end() ? nullptr : it->second;
  }
  void add(const std::string& key, std::shared_ptr<const Value> value) {
    std::lock_guard lock(mutex_);
    if (maxEntries_ != 0 && values_.size() >= maxEntries_) values_.clear();
    values_.emplace(key, std::move(value));
  }

 private:
  size_t maxEntries_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Value>> values_;
};

}  // namespace gongwen
