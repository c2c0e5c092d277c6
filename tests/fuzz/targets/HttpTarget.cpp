// Any bytes as a raw HTTP request to the real server: `gongwen serve`'s HttpServer runs on a
// loopback port inside this process (so its request parsing, routing, limits, JSON and CSV
// handling and rendering are all covered, on its own threads), each input is sent on a
// fresh connection and the answer read until the server closes it. A crash anywhere in the
// server is what this looks for, and a hang: a request left unanswered for 10 s (five
// times the server's time limit) traps.
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Timespan.h>

#include <cstdio>
#include <memory>

#include "fuzz/targets/FuzzTargets.h"
#include "render/EngineFactory.h"
#include "server/HttpServer.h"

namespace {

gongwen::server::HttpServer& fuzzedServer() {
  static std::unique_ptr<gongwen::server::HttpServer> s = [] {
    gongwen::server::ServerSettings settings;
    settings.port = 0;
    settings.workers = 2;
    settings.accessLog = false;
    settings.limits.maxBodyBytes = 256 * 1024;
    settings.limits.maxRecords = 20;
    settings.limits.maxPages = 20;
    settings.limits.timeLimit = std::chrono::milliseconds(2000);
    auto srv = std::make_unique<gongwen::server::HttpServer>(
        gongwen::makeEngine(gongwen::EngineSettings{}), settings);
    srv->start();
    return srv;
  }();
  return *s;
}

}  // namespace

namespace gongwen::fuzz {

int http(const uint8_t* data, size_t size) {
  auto& srv = fuzzedServer();
  try {
    Poco::Net::StreamSocket socket(
        Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(srv.port())));
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    socket.setSendTimeout(Poco::Timespan(10, 0));
    size_t sent = 0;
    while (sent < size) {
      int n = socket.sendBytes(data + sent, static_cast<int>(size - sent));
      if (n <= 0) break;
      sent += static_cast<size_t>(n);
    }
    socket.shutdownSend();
    char buf[4096];
    while (socket.receiveBytes(buf, sizeof buf) > 0) {
    }
  } catch (const Poco::TimeoutException&) {
    std::fputs("fuzz_http: the server did not answer within 10 s\n", stderr);
    __builtin_trap();
  } catch (const Poco::Exception&) {
    // Refused or reset: the server may close early; that is not a failure.
  }
  return 0;
}

}  // namespace gongwen::fuzz
