// A full render queue answers 503 with Retry-After at once; so does a full connection
// queue (Poco would drop the connection without a word).
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <gtest/gtest.h>

#include <future>
#include <memory>
#include <thread>

#include "common/Json.h"
#include "server/ServerFixture.h"
#include "server/WorkerPool.h"

namespace gongwen::test {
namespace {

// A job that holds its worker until released.
struct Blocker {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::function<void()> job() {
    auto f = released;
    return [f] { f.wait(); };
  }
};

TEST(ServerBusy, FullRenderQueueIs503WithRetryAfter) {
  auto settings = testSettings();
  settings.workers = 1;
  settings.queue = 1;
  RunningServer s(settings);
  Blocker running, waiting;
  ASSERT_TRUE(s.server().pool().trySubmit(running.job()));
  ASSERT_TRUE(s.server().pool().trySubmit(waiting.job()));
  while (s.server().pool().busy() < 1 || s.server().pool().queued() < 1) std::this_thread::yield();

  auto r = httpPost(s.port(), "/v1/render", "application/json", articleJson("标题", "正文"));
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.header("retry-after"), "1");
  auto e = parseJsonObject(r.body, "response");
  EXPECT_EQ(e->getValue<std::string>("error"), "server busy");
  EXPECT_EQ(e->getValue<std::string>("detail"),
            "all 1 workers are busy and 1 requests are waiting; try again shortly");
  EXPECT_EQ(
      httpPost(s.port(), "/v1/batch", "application/json", R"({"layout": "article", "records": []})")
          .status,
      503);
  // Health and metrics do not need a worker.
  auto metrics = httpGet(s.port(), "/metrics");
  EXPECT_EQ(metricValue(metrics.body, "gongwen_render_queue_length"), 1);
  EXPECT_EQ(metricValue(metrics.body, "gongwen_render_workers_busy"), 1);
  EXPECT_EQ(
      metricValue(metrics.body, R"(gongwen_http_requests_total{route="/v1/render",status="503"})"),
      1);

  running.release.set_value();
  waiting.release.set_value();
  while (s.server().pool().busy() > 0 || s.server().pool().queued() > 0) std::this_thread::yield();
  EXPECT_EQ(
      httpPost(s.port(), "/v1/render", "application/json", articleJson("标题", "正文")).status,
      200);
}

// Reads what the server sent on `socket` within `seconds`, "" when nothing came.
std::string readSome(Poco::Net::StreamSocket& socket, double seconds) {
  if (!socket.poll(Poco::Timespan(static_cast<long>(seconds * 1e6)),
                   Poco::Net::Socket::SELECT_READ))
    return "";
  char buffer[4096];
  int n = socket.receiveBytes(buffer, sizeof buffer);
  return n > 0 ? std::string(buffer, static_cast<size_t>(n)) : "";
}

TEST(ServerBusy, FullConnectionQueueIs503NotADroppedConnection) {
  auto settings = testSettings();
  settings.connectionThreads = 1;
  settings.connectionQueue = 1;
  RunningServer s(settings);
  // Connections that send nothing: the one connection thread waits on the first, the
  // queue holds one more, so of three at least one must be turned away — with an answer.
  std::vector<std::unique_ptr<Poco::Net::StreamSocket>> idle;
  std::string refusal;
  for (int i = 0; i < 3 && refusal.empty(); ++i) {
    idle.push_back(std::make_unique<Poco::Net::StreamSocket>(
        Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(s.port()))));
    for (auto& socket : idle) {
      refusal = readSome(*socket, 0.3);
      if (!refusal.empty()) break;
    }
  }
  ASSERT_FALSE(refusal.empty());
  EXPECT_EQ(refusal.rfind("HTTP/1.1 503 Service Unavailable\r\n", 0), 0u) << refusal;
  EXPECT_NE(refusal.find("\r\nRetry-After: 1\r\n"), std::string::npos) << refusal;
  EXPECT_NE(refusal.find("\r\nX-Gongwen-Instance: test\r\n"), std::string::npos) << refusal;
  EXPECT_NE(refusal.find("{\"error\":\"server busy\""), std::string::npos) << refusal;
  idle.clear();  // the server is free again once it has seen them close
  HttpResponse metrics;
  for (int i = 0; i < 100 && metrics.status != 200; ++i) {
    metrics = httpGet(s.port(), "/metrics");
    if (metrics.status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_EQ(metrics.status, 200);
  EXPECT_GE(metricValue(metrics.body, "gongwen_http_connections_refused_total"), 1);
}

}  // namespace
}  // namespace gongwen::test
