// A long 发文机关标志 is condensed, not shrunk: its glyphs are narrowed (GlyphRun's
// horizontalScale, Tz in the PDF) down to the layout's "min_horizontal_scale" with their
// height kept, and only a mark too long even then is set smaller. The same for joint marks.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "common/Units.h"
#include "layout/DisplayList.h"
#include "support/DocumentPages.h"
#include "support/TestEngine.h"

namespace gongwen {
namespace {

using namespace test;

struct MarkRuns {
  std::shared_ptr<const DisplayList> list;  // what `runs` point into, kept alive
  std::vector<const GlyphRun*> runs;
  double left = 1e9, right = -1e9;  // mm, from glyph positions and (scaled) advances
};

MarkRuns redRuns(DisplayList laidOut) {
  MarkRuns out;
  out.list = std::make_shared<const DisplayList>(std::move(laidOut));
  for (const auto& item : out.list->pages.at(0).items) {
    const auto* run = std::get_if<GlyphRun>(&item);
    if (run == nullptr || !isRed(run->color)) continue;
    out.runs.push_back(run);
    for (const auto& g : run->glyphs) {
      out.left = std::min(out.left, ptToMm(g.x));
      out.right = std::max(out.right, ptToMm(g.x + g.advance));
    }
  }
  return out;
}

DisplayList withMark(const std::string& markJson) {
  return engine()
      .layout(record(R"({"layout": "gongwen", "issuer_mark": )" + markJson +
                     R"(, "title": "关于测试的通知", "body": "正文。"})"),
              {})
      .list;
}

TEST(MarkCondensing, AShortMarkIsNeitherCondensedNorShrunk) {
  auto m = redRuns(withMark(R"("南京市人民政府文件")"));
  ASSERT_FALSE(m.runs.empty());
  for (const auto* r : m.runs) {
    EXPECT_EQ(r->horizontalScale, 1);
    EXPECT_EQ(r->sizePt, 42);
  }
}

TEST(MarkCondensing, ALongMarkKeepsItsHeightAndFitsTheBlock) {
  // 18 characters of 42pt: 267 mm, condensed to 156 mm (58 %).
  auto m = redRuns(withMark(R"("南京市质量技术监督局南京市财政局文件")"));
  ASSERT_FALSE(m.runs.empty());
  for (const auto* r : m.runs) {
    EXPECT_EQ(r->sizePt, 42);  // the height kept
    EXPECT_LT(r->horizontalScale, 1);
    EXPECT_GE(r->horizontalScale, 0.5);
  }
  EXPECT_LE(m.right - m.left, 156 + 0.01);
  EXPECT_NEAR(m.right - m.left, 156, 0.5);  // fills the block's width, no smaller
  EXPECT_NEAR((m.left + m.right) / 2, (kBlockLeft + kBlockRight) / 2, 0.05);
  // Glyphs follow each other at their scaled advances: none overlaps the next.
  const auto& g = m.runs.front()->glyphs;
  for (size_t i = 1; i < g.size(); ++i) EXPECT_GE(g[i].x + 1e-6, g[i - 1].x + g[i - 1].advance);
}

TEST(MarkCondensing, PastTheBoundItIsSetSmaller) {
  // 43 characters would need 25 % width: condensed to the bound (50 %), then smaller.
  auto m = redRuns(withMark(
      R"("南京市质量技术监督局南京市财政局南京市人力资源和社会保障局南京市发展和改革委员会联合文件")"));
  ASSERT_FALSE(m.runs.empty());
  for (const auto* r : m.runs) {
    EXPECT_DOUBLE_EQ(r->horizontalScale, 0.5);
    EXPECT_LT(r->sizePt, 42);
  }
  EXPECT_LE(m.right - m.left, 156 + 0.01);
}

TEST(MarkCondensing, AJointMarkIsCondensedToo) {
  auto m = redRuns(withMark(R"(["南京市质量技术监督局南京市", "南京市财政局"])"));
  ASSERT_FALSE(m.runs.empty());
  for (const auto* r : m.runs) {
    EXPECT_EQ(r->sizePt, 42);
    EXPECT_LT(r->horizontalScale, 1);
  }
  EXPECT_LE(m.right - m.left, 156 + 0.01);
  EXPECT_NEAR((m.left + m.right) / 2, (kBlockLeft + kBlockRight) / 2, 0.05);
}

}  // namespace
}  // namespace gongwen
