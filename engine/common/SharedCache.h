// Values worked out once and shared by the threads of one job (a batch's seal image, its
// fitted texts), by key. Thread-safe; entries live as long as the cache.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace gongwen {

template <typename Value>
class SharedCache {
 public:
  std::shared_ptr<const Value> find(const std::string& key) const {
    std::lock_guard lock(mutex_);
    auto it = values_.find(key);
    return it == values_.end() ? nullptr : it->second;
  }
  void add(const std::string& key, std::shared_ptr<const Value> value) {
    std::lock_guard lock(mutex_);
    values_.emplace(key, std::move(value));
  }

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Value>> values_;
};

}  // namespace gongwen
