// Who may hold a connection: at most `maxConnections` open at once and at most
// `maxPerClient` from one address (trusted proxies are not counted per client: they
// carry many clients). A connection over a limit is answered and closed at once, so one
// client cannot take every connection from the others.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "server/ClientAddress.h"

namespace gongwen::server {

class BusyGate {
 public:
  BusyGate(size_t maxConnections, size_t maxPerClient, TrustedProxies proxies)
      : maxConnections_(maxConnections),
        maxPerClient_(maxPerClient),
        proxies_(std::move(proxies)) {}
  BusyGate(const BusyGate&) = delete;
  BusyGate& operator=(const BusyGate&) = delete;

  enum class Verdict { Admitted, TooMany, TooManyFromClient };
  // Counts a new connection from `address` when a limit allows it.
  Verdict admit(const std::string& address);
  // The connection admitted from `address` is closed.
  void release(const std::string& address);
  // A request answered 503 because every connection thread was busy and the queue full.
  void refusedBusy() { ++refused_; }

  size_t open() const;
  const TrustedProxies& proxies() const { return proxies_; }
  uint64_t refused() const { return refused_; }

 private:
  size_t maxConnections_, maxPerClient_;
  TrustedProxies proxies_;
  mutable std::mutex mutex_;
  size_t open_ = 0;
  std::map<std::string, size_t> perClient_;
  std::atomic<uint64_t> refused_{0};
};

}  // namespace gongwen::server
