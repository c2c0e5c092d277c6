// Titles and certificate boxes are shaped with line breaks only and keep their words whole
// (ICU's dictionary) only when they wrap (issue 16: the dictionary costs ~8 M instructions
// the first time in a process). Both steps must give exactly the lines that shaping with
// BreakMode::Word gives.
#include <gtest/gtest.h>

#include "common/Units.h"
#include "common/Utf8.h"
#include "support/TestEngine.h"
#include "text/BalancedLines.h"
#include "text/ParagraphComposer.h"
#include "text/Shaper.h"

namespace gongwen {
namespace {

const std::vector<std::u32string> kTexts = {
    U"奖　　状",
    U"南京市召开质量强市工作会议",
    U"南京市人民政府关于表彰2011年度南京市质量奖获奖企业的决定",
    U"关于开展2012年重点产品质量监督抽查的函",
    U"中电电气集团有限公司：",
    U"南京长江涂料有限公司、南京熊猫电子股份有限公司、江苏苏美达集团公司",
    U"二〇一二年六月十三日",
    U"Quality City 2012：南京市质量强市工作会议纪要（第1期）",
    U"质",
    U"",
};

std::vector<std::pair<size_t, size_t>> spans(const std::vector<LineBox>& lines) {
  std::vector<std::pair<size_t, size_t>> out;
  for (const auto& l : lines) out.emplace_back(l.first, l.end);
  return out;
}

TEST(WordsOnlyWhenWrapped, KeepWordsWholeIsWhatWordModeGives) {
  const Engine& e = test::engine();
  Shaper shaper(e.fonts());
  const TextStyleRef style{e.fonts().font("xiaobiaosong"), 22, {}};
  for (const auto& text : kTexts) {
    const ShapedText words = shaper.shape(text, style, "test", {}, BreakMode::Word);
    ShapedText lines = shaper.shape(text, style, "test", {}, BreakMode::Line);
    shaper.keepWordsWhole(lines);
    EXPECT_EQ(lines.breakBefore, words.breakBefore) << encodeUtf8(text);
  }
}

TEST(WordsOnlyWhenWrapped, OneLineIsTheSameLineEitherWay) {
  const Engine& e = test::engine();
  Shaper shaper(e.fonts());
  const TextStyleRef style{e.fonts().font("xiaobiaosong"), 22, {}};
  size_t oneLine = 0, wrapped = 0;
  for (const auto& text : kTexts) {
    const ShapedText words = shaper.shape(text, style, "test", {}, BreakMode::Word);
    ShapedText lines = shaper.shape(text, style, "test", {}, BreakMode::Line);
    for (double mm : {20.0, 45.0, 81.0, 120.0, 156.0, 217.0, 400.0}) {
      ParagraphStyle ps;
      ps.width = mmToPt(mm);
      ps.align = Alignment::Center;
      // What Title.cpp and TextFitter do: Line first, words only when it wraps.
      for (bool balanced : {true, false}) {
        auto compose = [&](const ShapedText& t) {
          return balanced ? composeBalanced(t, ps) : composeParagraph(t, ps);
        };
        ShapedText lazy = lines;
        auto got = compose(lazy);
        if (got.size() > 1) {
          shaper.keepWordsWhole(lazy);
          got = compose(lazy);
          ++wrapped;
        } else {
          ++oneLine;
        }
        const auto want = compose(words);
        EXPECT_EQ(spans(got), spans(want)) << encodeUtf8(text) << " in " << mm << " mm";
        ASSERT_EQ(got.size(), want.size());
        for (size_t i = 0; i < got.size(); ++i) {
          EXPECT_EQ(got[i].x, want[i].x) << encodeUtf8(text) << " in " << mm << " mm";
          EXPECT_EQ(got[i].extent, want[i].extent);
        }
      }
    }
  }
  EXPECT_GT(oneLine, 10u);
  EXPECT_GT(wrapped, 10u);
}

}  // namespace
}  // namespace gongwen
