// Kinsoku (禁则): every mark of the spec at a line boundary, on the real body grid.
#include <gtest/gtest.h>

#include "common/Units.h"
#include "common/Utf8.h"
#include "support/TestEngine.h"
#include "text/CharClass.h"
#include "text/ParagraphComposer.h"
#include "text/Shaper.h"

namespace gongwen {
namespace {

constexpr double kBlock = 156.0;  // mm

struct Composed {
  ShapedText text;
  std::vector<LineBox> lines;
  std::u32string line(size_t i) const {
    const auto& l = lines[i];
    return text.text.substr(text.clusters[l.first].textStart,
                            text.clusters[l.end - 1].textEnd - text.clusters[l.first].textStart);
  }
  // Where the ink of line i ends, mm from the block's left edge.
  double inkEnd(size_t i) const { return ptToMm(lines[i].extent); }
};

Composed compose(const std::u32string& s) {
  const Engine& e = test::engine();
  Shaper shaper(e.fonts());
  Composed c;
  c.text = shaper.shape(s, {e.fonts().font("fangsong"), 16, {}}, "test", {});
  ParagraphStyle ps;
  ps.width = mmToPt(kBlock);
  ps.gridPitch = (ps.width - 16) / 27;
  c.lines = composeParagraph(c.text, ps);
  return c;
}

std::u32string han(size_t n) {
  static const std::u32string pool =
      U"质量强市工作会议南京召开全面实施战略促进产品工程服务环境经济运行";
  std::u32string s;
  for (size_t i = 0; i < n; ++i) s += pool[i % pool.size()];
  return s;
}

class NoLineStart : public ::testing::TestWithParam<char32_t> {};

TEST_P(NoLineStart, MarkNeverStartsALine) {
  char32_t mark = GetParam();
  // 28 characters fill line 1 exactly; the mark would be the first of line 2.
  auto c = compose(han(28) + mark + han(40));
  ASSERT_GE(c.lines.size(), 2u);
  EXPECT_NE(c.line(1)[0], mark) << "line 2 starts with " << encodeUtf8(std::u32string(1, mark));
  EXPECT_FALSE(isNoLineStart(c.line(1)[0]));
  // The touched line still ends on the right edge.
  EXPECT_NEAR(c.inkEnd(0), kBlock, 0.1);
  // Pushed in (29 glyphs, punctuation squeezed) or out (27 glyphs, spread).
  size_t n = c.line(0).size();
  EXPECT_TRUE(n == 27 || n == 29) << n;
}

INSTANTIATE_TEST_SUITE_P(Marks, NoLineStart,
                         ::testing::Values(U'，', U'。', U'、', U'；', U'：', U'？', U'！', U'）',
                                           U'》', U'」', U'』', U'】', U'〕', U'”', U'’'));

TEST(Kinsoku, PushInSqueezesPunctuationInsideTheLine) {
  // A comma inside line 1 gives room for the comma that may not start line 2.
  auto c = compose(han(10) + U"，" + han(17) + U"，" + han(30));
  ASSERT_GE(c.lines.size(), 2u);
  EXPECT_EQ(c.line(0).size(), 29u) << encodeUtf8(c.line(0));
  EXPECT_EQ(c.lines[0].pushedIn, 1);
  EXPECT_NEAR(c.inkEnd(0), kBlock, 0.1);
}

TEST(Kinsoku, PushOutSpreadsWhenNothingCanBeSqueezed) {
  auto c = compose(han(28) + U"。" + han(30));
  ASSERT_GE(c.lines.size(), 2u);
  EXPECT_EQ(c.line(0).size(), 27u);
  EXPECT_EQ(c.lines[0].pushedOut, 1);
  EXPECT_NEAR(c.inkEnd(0), kBlock, 0.1);
}

class NoLineEnd : public ::testing::TestWithParam<char32_t> {};

TEST_P(NoLineEnd, OpeningMarkNeverEndsALine) {
  char32_t mark = GetParam();
  auto c = compose(han(27) + mark + han(40));  // the mark would be the 28th, last of line 1
  ASSERT_GE(c.lines.size(), 2u);
  EXPECT_NE(c.line(0).back(), mark);
  EXPECT_NEAR(c.inkEnd(0), kBlock, 0.1);
}

INSTANTIATE_TEST_SUITE_P(Marks, NoLineEnd,
                         ::testing::Values(U'（', U'《', U'「', U'『', U'【', U'〔', U'“', U'‘'));

TEST(Kinsoku, EllipsisAndDashAreNeverSplit) {
  for (std::u32string pair : {std::u32string(U"……"), std::u32string(U"——")}) {
    auto c = compose(han(27) + pair + han(40));  // would split 28|29
    ASSERT_GE(c.lines.size(), 2u);
    EXPECT_FALSE(c.line(0).back() == pair[0] && c.line(1)[0] == pair[1])
        << encodeUtf8(pair) << " split";
    EXPECT_NEAR(c.inkEnd(0), kBlock, 0.1);
  }
}

TEST(Kinsoku, NumbersAndLatinWordsStayWhole) {
  auto c = compose(han(26) + U"2012年ISO9001" + han(40));
  ASSERT_GE(c.lines.size(), 2u);
  std::u32string l0 = c.line(0), l1 = c.line(1);
  EXPECT_FALSE(isWordChar(l0.back()) && isWordChar(l1[0]))
      << encodeUtf8(l0) << " | " << encodeUtf8(l1);
  EXPECT_NEAR(c.inkEnd(0), kBlock, 0.1);
}

TEST(Grid, FullLineHolds28CharactersEdgeToEdge) {
  auto c = compose(han(60));
  ASSERT_EQ(c.lines.size(), 3u);
  EXPECT_EQ(c.line(0).size(), 28u);
  EXPECT_EQ(c.line(1).size(), 28u);
  EXPECT_NEAR(ptToMm(c.lines[0].x[0]), 0.0, 1e-9);
  EXPECT_NEAR(c.inkEnd(0), kBlock, 0.1);
  EXPECT_FALSE(c.lines[2].justified);  // the last line is flush left
}

TEST(Grid, LinesWithLatinAndDigitsAreJustifiedToo) {
  auto c = compose(han(5) + U"GB/T 9704-2012" + han(12) + U"2012年6月13日" + han(40));
  ASSERT_GE(c.lines.size(), 2u);
  EXPECT_NEAR(c.inkEnd(0), kBlock, 0.1);
}

}  // namespace
}  // namespace gongwen
