// X-Request-Id: the client's own when it sent a sane one (1–64 characters of letters,
// digits and -_.:@/+=), else a new one: 16 hex digits, unique within this process and
// unpredictable across processes.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

namespace gongwen::server {

class RequestIds {
 public:
  RequestIds();
  std::string next();
  // The client's id when sane, else a new one.
  std::string take(const std::optional<std::string>& fromClient);

 private:
  uint64_t seed_;
  std::atomic<uint64_t> counter_{0};
};

bool saneRequestId(const std::string& id);

}  // namespace gongwen::server
