// The 版头 and the title of the gongwen layout (GB/T 9704 7.2, 7.3.1, 7.3.2), asserted on
// the display list in mm.
#include <gtest/gtest.h>

#include <cmath>

#include "common/Errors.h"
#include "common/Utf8.h"
#include "support/DocumentPages.h"
#include "support/TestEngine.h"
#include "text/BalancedLines.h"

namespace gongwen {
namespace {

using namespace test;

const std::string kSamples = std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples";

DisplayList renderFile(const std::string& name) {
  RenderOptions o;
  o.baseDirectory = kSamples;
  return engine().layout(record(readText(kSamples + "/" + name)), o).list;
}

DisplayList render(const std::string& json) { return engine().layout(record(json), {}).list; }

// The first line of red text on page 1 (the mark).
LineMm markLine(const DisplayList& list) {
  for (auto& l : linesOf(list.pages[0])) {
    if (isRed(l.glyphs[0].color)) return l;
  }
  ADD_FAILURE() << "no red text on page 1";
  return {};
}

TEST(GongwenHeader, RedMarkTopIs35MillimetresBelowTheBlockTopCentredAndRed) {
  auto list = renderFile("decision-quality-awards.json");
  LineMm mark = markLine(list);
  ASSERT_FALSE(mark.glyphs.empty());
  EXPECT_EQ(encodeUtf8(mark.text()), "南京市人民政府文件");
  EXPECT_NEAR(emTop(mark), kBlockTop + 35, 0.01);
  EXPECT_NEAR(centreOf(mark), 106, 0.05);
  EXPECT_TRUE(isRed(mark.glyphs[0].color));
  EXPECT_GT(mark.glyphs[0].sizePt, 22);
  EXPECT_LE(mark.glyphs.back().right - mark.left(), 156.01);
}

TEST(GongwenHeader, MarkWiderThanTheBlockIsSetSmaller) {
  auto list =
      render(R"({"layout": "gongwen", "issuer_mark": "中华人民共和国国家质量监督检验检疫总局文件",
    "title": "标题", "body": "正文。"})");
  LineMm mark = markLine(list);
  EXPECT_NEAR(mark.glyphs.back().right - mark.left(), 156, 0.05);
  EXPECT_NEAR(emTop(mark), kBlockTop + 35, 0.01);
  EXPECT_NEAR(centreOf(mark), 106, 0.05);
}

TEST(GongwenHeader, DocumentNumberTwoLinesBelowTheMarkCentredOnTheGrid) {
  auto list = renderFile("decision-quality-awards.json");
  LineMm mark = markLine(list);
  Found number = findLine(list, U"宁政发〔2012〕88号");
  ASSERT_EQ(number.page, 0);
  const double gap = emTop(number.line) - emBottom(mark);
  EXPECT_GE(gap, 1.5 * kPitch);
  EXPECT_LE(gap, 2.5 * kPitch);
  EXPECT_NEAR(centreOf(number.line), 106, 0.05);
  const double slot = slotOf(number.line.baseline(), 16);
  EXPECT_NEAR(slot, std::round(slot), 1e-6);
}

TEST(GongwenHeader, RedRuleFourMillimetresBelowTheNumberAsWideAsTheBlock) {
  auto list = renderFile("decision-quality-awards.json");
  Found number = findLine(list, U"宁政发");
  std::vector<RectMm> red;
  for (const auto& r : rectsOf(list.pages[0])) {
    if (isRed(r.color)) red.push_back(r);
  }
  ASSERT_EQ(red.size(), 1u);
  EXPECT_NEAR(red[0].y - emBottom(number.line), 4, 0.01);
  EXPECT_NEAR(red[0].width, 156, 0.01);
  EXPECT_NEAR(red[0].x, kBlockLeft, 0.01);
}

TEST(GongwenHeader, TitleTwoLinesBelowTheRuleRecipientsOneBlankLineBelowTheTitle) {
  auto list = renderFile("decision-quality-awards.json");
  RectMm rule = rectsOf(list.pages[0]).front();
  std::vector<LineMm> title;
  for (auto& l : linesOf(list.pages[0])) {
    if (std::abs(l.glyphs[0].sizePt - 22) < 0.01) title.push_back(l);
  }
  ASSERT_EQ(title.size(), 2u);
  const double gap = emTop(title[0]) - rule.bottom();
  EXPECT_GE(gap, 1.5 * kPitch);
  EXPECT_LE(gap, 2.5 * kPitch);
  for (const auto& t : title) EXPECT_NEAR(centreOf(t), 106, 0.3);
  Found recipients = findLine(list, U"各区县人民政府，");
  ASSERT_EQ(recipients.page, 0);
  EXPECT_NEAR(slotOf(recipients.line.baseline(), 16),
              std::round(slotOf(title.back().baseline(), 22)) + 2, 1e-6);
  EXPECT_NEAR(recipients.line.left(), kBlockLeft, 0.01);
  EXPECT_EQ(recipients.line.text().back(), U'：');
}

TEST(GongwenHeader, EverySixteenPointBlackLineSitsOnTheGridOnEveryPage) {
  for (const char* sample : {"decision-quality-awards.json", "minutes-quality-conference.json",
                             "letter-quality-inspection.json"}) {
    auto pages = blackBodyLines(renderFile(sample));
    int lines = 0;
    for (size_t p = 0; p < pages.size(); ++p) {
      for (const auto& l : pages[p]) {
        const double slot = slotOf(l.baseline(), 16);
        EXPECT_NEAR(slot, std::round(slot), 1e-6)
            << sample << " page " << p + 1 << ": " << encodeUtf8(l.text());
        ++lines;
      }
    }
    EXPECT_GT(lines, 15) << sample;
  }
}

TEST(GongwenHeader, CopyNumberSecrecyAndUrgencyFlushLeftOnePerLine) {
  auto list = render(R"({"layout": "gongwen", "copy_number": "12", "secrecy": "秘密★1年",
    "urgency": "特急", "issuer_mark": "南京市人民政府文件", "title": "标题", "body": "正文。"})");
  auto lines = linesOf(list.pages[0]);
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(encodeUtf8(lines[0].text()), "000012");
  EXPECT_EQ(encodeUtf8(lines[1].text()), "秘密★1年");
  EXPECT_EQ(encodeUtf8(lines[2].text()), "特急");
  for (int i = 0; i < 3; ++i) {
    EXPECT_NEAR(lines[i].left(), kBlockLeft, 0.01);
    EXPECT_NEAR(slotOf(lines[i].baseline(), 16), i, 1e-6);
  }
  const auto& fonts = engine().fonts();
  EXPECT_EQ(lines[1].glyphs[0].font, fonts.font("heiti").get());
  EXPECT_EQ(lines[2].glyphs[0].font, fonts.font("heiti").get());
}

TEST(GongwenHeader, SignersRightAlignedAndTheNumberFlushLeftOnTheLastSignerLine) {
  auto list = render(R"({"layout": "gongwen", "issuer_mark": "南京市人民政府文件",
    "doc_number": "宁政报〔2012〕5号", "signers": ["季建业", "华静", "张明"],
    "title": "关于质量强市工作情况的报告", "body": "正文。"})");
  Found label = findLine(list, U"签发人：");
  Found number = findLine(list, U"宁政报〔2012〕5号");
  Found last = findLine(list, U"张明");
  ASSERT_EQ(label.page, 0);
  EXPECT_NEAR(number.line.baseline(), last.line.baseline(), 1e-6);
  EXPECT_NEAR(number.line.left(), kBlockLeft + kCell, 0.01);
  // The first signer line ends one em from the right edge; the next starts under 季建业.
  EXPECT_NEAR(label.line.glyphs.back().right, kBlockRight - kCell, 0.01);
  double firstName = 0;
  for (const auto& g : label.line.glyphs) {
    if (g.ch == U'季') firstName = g.left;
  }
  double third = 0;
  for (const auto& g : last.line.glyphs) {
    if (g.ch == U'张') third = g.left;
  }
  EXPECT_NEAR(third, firstName, 0.01);
  EXPECT_NEAR(last.line.baseline() - label.line.baseline(), kPitch, 1e-6);
  const auto& fonts = engine().fonts();
  for (const auto& g : label.line.glyphs) {
    if (g.ch == U'签') {
      EXPECT_EQ(g.font, fonts.font("fangsong").get());
    }
    if (g.ch == U'季') {
      EXPECT_EQ(g.font, fonts.font("kaiti").get());
    }
  }
}

TEST(GongwenHeader, JointIssuersStackWithWenjianCentredToTheirRight) {
  auto list =
      render(R"({"layout": "gongwen", "issuer_mark": ["南京市人民政府", "南京市质量技术监督局"],
    "title": "标题", "body": "正文。"})");
  std::vector<LineMm> red;
  for (auto& l : linesOf(list.pages[0])) {
    if (isRed(l.glyphs[0].color)) red.push_back(l);
  }
  ASSERT_EQ(red.size(), 3u);  // name, 文件, name (by baseline)
  EXPECT_EQ(encodeUtf8(red[1].text()), "文件");
  EXPECT_NEAR(emTop(red[0]), kBlockTop + 35, 0.01);
  const double namesMiddle = (emTop(red[0]) + emBottom(red[2])) / 2;
  EXPECT_NEAR((emTop(red[1]) + emBottom(red[1])) / 2, namesMiddle, 0.01);
  EXPECT_NEAR(red[0].left(), red[2].left(), 0.01);
  EXPECT_NEAR(red[0].glyphs.back().right, red[2].glyphs.back().right, 0.01);  // spread
  EXPECT_GT(red[1].left(), red[0].glyphs.back().right);
  EXPECT_NEAR((red[0].left() + red[1].glyphs.back().right) / 2, 106, 0.05);
}

TEST(GongwenHeader, DocumentNumberIsWrittenTheStandardWay) {
  auto number = [](const std::string& n) {
    auto list =
        render(R"({"layout": "gongwen", "issuer_mark": "南京市人民政府文件", "doc_number": ")" + n +
               R"(", "title": "标题", "body": "正文。"})");
    for (auto& l : linesOf(list.pages[0])) {
      if (l.text().find(U"发") != std::u32string::npos) return encodeUtf8(l.text());
    }
    return std::string();
  };
  EXPECT_EQ(number("宁政发[2012]88号"), "宁政发〔2012〕88号");
  EXPECT_EQ(number("宁政发（2012）88号"), "宁政发〔2012〕88号");
  auto error = [](const std::string& n) {
    try {
      render(R"({"layout": "gongwen", "issuer_mark": "南京市人民政府文件", "doc_number": ")" + n +
             R"(", "title": "标题", "body": "正文。"})");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(error("宁政发〔2012〕088号").find("$.doc_number"), std::string::npos);
  EXPECT_NE(error("宁政发〔2012〕088号").find("leading zero"), std::string::npos);
  EXPECT_NE(error("宁政发〔2012〕第88号").find("第"), std::string::npos);
  EXPECT_NE(error("宁政发2012-88").find("宁政发〔2012〕88号"), std::string::npos);
}

TEST(GongwenHeader, CopyNumberMustBeDigits) {
  try {
    render(R"({"layout": "gongwen", "copy_number": "A12", "issuer_mark": "南京市人民政府文件",
      "title": "标题", "body": "正文。"})");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "$.copy_number");
  }
}

// Titles: whole words, no character alone, a trapezoid or a diamond.
std::vector<LineMm> titleLines(const std::string& title) {
  auto list = render(R"({"layout": "gongwen", "issuer_mark": "南京市人民政府文件", "title": ")" +
                     title + R"(", "body": "正文。"})");
  std::vector<LineMm> out;
  for (auto& l : linesOf(list.pages[0])) {
    if (std::abs(l.glyphs[0].sizePt - 22) < 0.01) out.push_back(l);
  }
  return out;
}

TEST(GongwenTitle, LongTitleBreaksBetweenWordsIntoATrapezoid) {
  auto lines = titleLines("南京市人民政府关于表彰2011年度南京市质量奖获奖企业的决定");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(encodeUtf8(lines[0].text()), "南京市人民政府关于表彰2011年度");
  EXPECT_EQ(encodeUtf8(lines[1].text()), "南京市质量奖获奖企业的决定");
}

TEST(GongwenTitle, NoLineHoldsOneCharacterAndLinesFormATrapezoidOrDiamond) {
  for (const char* title : {"南京市人民政府办公厅关于印发南京市质量强市工作2012年度目标任务分解方案"
                            "和质量工作考核办法的通知",
                            "关于进一步加强全市重点产品质量安全监管工作的意见",
                            "南京市质量技术监督局关于商请协助开展2012年重点产品质量监督抽查的函",
                            "国务院关于印发质量发展纲要的通知的通知的通知"}) {
    auto lines = titleLines(title);
    ASSERT_FALSE(lines.empty());
    std::u32string all;
    std::vector<double> widths;
    for (const auto& l : lines) {
      EXPECT_GE(l.visibleGlyphs(), 2u) << title;
      EXPECT_NEAR(centreOf(l), 106, 0.3) << title;
      widths.push_back(l.glyphs.back().right - l.left());
      all += l.text();
    }
    EXPECT_EQ(encodeUtf8(all), title);
    EXPECT_TRUE(isTrapezoidOrDiamond(widths, 22 * 25.4 / 72 / 2)) << title;
  }
}

TEST(GongwenTitle, EveryLengthBalancesIntoATrapezoidOrDiamond) {
  // Titles of every length from one line to four, cut from one long title.
  const std::u32string source = decodeUtf8(
      "南京市人民政府办公厅关于印发南京市质量强市工作2012年度目标任务分解方案和质量工作考核"
      "办法及重点产品质量安全监管工作实施意见的通知");
  size_t multiLine = 0, threeOrMore = 0;
  for (size_t n = 12; n <= source.size(); n += 3) {
    const std::string title = encodeUtf8(source.substr(0, n)) + "的通知";
    auto lines = titleLines(title);
    ASSERT_FALSE(lines.empty()) << title;
    std::vector<double> widths;
    for (const auto& l : lines) widths.push_back(l.glyphs.back().right - l.left());
    EXPECT_TRUE(isTrapezoidOrDiamond(widths, 22 * 25.4 / 72 / 2)) << title;
    multiLine += lines.size() >= 2;
    threeOrMore += lines.size() >= 3;
  }
  EXPECT_GE(multiLine, 5u);  // the loop reached titles that break
  EXPECT_GE(threeOrMore, 1u);
}

}  // namespace
}  // namespace gongwen
