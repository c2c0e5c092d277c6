// The gongwen HTTP service: a Poco HTTPServer in front of a bounded pool of render
// workers, sharing one Engine (fonts and layouts loaded once). Stateless: any number of
// instances can stand behind a load balancer.
#pragma once

#include <Poco/AutoPtr.h>
#include <Poco/ThreadPool.h>

#include <memory>
#include <string>

#include "render/Engine.h"
#include "server/ServerSettings.h"

namespace Poco::Net {
class HTTPServer;
}

namespace gongwen::server {

struct ServerContext;
class BusyGate;
class WorkerPool;

class HttpServer {
 public:
  // Binds the socket (throws Poco::Net::NetException when it cannot) but does not accept
  // connections until start().
  HttpServer(std::shared_ptr<const Engine> engine, ServerSettings settings);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  void start();
  // Stops accepting, lets every request in flight finish and be answered, then returns.
  void stop();

  unsigned port() const { return port_; }
  std::string url() const;
  const std::string& instance() const;
  unsigned workers() const;
  // The render workers, for tests that need them busy (a job that waits on a latch).
  WorkerPool& pool();

 private:
  std::unique_ptr<ServerContext> context_;
  std::unique_ptr<Poco::ThreadPool> connectionThreads_;
  std::unique_ptr<Poco::Net::HTTPServer> http_;
  Poco::AutoPtr<BusyGate> gate_;
  unsigned port_ = 0;
  bool running_ = false;
};

}  // namespace gongwen::server
