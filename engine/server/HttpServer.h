// The gongwen HTTP service: our own HTTP/1.1 connection handling (ConnectionLoop: one
// thread reads every connection until its request is complete, connection threads
// answer) in front of a bounded pool of render workers sharing one Engine (fonts and
// layouts loaded once). Stateless: any number of instances can stand behind a load
// balancer.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "render/Engine.h"
#include "server/ServerSettings.h"

namespace Poco::Net {
class ServerSocket;
}

namespace gongwen::server {

struct ServerContext;
class ConnectionLoop;
class WorkerPool;

class HttpServer {
 public:
  // Binds the socket (throws Poco::Net::NetException when it cannot) but does not accept
  // connections until start(). Throws std::invalid_argument for a bad trusted proxy.
  HttpServer(std::shared_ptr<const Engine> engine, ServerSettings settings);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  void start();
  // Stops accepting, closes the connections without a complete request, lets every
  // request in flight finish and be answered, then returns.
  void stop();
  // The same within `bound`: false when requests were still being answered then (their
  // threads go on; the process should exit).
  bool stop(std::chrono::milliseconds bound);

  unsigned port() const { return port_; }
  std::string url() const;
  const std::string& instance() const;
  unsigned workers() const;
  // Complete requests waiting for a connection thread.
  size_t queuedRequests() const;
  // The render workers, for tests that need them busy (a job that waits on a latch).
  WorkerPool& pool();

 private:
  std::unique_ptr<ServerContext> context_;
  std::unique_ptr<Poco::Net::ServerSocket> socket_;
  std::unique_ptr<ConnectionLoop> loop_;
  unsigned port_ = 0;
  bool running_ = false;
};

}  // namespace gongwen::server
