// The 7.3.5.5 page fitter as a unit (layout/SignaturePageFit): a flow of body paragraphs
// on the gongwen grid (22 lines a page, 28 characters a line, no header: the first page
// starts on grid line 0), then a signature block of a given height; what the fitter
// decides (fits, tighten, carry N lines, take back, pull) and what the page holds after.
#include "layout/SignaturePageFit.h"

#include <gtest/gtest.h>

#include <memory>

#include "common/Units.h"
#include "support/TestEngine.h"
#include "text/ParagraphComposer.h"

namespace gongwen {
namespace {

using test::engine;

const std::u32string kFiller = U"这是用于填充版面的一段正文。";  // one line
const std::u32string kChars =
    U"质量兴企业兴城市兴质量强企业强城市强全面落实科学发展观实现科学发展率先发展"
    U"必须以质量提升企业竞争力城市竞争力以质量促进经济转型升级";
// Three lines (26 after the indent, 28, 2) that fit in two with one character more a line.
const std::u32string kShortLast = kChars.substr(0, 55) + U"。";
// Two lines: 26 after the indent, then one character alone.
const std::u32string kLoneLast = kChars.substr(0, 27);

// Without a seal: one blank line, the issuer, the date.
const SignatureBlock kStack{2, std::nullopt, 2, 0};

class SignaturePageFit : public ::testing::Test {
 protected:
  const Layout& layout_ = engine().layouts().get("gongwen");
  FlowContext ctx_{layout_, engine().fonts(), ComposeOptions{}};

  // A paragraph of 正文 (its spacing may be tightened), or of something else (the 附件说明)
  // when `body` is false. Returns its lines.
  std::vector<LineBox> paragraph(const std::u32string& text, bool body = true) {
    const TextStyle& style = layout_.style("body");
    const ParagraphStyle ps = ctx_.paragraphStyle(style);
    auto shaped = std::make_shared<const ShapedText>(ctx_.shape(text, style, "$.body"));
    auto lines = composeParagraph(*shaped, ps);
    ctx_.placeParagraph(shaped, lines, body ? std::optional(ps) : std::nullopt);
    return lines;
  }
  void fillers(int n) {
    for (int i = 0; i < n; ++i) paragraph(kFiller);
  }
  size_t pages() const { return ctx_.flowLines().empty() ? 0 : ctx_.pageIndex() + 1; }
};

TEST_F(SignaturePageFit, FitsBelowTheBody) {
  fillers(10);
  const SignaturePlacement p = fitSignaturePage(ctx_, kStack, {});
  EXPECT_EQ(p.fit, SignatureFit::Fits);
  EXPECT_EQ(p.lines, 0);
  EXPECT_EQ(p.firstSlot, 11);  // line 9 the last filler, 10 blank
  EXPECT_EQ(pages(), 1u);
  EXPECT_EQ(ctx_.flowLines().size(), 10u);
}

// Body on grid lines 0-19: the block (blank, issuer, date) needs 20-22, one more than the
// page has; the three-line paragraph set one character a line tighter takes two.
TEST_F(SignaturePageFit, TightensThePageWithinOneCharacterALine) {
  fillers(17);
  ASSERT_EQ(paragraph(kShortLast).size(), 3u);
  ASSERT_EQ(ctx_.slot(), 20);
  EXPECT_EQ(signatureDeficit(ctx_, kStack), 1);
  const SignaturePlacement p = fitSignaturePage(ctx_, kStack, {2, 1});
  EXPECT_EQ(p.fit, SignatureFit::Tightened);
  EXPECT_EQ(p.lines, 1);
  EXPECT_EQ(pages(), 1u);
  EXPECT_EQ(ctx_.flowLines().size(), 19u);
  EXPECT_EQ(p.firstSlot, 20);
  EXPECT_EQ(signatureDeficit(ctx_, kStack), 0);
}

// The same page with tightening not allowed: its last two lines go over with the block.
TEST_F(SignaturePageFit, WithoutTighteningCarriesTwoLines) {
  fillers(17);
  paragraph(kShortLast);
  const SignaturePlacement p = fitSignaturePage(ctx_, kStack, {2, 0});
  EXPECT_EQ(p.fit, SignatureFit::Carried);
  EXPECT_EQ(p.lines, 2);
  EXPECT_EQ(pages(), 2u);
  EXPECT_EQ(bodyLinesOnPage(ctx_), 2);
}

// One-line paragraphs cannot be tightened: the last two lines of 正文 go to a new page,
// the block below them there.
TEST_F(SignaturePageFit, CarriesTheLastTwoBodyLines) {
  fillers(20);
  const SignaturePlacement p = fitSignaturePage(ctx_, kStack, {});
  EXPECT_EQ(p.fit, SignatureFit::Carried);
  EXPECT_EQ(p.lines, 2);
  EXPECT_EQ(pages(), 2u);
  EXPECT_EQ(ctx_.flowLines().size(), 2u);
  EXPECT_EQ(bodyLinesOnPage(ctx_), 2);
  EXPECT_EQ(p.firstSlot, 3);
  EXPECT_EQ(ctx_.previousFlowLines().size(), 18u);
}

// The 附件说明 does not count as 正文: two lines of it after the body go over too, with the
// two body lines above them.
TEST_F(SignaturePageFit, TheAttachmentNotesGoOverWithTwoBodyLines) {
  fillers(18);
  paragraph(U"附件：1．测试附件一", false);
  paragraph(U"2．测试附件二", false);
  const SignaturePlacement p = fitSignaturePage(ctx_, kStack, {});
  EXPECT_EQ(p.fit, SignatureFit::Carried);
  EXPECT_EQ(p.lines, 4);
  EXPECT_EQ(pages(), 2u);
  EXPECT_EQ(bodyLinesOnPage(ctx_), 2);
}

// A paragraph whose last line holds one character: that line is not one of the two; the
// two lines above it go over with it.
TEST_F(SignaturePageFit, ALoneLastCharacterIsNotALineOfBody) {
  fillers(19);
  const auto lone = paragraph(kLoneLast);
  ASSERT_EQ(lone.size(), 2u);
  ASSERT_EQ(lone.back().end - lone.back().first, 1u) << "the last line holds one character";
  ASSERT_EQ(ctx_.slot(), 21);
  // Two lines short; the paragraph could give one by tightening, the fillers none.
  const SignaturePlacement p = fitSignaturePage(ctx_, kStack, {});
  EXPECT_EQ(p.fit, SignatureFit::Carried);
  EXPECT_EQ(p.lines, 3);
  EXPECT_EQ(pages(), 2u);
  ASSERT_EQ(ctx_.flowLines().size(), 3u);
  EXPECT_FALSE(countsAsBodyLine(ctx_.flowLines().back()));
  EXPECT_EQ(bodyLinesOnPage(ctx_), 2);
  EXPECT_EQ(p.firstSlot, 4);
}

// The block fits below one line that ran over; the page before (one-line paragraphs)
// cannot take it back: its last line of 正文 comes over.
TEST_F(SignaturePageFit, PullsALineFromThePageBefore) {
  fillers(23);
  ASSERT_EQ(pages(), 2u);
  const SignaturePlacement p = fitSignaturePage(ctx_, kStack, {});
  EXPECT_EQ(p.fit, SignatureFit::Pulled);
  EXPECT_EQ(p.lines, 1);
  EXPECT_EQ(pages(), 2u);
  EXPECT_EQ(bodyLinesOnPage(ctx_), 2);
  EXPECT_EQ(ctx_.previousFlowLines().size(), 21u);
  EXPECT_EQ(p.firstSlot, 3);
}

// One line ran over a page whose last four paragraphs can each give a line: the page is
// tightened and takes back the line with the block (one page, no carrying).
TEST_F(SignaturePageFit, TightensThePageBeforeToTakeTheLineBack) {
  fillers(10);
  for (int i = 0; i < 4; ++i) paragraph(kShortLast);
  paragraph(kFiller);
  ASSERT_EQ(pages(), 2u);
  const SignaturePlacement p = fitSignaturePage(ctx_, kStack, {});
  EXPECT_EQ(p.fit, SignatureFit::TightenedBack);
  EXPECT_EQ(p.lines, 1);
  EXPECT_EQ(pages(), 1u);
  EXPECT_EQ(ctx_.list().pages.size(), 1u);
  EXPECT_EQ(ctx_.flowLines().size(), 19u);
  EXPECT_EQ(p.firstSlot, 20);
}

// With a seal its top is never above the text: the first line goes down until it is not.
TEST_F(SignaturePageFit, ASealsTopStaysBelowTheText) {
  fillers(5);
  const Grid& grid = ctx_.grid();
  const double seal = mmToPt(42);
  const double top = grid.linePitch - mmToPt(3) - seal / 2;
  const SignatureBlock block{1, top, 2, top + seal};
  const SignaturePlacement p = fitSignaturePage(ctx_, block, {});
  EXPECT_EQ(p.fit, SignatureFit::Fits);
  EXPECT_GE(grid.top + p.firstSlot * grid.linePitch + top, ctx_.anchor() - 0.01);
  EXPECT_LT(grid.top + (p.firstSlot - 1) * grid.linePitch + top, ctx_.anchor() - 0.01);
  EXPECT_GT(p.firstSlot, 5);
}

}  // namespace
}  // namespace gongwen
