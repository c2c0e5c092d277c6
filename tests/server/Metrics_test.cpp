// GET /metrics: Prometheus text with requests by route and status, the render latency
// histogram, pages rendered, requests in flight and the queue.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "common/Json.h"
#include "server/ServerFixture.h"
#include "server/WorkerPool.h"

namespace gongwen::test {
namespace {

TEST(ServerMetrics, CountsRequestsPagesAndLatency) {
  RunningServer s;
  ASSERT_EQ(httpPost(s.port(), "/v1/render", "application/json", sampleJson()).status, 200);
  ASSERT_EQ(httpPost(s.port(), "/v1/render", "application/json", sampleJson()).status, 200);
  ASSERT_EQ(httpPost(s.port(), "/v1/render", "application/json", R"({"layout": "article"})").status,
            422);
  ASSERT_EQ(httpGet(s.port(), "/nowhere").status, 404);
  ASSERT_EQ(httpGet(s.port(), "/healthz").status, 200);

  // A worker counts as busy until it is back for the next job, a moment after its answer.
  while (s.server().pool().busy() > 0) std::this_thread::yield();
  auto r = httpGet(s.port(), "/metrics");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  const std::string& m = r.body;
  EXPECT_EQ(metricValue(m, R"(gongwen_http_requests_total{route="/v1/render",status="200"})"), 2);
  EXPECT_EQ(metricValue(m, R"(gongwen_http_requests_total{route="/v1/render",status="422"})"), 1);
  EXPECT_EQ(metricValue(m, R"(gongwen_http_requests_total{route="other",status="404"})"), 1);
  EXPECT_EQ(metricValue(m, R"(gongwen_http_requests_total{route="/healthz",status="200"})"), 1);

  size_t pages =
      engine().layout(parseJsonObject(sampleJson(), "sample"), RenderOptions{}).list.pages.size();
  EXPECT_EQ(metricValue(m, "gongwen_pages_rendered_total"), 2.0 * pages);
  EXPECT_EQ(metricValue(m, "gongwen_documents_rendered_total"), 2);
  EXPECT_EQ(metricValue(m, "gongwen_http_requests_in_flight"), 1);  // this one
  EXPECT_EQ(metricValue(m, "gongwen_render_queue_length"), 0);
  EXPECT_EQ(metricValue(m, "gongwen_render_queue_capacity"), 64);
  EXPECT_EQ(metricValue(m, "gongwen_render_workers"), 2);
  EXPECT_EQ(metricValue(m, "gongwen_render_workers_busy"), 0);

  // The histogram: cumulative buckets ending in +Inf = count = the 2 PDFs (errors are
  // not timed).
  EXPECT_EQ(metricValue(m, R"(gongwen_render_duration_seconds_count{route="/v1/render"})"), 2);
  EXPECT_EQ(
      metricValue(m, R"(gongwen_render_duration_seconds_bucket{route="/v1/render",le="+Inf"})"), 2);
  EXPECT_GT(metricValue(m, R"(gongwen_render_duration_seconds_sum{route="/v1/render"})"), 0);
  double previous = 0;
  for (const char* le :
       {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "30"}) {
    double v = metricValue(
        m, std::string(R"(gongwen_render_duration_seconds_bucket{route="/v1/render",le=")") + le +
               "\"}");
    EXPECT_GE(v, previous) << le;
    previous = v;
  }

  // Every sample belongs to a family announced by # TYPE, in the text format's syntax.
  std::regex sample(
      R"(^([a-z_]+?)(_bucket|_sum|_count)?(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? -?[0-9.e+]+$)");
  std::set<std::string> families;
  std::istringstream lines(m);
  std::string line;
  int samples = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("# TYPE ", 0) == 0) {
      families.insert(line.substr(7, line.find(' ', 7) - 7));
      continue;
    }
    if (line.rfind("# HELP ", 0) == 0) continue;
    std::smatch match;
    ASSERT_TRUE(std::regex_match(line, match, sample)) << line;
    std::string name = line.substr(0, line.find_first_of("{ "));
    bool known = families.count(name) ||
                 families.count(name.substr(0, name.rfind('_')));  // _bucket, _sum, _count
    EXPECT_TRUE(known) << line;
    ++samples;
  }
  EXPECT_GT(samples, 20);
}

}  // namespace
}  // namespace gongwen::test
