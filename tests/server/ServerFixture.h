// The real HTTP server, in the test process, on an ephemeral loopback port, sharing the
// test run's Engine.
#pragma once

#include <memory>
#include <string>

#include "server/HttpServer.h"
#include "server/ServerSettings.h"
#include "support/HttpClient.h"
#include "support/TestEngine.h"

namespace gongwen::test {

inline server::ServerSettings testSettings() {
  server::ServerSettings s;
  s.bind = "127.0.0.1";
  s.port = 0;
  s.workers = 2;
  s.webDir = std::string(GONGWEN_SOURCE_DATA_DIR) + "/web";
  s.instance = "test";
  s.accessLog = false;
  return s;
}

class RunningServer {
 public:
  explicit RunningServer(server::ServerSettings settings = testSettings())
      // The test run's one Engine, not owned here.
      : server_(std::shared_ptr<const Engine>(std::shared_ptr<const Engine>(), &engine()),
                std::move(settings)) {
    server_.start();
  }
  ~RunningServer() { server_.stop(); }
  unsigned port() const { return server_.port(); }
  server::HttpServer& server() { return server_; }

 private:
  server::HttpServer server_;
};

inline std::string sampleJson() {
  return readText(std::string(GONGWEN_SOURCE_DATA_DIR) +
                  "/samples/article-quality-conference.json");
}

// A JSON body of one article record.
inline std::string articleJson(const std::string& title, const std::string& body) {
  return R"({"layout": "article", "title": ")" + title + R"(", "body": ")" + body + R"("})";
}

}  // namespace gongwen::test
