#include "server/HttpServer.h"

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <unistd.h>

#include <algorithm>

#include "server/BusyGate.h"
#include "server/RequestHandler.h"
#include "server/ServerContext.h"

namespace gongwen::server {
namespace {

std::string hostName() {
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0) return "gongwen";
  return name;
}

}  // namespace

HttpServer::HttpServer(std::shared_ptr<const Engine> engine, ServerSettings settings)
    : context_(std::make_unique<ServerContext>(std::move(engine), std::move(settings))) {
  const ServerSettings& s = context_->settings;
  Poco::Net::ServerSocket socket;
  // SO_REUSEADDR for quick restarts, never SO_REUSEPORT: a second server on a busy port
  // must fail, not share it.
  socket.bind(Poco::Net::SocketAddress(s.bind, static_cast<Poco::UInt16>(s.port)), true, false);
  socket.listen(256);
  port_ = socket.address().port();
  if (context_->instance.empty()) context_->instance = hostName() + ":" + std::to_string(port_);

  // A connection thread per request being read, rendered or waiting in the render
  // queue, plus a few for health checks, metrics and the web page.
  int threads = static_cast<int>(s.connectionThreads > 0 ? s.connectionThreads
                                                         : context_->pool.workers() +
                                                               context_->pool.queueCapacity() + 16);
  int connectionQueue = static_cast<int>(std::max(1u, s.connectionQueue));
  connectionThreads_ = std::make_unique<Poco::ThreadPool>(std::min(2, threads), threads, 60);
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(threads);
  params->setMaxQueued(connectionQueue);
  params->setKeepAlive(true);
  params->setKeepAliveTimeout(Poco::Timespan(5, 0));
  params->setTimeout(Poco::Timespan(30, 0));
  params->setSoftwareVersion(std::string("gongwen/") + GONGWEN_VERSION);

  http_ = std::make_unique<Poco::Net::HTTPServer>(new RequestHandlerFactory(*context_),
                                                  *connectionThreads_, socket, params);
  gate_ = new BusyGate(connectionQueue, context_->instance);
  gate_->watch(http_.get());
  http_->setConnectionFilter(gate_);

  ServerContext* context = context_.get();
  const Poco::Net::HTTPServer* http = http_.get();
  const BusyGate* gate = gate_.get();
  context_->gauges = [context, http, gate] {
    Gauges g;
    g.queueLength = context->pool.queued();
    g.queueCapacity = context->pool.queueCapacity();
    g.workersBusy = context->pool.busy();
    g.workers = context->pool.workers();
    g.connectionsQueued = http->queuedConnections();
    g.connectionThreads = http->currentThreads();
    g.connectionsRefused = gate->refused();
    return g;
  };
}

HttpServer::~HttpServer() { stop(); }

void HttpServer::start() {
  if (running_) return;
  http_->start();
  running_ = true;
}

void HttpServer::stop() {
  if (!running_) return;
  running_ = false;
  // Closes the listening socket, then waits for each connection's request in flight to
  // be answered before closing it.
  http_->stopAll(false);
  connectionThreads_->joinAll();
}

std::string HttpServer::url() const {
  std::string host = context_->settings.bind;
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(port_);
}

const std::string& HttpServer::instance() const { return context_->instance; }
unsigned HttpServer::workers() const { return context_->pool.workers(); }
WorkerPool& HttpServer::pool() { return context_->pool; }

}  // namespace gongwen::server
