#include "server/HttpServer.h"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>

#include "server/ConnectionLoop.h"
#include "server/ServerContext.h"

namespace gongwen::server {
namespace {

std::string hostName() {
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0) return "gongwen";
  return name;
}

// Raises the soft limit on open files towards the hard one, so that `maxConnections`
// can be held; returns how many connections fit (64 descriptors kept for the rest).
size_t connectionsThatFit(size_t wanted) {
  rlimit files{};
  if (::getrlimit(RLIMIT_NOFILE, &files) != 0) return wanted;
  rlim_t need = static_cast<rlim_t>(wanted) + 64;
  if (files.rlim_cur != RLIM_INFINITY && files.rlim_cur < need) {
    rlimit raised = files;
    raised.rlim_cur = files.rlim_max == RLIM_INFINITY ? need : std::min(need, files.rlim_max);
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) files = raised;
  }
  if (files.rlim_cur == RLIM_INFINITY || files.rlim_cur >= need) return wanted;
  return files.rlim_cur > 128 ? static_cast<size_t>(files.rlim_cur) - 64 : 64;
}

}  // namespace

HttpServer::HttpServer(std::shared_ptr<const Engine> engine, ServerSettings settings)
    : context_(std::make_unique<ServerContext>(std::move(engine), std::move(settings))) {
  ServerSettings& s = context_->settings;
  s.connections.maxConnections = connectionsThatFit(s.connections.maxConnections);
  socket_ = std::make_unique<Poco::Net::ServerSocket>();
  // SO_REUSEADDR for quick restarts, never SO_REUSEPORT: a second server on a busy port
  // must fail, not share it.
  socket_->bind(Poco::Net::SocketAddress(s.bind, static_cast<Poco::UInt16>(s.port)), true, false);
  socket_->listen(256);
  socket_->setBlocking(false);
  port_ = socket_->address().port();
  if (context_->instance.empty()) context_->instance = hostName() + ":" + std::to_string(port_);

  // A connection thread per request being answered or waiting for its render, plus a
  // few for health checks, metrics and the web page. Requests still being read hold none.
  unsigned threads =
      s.connectionThreads > 0
          ? s.connectionThreads
          : context_->pool.workers() + static_cast<unsigned>(context_->pool.queueCapacity()) + 16;
  Poco::Net::ServerSocket* socket = socket_.get();
  loop_ = std::make_unique<ConnectionLoop>(
      *context_, socket_->impl()->sockfd(), [socket] { socket->close(); }, threads,
      std::max<size_t>(1, s.connectionQueue));

  ServerContext* context = context_.get();
  const ConnectionLoop* loop = loop_.get();
  context_->gauges = [context, loop] {
    Gauges g;
    g.queueLength = context->pool.queued();
    g.queueCapacity = context->pool.queueCapacity();
    g.workersBusy = context->pool.busy();
    g.workers = context->pool.workers();
    g.connectionsQueued = static_cast<int>(loop->queued());
    g.connectionThreads = static_cast<int>(loop->threads());
    g.connectionsRefused = loop->gate().refused();
    g.connectionsOpen = loop->gate().open();
    return g;
  };
}

HttpServer::~HttpServer() { stop(); }

void HttpServer::start() {
  if (running_) return;
  loop_->start();
  running_ = true;
}

void HttpServer::stop() { stop(std::chrono::hours(24 * 365)); }

bool HttpServer::stop(std::chrono::milliseconds bound) {
  if (!running_) return true;
  running_ = false;
  return loop_->drain(bound);
}

std::string HttpServer::url() const {
  std::string host = context_->settings.bind;
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(port_);
}

const std::string& HttpServer::instance() const { return context_->instance; }
unsigned HttpServer::workers() const { return context_->pool.workers(); }
size_t HttpServer::queuedRequests() const { return loop_->queued(); }
WorkerPool& HttpServer::pool() { return context_->pool; }

}  // namespace gongwen::server
