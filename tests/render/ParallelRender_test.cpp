// Fonts are loaded once and shared read-only: many threads rendering at once with one
// Engine produce the same PDF as one thread alone (run under ThreadSanitizer in CI).
#include <gtest/gtest.h>

#include <cstdlib>
#include <thread>

#include "common/Json.h"
#include "model/LayoutCatalog.h"
#include "support/TestEngine.h"

namespace gongwen {
namespace {

TEST(ParallelRender, ThreadsSharingFontsProduceIdenticalPdfs) {
  ::setenv("SOURCE_DATE_EPOCH", "1339545600", 1);
  auto record = test::record(
      readFile(std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples/article-quality-conference.json"));
  const Engine& engine = test::engine();
  const auto reference = engine.renderPdf(record, {});
  constexpr int kThreads = 4, kEach = 3;
  std::vector<std::vector<uint8_t>> results(kThreads * kEach);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) results[t * kEach + i] = engine.renderPdf(record, {});
    });
  }
  for (auto& th : threads) th.join();
  ::unsetenv("SOURCE_DATE_EPOCH");
  for (const auto& r : results) EXPECT_EQ(r, reference);
}

}  // namespace
}  // namespace gongwen
