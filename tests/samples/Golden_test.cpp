// Golden display lists: every sample laid out and written as text (what
// `gongwen render X --display-list FILE` writes) must equal tests/golden/X.txt, so that an
// unintended move of anything on any page shows as a diff. An intended change is accepted
// by regenerating them: scripts/update-golden.sh, then review `git diff tests/golden`.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "job/Job.h"
#include "support/TestEngine.h"

namespace gongwen {
namespace {

namespace fs = std::filesystem;

struct Sample {
  fs::path input;
  std::string layout;  // for a CSV: the layout of its columns
};

std::vector<Sample> samples() {
  std::vector<Sample> out;
  for (const auto& e : fs::directory_iterator(std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples")) {
    const std::string ext = e.path().extension().string();
    if (ext == ".json") out.push_back({e.path(), ""});
    if (ext == ".csv") out.push_back({e.path(), "certificate"});
  }
  std::sort(out.begin(), out.end(),
            [](const Sample& a, const Sample& b) { return a.input < b.input; });
  return out;
}

std::string displayList(const Sample& s) {
  Job job;
  job.input.bytes = test::readText(s.input.string());
  job.input.source = s.input.filename().string();
  job.input.fileName = s.input.string();
  job.render.layout = s.layout;
  job.render.baseDirectory = s.input.parent_path().string();
  job.shape = s.layout.empty() ? OutputShape::Single : OutputShape::Merged;
  job.dryRun = true;
  job.wantDisplayList = true;
  return runJob(test::engine(), job).displayList;
}

// "line N: expected … / found …" for the first line that differs.
std::string firstDifference(const std::string& expected, const std::string& found) {
  std::istringstream a(expected), b(found);
  std::string la, lb;
  for (int line = 1;; ++line) {
    const bool moreA = static_cast<bool>(std::getline(a, la));
    const bool moreB = static_cast<bool>(std::getline(b, lb));
    if (!moreA && !moreB) return "";
    if (la != lb || moreA != moreB) {
      return "line " + std::to_string(line) + ":\n  golden: " + (moreA ? la : "(end)") +
             "\n  now:    " + (moreB ? lb : "(end)");
    }
  }
}

TEST(Golden, EverySampleLaysOutAsItsGoldenDump) {
  const auto all = samples();
  ASSERT_GE(all.size(), 7u) << "the samples folder lost its samples";
  for (const auto& s : all) {
    SCOPED_TRACE(s.input.filename().string());
    const fs::path golden =
        fs::path(GONGWEN_SOURCE_DATA_DIR) / "tests/golden" / (s.input.stem().string() + ".txt");
    ASSERT_TRUE(fs::exists(golden))
        << golden << " is missing: run scripts/update-golden.sh and review the new dump";
    const std::string now = displayList(s);
    ASSERT_FALSE(now.empty());
    const std::string expected = test::readText(golden.string());
    EXPECT_TRUE(now == expected)
        << "the layout of " << s.input.filename().string() << " moved; first difference at "
        << firstDifference(expected, now)
        << "\nIf the change is intended: scripts/update-golden.sh, then review git diff.";
  }
}

TEST(Golden, DumpNamesFontRoleSizeColourAndPositionInMillimetres) {
  const auto all = samples();
  auto article = std::find_if(all.begin(), all.end(), [](const Sample& s) {
    return s.input.filename() == "article-quality-conference.json";
  });
  ASSERT_NE(article, all.end());
  const std::string dump = displayList(*article);
  EXPECT_EQ(dump.rfind("page 1 210.00x297.00 mm\n", 0), 0u) << dump.substr(0, 200);
  // The body: 仿宋 16 pt black; its full lines start at the block's left edge, 28 mm.
  EXPECT_NE(dump.find("  text fangsong "), std::string::npos);
  EXPECT_NE(dump.find(" 16.00pt #000000 x=28.00 "), std::string::npos);
  EXPECT_NE(dump.find("  text xiaobiaosong "), std::string::npos);
}

}  // namespace
}  // namespace gongwen
