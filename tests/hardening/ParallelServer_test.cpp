// The server renders on its worker pool with the one shared Engine: requests from several
// clients at once (single renders and batches, whose records are laid out on several
// threads) get the same PDFs as one at a time. Run under ThreadSanitizer in CI (-R Parallel).
#include <gtest/gtest.h>

#include <cstdlib>
#include <thread>
#include <vector>

#include "server/ServerFixture.h"

namespace gongwen::test {
namespace {

std::string certificates(int count) {
  std::string out = R"({"layout": "certificate", "records": [)";
  for (int i = 0; i < count; ++i) {
    out += std::string(i ? "," : "") + R"({"recipient": "单位)" + std::to_string(i) +
           R"(", "citation": "荣获2011年度南京市质量奖。特发此状，以资鼓励。",
           "issuer": "南京市人民政府", "date": "2012-06-13"})";
  }
  return out + "]}";
}

TEST(ParallelServer, ConcurrentRendersAndBatchesMatchOneAtATime) {
  ::setenv("SOURCE_DATE_EPOCH", "1339545600", 1);
  auto settings = testSettings();
  settings.workers = 3;
  RunningServer server(settings);
  const std::string article = sampleJson();
  const std::string batch = certificates(6);
  auto render = [&] { return httpPost(server.port(), "/v1/render", "application/json", article); };
  auto renderBatch = [&] {
    return httpPost(server.port(), "/v1/batch", "application/json", batch);
  };
  const HttpResponse articleAlone = render();
  const HttpResponse batchAlone = renderBatch();
  ASSERT_EQ(articleAlone.status, 200) << articleAlone.body;
  ASSERT_EQ(batchAlone.status, 200) << batchAlone.body;

  constexpr int kClients = 4, kEach = 2;
  std::vector<HttpResponse> answers(kClients * kEach);
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      for (int i = 0; i < kEach; ++i) {
        answers[c * kEach + i] = (c + i) % 2 ? renderBatch() : render();
      }
    });
  }
  for (auto& t : clients) t.join();
  ::unsetenv("SOURCE_DATE_EPOCH");
  for (int c = 0; c < kClients; ++c) {
    for (int i = 0; i < kEach; ++i) {
      const HttpResponse& r = answers[c * kEach + i];
      const HttpResponse& alone = (c + i) % 2 ? batchAlone : articleAlone;
      EXPECT_EQ(r.status, 200) << r.body.substr(0, 500);
      EXPECT_TRUE(r.body == alone.body) << "client " << c << " request " << i << " differs";
    }
  }
}

}  // namespace
}  // namespace gongwen::test
