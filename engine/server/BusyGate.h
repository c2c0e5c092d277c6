// Poco's TCPServer silently drops a connection when its queue of accepted connections is
// full. This filter runs first, in the accepting thread: when the queue is full it
// answers 503 with Retry-After itself and closes, so a client always gets an answer.
#pragma once

#include <Poco/Net/TCPServer.h>

#include <atomic>
#include <string>

namespace gongwen::server {

class BusyGate : public Poco::Net::TCPServerConnectionFilter {
 public:
  BusyGate(int maxQueued, std::string instance)
      : maxQueued_(maxQueued), instance_(std::move(instance)) {}

  // The server whose queue is watched (set once it exists; it outlives the gate's use).
  void watch(const Poco::Net::TCPServer* server) { server_ = server; }
  bool accept(const Poco::Net::StreamSocket& socket) override;
  uint64_t refused() const { return refused_; }

 private:
  int maxQueued_;
  std::string instance_;
  std::atomic<const Poco::Net::TCPServer*> server_{nullptr};
  std::atomic<uint64_t> refused_{0};
};

}  // namespace gongwen::server
