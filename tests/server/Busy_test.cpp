// A full render queue answers 503 with Retry-After at once; so does a full connection
// queue of complete requests waiting for a connection thread.
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

TEST(ServerBusy, FullConnectionQueueIs503NotADroppedConnection) {
  auto settings = testSettings();
  settings.workers = 1;
  settings.queue = 4;
  settings.connectionThreads = 1;
  settings.connectionQueue = 1;
  RunningServer s(settings);
  Blocker running;
  ASSERT_TRUE(s.server().pool().trySubmit(running.job()));
  while (s.server().pool().busy() < 1) std::this_thread::yield();
  // The one connection thread waits for a render; one complete request may wait for it;
  // the next is answered 503 at once. Idle connections take no thread, so they do not
  // count here at all.
  std::vector<std::unique_ptr<Poco::Net::StreamSocket>> idle;
  for (int i = 0; i < 5; ++i) {
    idle.push_back(std::make_unique<Poco::Net::StreamSocket>(
        Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(s.port()))));
  }
  auto waitingRender = std::async(std::launch::async, [&] {
    return httpPost(s.port(), "/v1/render", "application/json", articleJson("标题", "正文"));
  });
  while (s.server().pool().queued() < 1) std::this_thread::yield();
  auto waitingHealth =
      std::async(std::launch::async, [&] { return httpGet(s.port(), "/healthz"); });
  while (s.server().queuedRequests() < 1) std::this_thread::yield();
  HttpResponse refused = httpGet(s.port(), "/healthz");
  ASSERT_EQ(refused.status, 503);
  EXPECT_EQ(refused.header("retry-after"), "1");
  EXPECT_EQ(refused.header("x-gongwen-instance"), "test");
  EXPECT_NE(refused.body.find("{\"error\":\"server busy\""), std::string::npos) << refused.body;
  running.release.set_value();
  EXPECT_EQ(waitingRender.get().status, 200);
  EXPECT_EQ(waitingHealth.get().status, 200);
  auto metrics = httpGet(s.port(), "/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_GE(metricValue(metrics.body, "gongwen_http_connections_refused_total"), 1);
}

}  // namespace
}  // namespace gongwen::test
