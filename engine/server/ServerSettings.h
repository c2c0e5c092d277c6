// What `gongwen serve` is told at start: where it listens, how many documents it renders
// at once, and the limits every request is held to.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace gongwen::server {

struct Limits {
  size_t maxBodyBytes = 10 * 1024 * 1024;       // request body (413 above it)
  size_t maxRecords = 5000;                     // records in one batch (413 above it)
  size_t maxPages = 500;                        // pages of one document (422 above it)
  std::chrono::milliseconds timeLimit{30'000};  // rendering time of one request (422 above it)
};

// How long and how slowly a client may take, and how many connections it may hold. A
// connection is read by one thread that waits on all of them; it reaches a connection
// thread only with a complete request, so slow or idle clients hold no thread.
struct ConnectionLimits {
  std::chrono::milliseconds headTimeout{10'000};      // a whole request head (408 after)
  std::chrono::milliseconds keepAliveTimeout{5'000};  // idle between two requests
  std::chrono::milliseconds bodyGrace{10'000};        // a body's start before its rate counts
  size_t minBodyRate = 8 * 1024;                      // bytes/s a body must average (408)
  size_t minSendRate = 64 * 1024;                     // bytes/s an answer must be read at
  size_t maxConnections = 1024;                       // open at once (503 above)
  size_t maxPerClient = 64;                           // from one address (429 above)
  std::string trustedProxies;                         // "10.0.0.1,192.168.0.0/16"
  std::chrono::milliseconds drainTimeout{30'000};     // SIGTERM: requests in flight
};

struct ServerSettings {
  std::string bind = "127.0.0.1";  // loopback unless told otherwise
  unsigned port = 8080;            // 0 = any free port (tests)
  unsigned workers = 0;            // documents rendered at once; 0 = one per core
  size_t queue = 64;               // requests waiting for a worker before 503
  std::string token;               // "" = no authentication; else the Bearer token of /v1/
  std::string instance;            // names this instance in X-Gongwen-Instance ("" = host:port)
  std::string webDir;              // the web page's files ("" = none)
  bool accessLog = true;           // a line per request on stderr
  // Connection threads that answer complete requests and wait for their render (0 =
  // workers + queue + 16), and complete requests that may wait for one before 503.
  // Requests still being read hold no thread (ConnectionLoop).
  unsigned connectionThreads = 0;
  unsigned connectionQueue = 64;
  Limits limits;
  ConnectionLimits connections;
};

}  // namespace gongwen::server
