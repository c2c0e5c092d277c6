// Fonts are loaded once and shared read-only: many threads rendering at once with one
// Engine produce the same PDF as one thread alone (run under ThreadSanitizer in CI).
#include <gtest/gtest.h>

#include <cstdlib>
#include <thread>

#include "batch/BatchRenderer.h"
#include "common/Json.h"
#include "model/LayoutCatalog.h"
#include "pdf/PdfWriter.h"
#include "support/KeptPdfs.h"
#include "support/TestEngine.h"

namespace gongwen {
namespace {

TEST(ParallelRender, ThreadsSharingFontsProduceIdenticalPdfs) {
  ::setenv("SOURCE_DATE_EPOCH", "1339545600", 1);
  auto record = test::record(
      readFile(std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples/article-quality-conference.json"));
  const Engine& engine = test::engine();
  const auto reference = engine.renderPdf(record, {});
  test::keepPdf({reinterpret_cast<const char*>(reference.data()), reference.size()});
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

// A batch of certificates on several threads: the records share the batch's caches (the
// seal image, the fitted citation), and the PDF writer subsets fonts and compresses pages
// on several threads; the result is the same as one thread's.
TEST(ParallelRender, CertificateBatchSharingCachesMatchesOneThread) {
  ::setenv("SOURCE_DATE_EPOCH", "1339545600", 1);
  const std::string csv = "recipient,citation,issuer,date,seal\n" + [] {
    std::string rows;
    for (int i = 0; i < 24; ++i) {
      rows += "单位" + std::to_string(i) +
              ",荣获2011年度南京市质量奖。特发此状，以资鼓励。,南京市人民政府,2012-06-13,"
              "specimen-seal.png\n";
    }
    return rows;
  }();
  const Engine& engine = test::engine();
  auto items = itemsFromCsv(csv, "test.csv", engine.layouts().get("certificate"));
  auto render = [&](unsigned threads) {
    BatchOptions options;
    options.render.layout = "certificate";
    options.render.baseDirectory = std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples";
    options.threads = threads;
    BatchResult result = layoutBatch(engine, items, options);
    EXPECT_TRUE(result.failures.empty());
    DisplayList merged = mergeDocuments(result.documents, false);
    PdfOptions pdf;
    pdf.threads = threads;
    return writePdf(merged, pdf);
  };
  const auto one = render(1);
  const auto four = render(4);
  test::keepPdf({reinterpret_cast<const char*>(one.data()), one.size()});
  ::unsetenv("SOURCE_DATE_EPOCH");
  EXPECT_EQ(four, one);
  EXPECT_EQ(std::string(one.begin(), one.begin() + 5), "%PDF-");
}

}  // namespace
}  // namespace gongwen
