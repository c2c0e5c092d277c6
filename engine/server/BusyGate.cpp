#include "server/BusyGate.h"

namespace gongwen::server {

BusyGate::Verdict BusyGate::admit(const std::string& address) {
  std::lock_guard lock(mutex_);
  if (open_ >= maxConnections_) {
    ++refused_;
    return Verdict::TooMany;
  }
  if (!proxies_.trusts(address)) {
    size_t& n = perClient_[address];
    if (n >= maxPerClient_) {
      if (n == 0) perClient_.erase(address);
      ++refused_;
      return Verdict::TooManyFromClient;
    }
    ++n;
  }
  ++open_;
  return Verdict::Admitted;
}

void BusyGate::release(const std::string& address) {
  std::lock_guard lock(mutex_);
  --open_;
  auto it = perClient_.find(address);
  if (it != perClient_.end() && --it->second == 0) perClient_.erase(it);
}

size_t BusyGate::open() const {
  std::lock_guard lock(mutex_);
  return open_;
}

}  // namespace gongwen::server
