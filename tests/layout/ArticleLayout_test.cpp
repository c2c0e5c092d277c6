// The article layout on the GB/T 9704 page, asserted on the display list in mm.
#include <gtest/gtest.h>

#include <cmath>

#include "common/Errors.h"
#include "common/Units.h"
#include "common/Utf8.h"
#include "support/PageLines.h"
#include "support/TestEngine.h"
#include "text/CharClass.h"

namespace gongwen {
namespace {

constexpr double kLeft = 28, kRight = 184, kTop = 37, kBottom = 262;
constexpr double kPitch = 225.0 / 22;
constexpr double kCell = 156.0 / 28;

const std::string kSample =
    std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples/article-quality-conference.json";

struct Rendered {
  DisplayList list;
  std::vector<std::vector<test::LineMm>> body;  // per page
};

Rendered renderSample() {
  auto rec = test::record(test::readText(kSample));
  Rendered r;
  r.list = test::engine().layout(rec, {}).list;
  for (const auto& p : r.list.pages) r.body.push_back(test::bodyLines(p));
  return r;
}

TEST(ArticleLayout, SampleFillsSeveralPages) {
  auto r = renderSample();
  EXPECT_GE(r.list.pages.size(), 3u);
  for (const auto& p : r.list.pages) {
    EXPECT_NEAR(ptToMm(p.widthPt), 210, 0.01);
    EXPECT_NEAR(ptToMm(p.heightPt), 297, 0.01);
  }
}

TEST(ArticleLayout, FullLinesHold28CellsAndEndOnTheRightEdge) {
  auto r = renderSample();
  int full = 0, exact = 0;
  for (size_t p = 0; p < r.body.size(); ++p) {
    const auto& lines = r.body[p];
    for (size_t i = 0; i < lines.size(); ++i) {
      const test::LineMm* next = i + 1 < lines.size() ? &lines[i + 1]
                                 : p + 1 < r.body.size() && !r.body[p + 1].empty()
                                     ? &r.body[p + 1][0]
                                     : nullptr;
      if (!next || std::abs(next->left() - kLeft) > 0.05) continue;  // a paragraph's last line
      ++full;
      int cells = static_cast<int>(std::lround((kRight - lines[i].left()) / kCell));
      int n = static_cast<int>(lines[i].visibleGlyphs());
      bool allFullWidth = true;
      for (const auto& g : lines[i].glyphs) allFullWidth = allFullWidth && isFullWidth(g.ch);
      if (allFullWidth) {  // lines with digits or Latin hold what fits, justified
        EXPECT_LE(std::abs(n - cells), 1) << "page " << p + 1 << " line " << i + 1;
        if (n == cells) ++exact;
      } else {
        ++exact;
      }
      EXPECT_NEAR(lines[i].inkRight(), kRight, 0.1)
          << "page " << p + 1 << " line " << i + 1 << ": " << encodeUtf8(lines[i].text());
    }
  }
  EXPECT_GT(full, 40);
  EXPECT_GE(exact, full * 8 / 10);
}

TEST(ArticleLayout, TwentyTwoLinesPerPageOnTheGrid) {
  auto r = renderSample();
  ASSERT_GE(r.body.size(), 3u);
  EXPECT_EQ(r.body[1].size(), 22u);  // a full middle page
  for (size_t p = 0; p < r.body.size(); ++p) {
    for (const auto& l : r.body[p]) {
      // Baselines sit on the grid: the 16pt em box centred in its 225/22 mm line.
      double slot =
          (l.baseline() - kTop - (kPitch - 16 / (72 / 25.4)) / 2 - 0.88 * 16 / (72 / 25.4)) /
          kPitch;
      EXPECT_NEAR(slot, std::round(slot), 1e-6) << "page " << p + 1;
    }
    if (p + 1 < r.body.size()) {
      // The last line of a page that continues sits on grid line 22.
      double last = r.body[p].back().baseline();
      EXPECT_NEAR(last, kTop + 21 * kPitch + (kPitch - 5.644) / 2 + 0.88 * 5.644, 0.01);
    }
  }
}

TEST(ArticleLayout, FirstLinesIndentTwoCellsLaterLinesFlushLeft) {
  auto r = renderSample();
  int indented = 0;
  for (const auto& page : r.body)
    for (const auto& l : page) {
      double offset = l.left() - kLeft;
      EXPECT_TRUE(std::abs(offset) < 0.01 || std::abs(offset - 2 * (156.0 - 5.644) / 27) < 0.01)
          << offset;
      indented += std::abs(offset) > 0.01;
    }
  EXPECT_GE(indented, 1);
}

TEST(ArticleLayout, TitleIsCentred22PointOnTheFirstLineThenTwoBlankLines) {
  auto r = renderSample();
  auto lines = test::linesOf(r.list.pages[0]);
  ASSERT_FALSE(lines.empty());
  const auto& title = lines[0];
  EXPECT_NEAR(title.glyphs[0].sizePt, 22, 1e-9);
  EXPECT_NEAR((title.left() + title.glyphs.back().right) / 2, 106, 0.3);
  const auto& firstBody = r.body[0][0];
  EXPECT_NEAR(firstBody.baseline() - title.baseline(),
              3 * kPitch + (22 - 16) / (72 / 25.4) * (0.5 - 0.88), 0.01);
}

TEST(ArticleLayout, NormalizationTurnsHalfWidthCommasFullWidth) {
  auto r = renderSample();
  std::u32string all;
  for (const auto& page : r.body)
    for (const auto& l : page) all += l.text();
  EXPECT_EQ(all.find(U','), std::u32string::npos);
  EXPECT_NE(all.find(U"6月13日上午，南京市"), std::u32string::npos);
  EXPECT_NE(all.find(U"；南京长江涂料有限公司"), std::u32string::npos);
}

TEST(ArticleLayout, NoLineBreaksTheKinsokuRules) {
  auto r = renderSample();
  for (const auto& page : r.body) {
    for (const auto& l : page) {
      auto t = l.text();
      EXPECT_FALSE(isNoLineStart(t.front())) << encodeUtf8(t);
      EXPECT_FALSE(isNoLineEnd(t.back())) << encodeUtf8(t);
    }
  }
}

TEST(ArticleLayout, PageNumbersSevenMillimetresBelowOddRightEvenLeft) {
  auto r = renderSample();
  for (size_t p = 0; p < r.list.pages.size(); ++p) {
    auto lines = test::linesOf(r.list.pages[p]);
    const auto& folio = lines.back();
    EXPECT_EQ(encodeUtf8(folio.text()), "— " + std::to_string(p + 1) + " —");
    EXPECT_NEAR(folio.glyphs[0].sizePt, 14, 1e-9);
    const double em = 14 / (72 / 25.4);
    EXPECT_NEAR(folio.baseline() - 0.88 * em, kBottom + 7, 0.01);  // top of the dash line
    if ((p + 1) % 2 == 1) {
      EXPECT_NEAR(folio.glyphs.back().right, kRight - em, 0.01);
    } else {
      EXPECT_NEAR(folio.left(), kLeft + em, 0.01);
    }
  }
}

TEST(ArticleLayout, RareCharacterFallsBackAtTheSameSizeAndBaseline) {
  auto rec = test::article("测试", "姓名𠮷野家与𪚥字同在一行。");
  auto list = test::engine().layout(rec, {}).list;
  auto lines = test::bodyLines(list.pages[0]);
  ASSERT_EQ(lines.size(), 1u);
  const test::GlyphMm* rare = nullptr;
  const test::GlyphMm* plain = nullptr;
  for (const auto& g : lines[0].glyphs) {
    if (g.ch == U'\U00020BB7') rare = &g;
    if (g.ch == U'姓') plain = &g;
  }
  ASSERT_TRUE(rare && plain);
  EXPECT_NE(rare->font, plain->font);
  EXPECT_TRUE(rare->font->hasGlyph(U'\U00020BB7'));
  EXPECT_DOUBLE_EQ(rare->sizePt, plain->sizePt);
  EXPECT_DOUBLE_EQ(rare->baseline, plain->baseline);
}

TEST(ArticleLayout, CharacterNoFontHasIsAnErrorNamingItAndWhere) {
  auto rec = test::article("测试", "第一段。\n第二段有个\U00016A40字。");
  try {
    test::engine().layout(rec, {});
    FAIL() << "expected a MissingGlyphError";
  } catch (const MissingGlyphError& e) {
    std::string what = e.what();
    EXPECT_EQ(e.codepoint(), 0x16A40u);
    EXPECT_NE(what.find("U+16A40"), std::string::npos) << what;
    EXPECT_NE(what.find("$.body"), std::string::npos) << what;
    EXPECT_NE(what.find("paragraph 2"), std::string::npos) << what;
    EXPECT_NE(what.find("character 6"), std::string::npos) << what;
  }
}

TEST(ArticleLayout, AllowMissingGlyphsMakesItAWarning) {
  auto rec = test::article("测试", "有个\U00016A40字。");
  RenderOptions opts;
  opts.allowMissingGlyphs = true;
  auto result = test::engine().layout(rec, opts);
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_NE(result.warnings[0].english().find("U+16A40"), std::string::npos);
}

}  // namespace
}  // namespace gongwen
