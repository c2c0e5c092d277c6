// `gongwen serve` as a process: its flags, the access log, SIGTERM with a request in
// flight (answered, then exit 0).
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <future>
#include <regex>
#include <thread>

#include "common/Json.h"
#include "server/ServerFixture.h"
#include "support/Process.h"
#include "support/ServerProcess.h"

namespace gongwen::test {
namespace {

TEST(ServeCommand, ListensOnLoopbackAndLogsEachRequest) {
  ServerProcess s({"--instance", "alpha", "--workers", "1"});
  EXPECT_NE(s.log().find("listening on http://127.0.0.1:" + std::to_string(s.port()) +
                         " (instance alpha, 1 workers, queue 64)"),
            std::string::npos)
      << s.log();
  auto r = httpGet(s.port(), "/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("x-gongwen-instance"), "alpha");
  auto bad = httpPost(s.port(), "/v1/render", "application/json", R"({"layout": "article"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(s.stop(SIGTERM), 0);
  // time, client, method, path, status, bytes, milliseconds
  std::regex line(R"(\n\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z 127\.0\.0\.1 GET /healthz 200 )" +
                  std::to_string(r.body.size()) + R"( \d+\.\dms id=)" + r.header("x-request-id") +
                  "\n");
  EXPECT_TRUE(std::regex_search(s.log(), line)) << s.log();
  std::regex post(R"( POST /v1/render 422 )" + std::to_string(bad.body.size()) +
                  R"( \d+\.\dms id=[0-9a-f]{16} )" + R"(error="invalid field" field="\$\.\w+"\n)");
  EXPECT_TRUE(std::regex_search(s.log(), post)) << s.log();
}

TEST(ServeCommand, SigtermFinishesTheRequestInFlightThenExitsZero) {
  ServerProcess s({"--workers", "1"});
  std::string body = R"({"layout": "article", "records": [)";
  for (int i = 0; i < 2000; ++i) {
    body += (i ? "," : "") + std::string(R"({"title": "关于召开年度工作会议的通知", "body": ")") +
            "定于六月十三日召开年度工作会议，请各单位准时参加。会议地点另行通知。" + R"("})";
  }
  body += "]}";
  auto inFlight = std::async(std::launch::async, [&] {
    return httpPost(s.port(), "/v1/batch?dry_run=1", "application/json", body);
  });
  // Wait (bounded) until the batch is on the worker, then ask the server to stop.
  bool rendering = false;
  for (int i = 0; i < 2000 && !rendering; ++i) {
    auto m = httpGet(s.port(), "/metrics");
    rendering = metricValue(m.body, "gongwen_render_workers_busy") == 1;
    if (!rendering) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_TRUE(rendering);
  ::kill(s.pid(), SIGTERM);
  auto r = inFlight.get();
  EXPECT_EQ(r.status, 200) << r.body;
  auto report = parseJsonObject(r.body, "response");
  EXPECT_EQ(report->getValue<int>("total"), 2000);
  EXPECT_EQ(report->getValue<int>("good"), 2000);
  EXPECT_EQ(s.stop(0), 0);  // signal 0: only waits for the exit
  std::string log = s.log();
  size_t term = log.find("SIGTERM: finishing the requests in flight");
  size_t answered = log.find("POST /v1/batch 200");
  ASSERT_NE(term, std::string::npos) << log;
  ASSERT_NE(answered, std::string::npos) << log;
  EXPECT_LT(term, answered) << "the batch was still rendering when SIGTERM came\n" << log;
  EXPECT_NE(log.find("gongwen: stopped"), std::string::npos);
}

TEST(ServeCommand, BadFlagsAreUsageErrors) {
  auto port = runShell(cli() + " serve --port 80x");
  EXPECT_EQ(port.exitCode, 2);
  EXPECT_NE(port.err.find("--port needs a whole number up to 65535, not \"80x\""),
            std::string::npos)
      << port.err;
  auto limit = runShell(cli() + " serve --time-limit 0");
  EXPECT_EQ(limit.exitCode, 2);
  EXPECT_NE(limit.err.find("--time-limit needs seconds"), std::string::npos) << limit.err;
  auto body = runShell(cli() + " serve --max-body 10Q");
  EXPECT_EQ(body.exitCode, 2);
  auto token = runShell(cli() + " serve --token-file /nonexistent/token");
  EXPECT_EQ(token.exitCode, 2);
  EXPECT_NE(token.err.find("/nonexistent/token"), std::string::npos) << token.err;
  auto extra = runShell(cli() + " serve something");
  EXPECT_EQ(extra.exitCode, 2);
}

TEST(ServeCommand, PortInUseIsAClearError) {
  Poco::Net::ServerSocket taken(Poco::Net::SocketAddress("127.0.0.1", 0));
  auto r = runShell(cli() + " serve --port " + std::to_string(taken.address().port()));
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("cannot listen there"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace gongwen::test
