#include "server/RequestId.h"

#include <cstdio>
#include <random>
#include <string_view>

namespace gongwen::server {

RequestIds::RequestIds() {
  std::random_device random;
  seed_ = (static_cast<uint64_t>(random()) << 32) ^ random();
}

std::string RequestIds::next() {
  // splitmix64 of seed + counter: distinct for every counter value.
  uint64_t z = seed_ + 0x9E3779B97F4A7C15ULL * (++counter_);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(z));
  return text;
}

std::string RequestIds::take(const std::optional<std::string>& fromClient) {
  if (fromClient && saneRequestId(*fromClient)) return *fromClient;
  return next();
}

bool saneRequestId(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (unsigned char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              std::string_view("-_.:@/+=").find(static_cast<char>(c)) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

}  // namespace gongwen::server
