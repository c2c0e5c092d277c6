// Certificates (layout kind "boxes"): text stays inside its box, long names shrink and then
// wrap to two balanced lines, a text that cannot fit is an error naming its field, dates
// print in Chinese numerals, and the border is one form XObject however many pages use it.
#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

#include <cmath>
#include <regex>

#include "common/Errors.h"
#include "common/Units.h"
#include "common/Utf8.h"
#include "layout/BoxTemplate.h"
#include "model/Record.h"
#include "pdf/PdfWriter.h"
#include "support/DataUri.h"
#include "support/KeptPdfs.h"
#include "support/PageLines.h"
#include "support/TestEngine.h"

namespace gongwen {
namespace {

const std::string kSample =
    std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples/certificate-mayor-quality-award.json";

Poco::JSON::Object::Ptr sample() {
  auto rec = test::record(test::readText(kSample));
  rec->remove("seal");  // the sample names its seal relative to samples/
  return rec;
}

const TextBoxSpec& box(const std::string& layout, const std::string& role) {
  static std::map<std::string, std::shared_ptr<const BoxTemplate>> templates;
  auto& tpl = templates[layout];
  if (!tpl) tpl = parseBoxTemplate(test::engine().layouts().get(layout), test::engine().fonts());
  for (const auto& b : tpl->boxes) {
    if (b.role == role) return b;
  }
  throw std::runtime_error("no box " + role);
}

// The lines whose text contains `needle`.
std::vector<test::LineMm> linesWith(const Page& page, const std::u32string& needle) {
  std::vector<test::LineMm> out;
  for (auto& l : test::linesOf(page)) {
    if (l.text().find(needle) != std::u32string::npos) out.push_back(l);
  }
  return out;
}

// Every glyph of `lines` lies inside the box (em box vertically, advance horizontally; a
// line-end ，。： counts its ink, the blank half hangs as on the body grid).
void expectInside(const std::vector<test::LineMm>& lines, const TextBoxSpec& b) {
  ASSERT_FALSE(lines.empty()) << b.role << ": the text looked for is not on the page";
  const double eps = 0.05;  // mm
  for (const auto& l : lines) {
    EXPECT_LE(l.inkRight(), ptToMm(b.x + b.width) + eps) << b.role;
    for (size_t i = 0; i < l.glyphs.size(); ++i) {
      const auto& g = l.glyphs[i];
      const double size = ptToMm(g.sizePt);
      EXPECT_GE(g.left, ptToMm(b.x) - eps) << b.role;
      if (i + 1 < l.glyphs.size()) {
        EXPECT_LE(g.right, ptToMm(b.x + b.width) + eps) << b.role;
      }
      EXPECT_GE(g.baseline - 0.88 * size, ptToMm(b.y) - eps) << b.role;
      EXPECT_LE(g.baseline + 0.12 * size, ptToMm(b.y + b.height) + eps) << b.role;
    }
  }
}

TEST(Certificate, SampleIsOneLandscapePageWithItsArtFirst) {
  auto list = test::engine().layout(sample(), {}).list;
  ASSERT_EQ(list.pages.size(), 1u);
  const Page& page = list.pages[0];
  EXPECT_NEAR(ptToMm(page.widthPt), 297, 0.01);
  EXPECT_NEAR(ptToMm(page.heightPt), 210, 0.01);
  ASSERT_FALSE(page.items.empty());
  const auto* art = std::get_if<PlacedArtwork>(&page.items.front());
  ASSERT_NE(art, nullptr);
  EXPECT_GT(art->art->paths.size(), 10u);
  EXPECT_EQ(list.info.title, "中电电气集团有限公司");
  EXPECT_EQ(list.info.author, "南京市人民政府");
}

TEST(Certificate, EveryTextSitsInsideItsBox) {
  auto list = test::engine().layout(sample(), {}).list;
  const Page& page = list.pages[0];
  expectInside(linesWith(page, U"中电电气集团有限公司："), box("certificate", "recipient"));
  expectInside(linesWith(page, U"市长质量奖"), box("certificate", "citation"));
  expectInside(linesWith(page, U"南京市人民政府"), box("certificate", "issuer"));
  expectInside(linesWith(page, U"二〇一二年六月十三日"), box("certificate", "date"));
  expectInside(linesWith(page, U"证书编号"), box("certificate", "serial"));
}

TEST(Certificate, TitleDefaultsAndCanBeGiven) {
  auto list = test::engine().layout(sample(), {}).list;
  EXPECT_EQ(linesWith(list.pages[0], U"奖　　状").size(), 1u);
  auto rec = sample();
  rec->set("title", "荣誉证书");
  list = test::engine().layout(rec, {}).list;
  EXPECT_EQ(linesWith(list.pages[0], U"荣誉证书").size(), 1u);
}

TEST(Certificate, CitationNormalizedAndJustifiedWithIndent) {
  auto list = test::engine().layout(sample(), {}).list;
  auto lines = linesWith(list.pages[0], U"，");  // half-width commas became full-width
  ASSERT_FALSE(lines.empty());
  const TextBoxSpec& b = box("certificate", "citation");
  auto all = test::linesOf(list.pages[0]);
  std::vector<test::LineMm> citation;
  for (auto& l : all) {
    if (l.glyphs.front().sizePt < b.sizePt + 0.01 && l.baseline() > ptToMm(b.y) &&
        l.baseline() < ptToMm(b.y + b.height))
      citation.push_back(l);
  }
  ASSERT_GE(citation.size(), 2u);
  const double em = ptToMm(citation[0].glyphs[0].sizePt);
  EXPECT_NEAR(citation[0].left(), ptToMm(b.x) + 2 * em, 0.05);  // two-em indent
  for (size_t i = 0; i + 1 < citation.size(); ++i) {            // justified
    EXPECT_NEAR(citation[i].glyphs.back().right, ptToMm(b.x + b.width), 0.6) << i;
  }
}

TEST(Certificate, LongRecipientShrinksOnOneLine) {
  auto rec = sample();
  rec->set("recipient", "南京浦口轨道交通设备制造工程技术集团有限公司");  // 22 characters
  auto list = test::engine().layout(rec, {}).list;
  auto lines = linesWith(list.pages[0], U"有限公司：");
  ASSERT_EQ(lines.size(), 1u);
  const TextBoxSpec& b = box("certificate", "recipient");
  EXPECT_LT(lines[0].glyphs[0].sizePt, b.sizePt);
  EXPECT_GE(lines[0].glyphs[0].sizePt, b.minSizePt);
  expectInside(lines, b);
}

TEST(Certificate, VeryLongRecipientWrapsToTwoBalancedLines) {
  auto rec = sample();
  rec->set("recipient", "江苏省南京市浦口区轨道交通设备制造与工程技术研究开发集团股份有限公司");
  auto list = test::engine().layout(rec, {}).list;
  const TextBoxSpec& b = box("certificate", "recipient");
  std::vector<test::LineMm> lines;
  for (auto& l : test::linesOf(list.pages[0])) {
    if (l.baseline() < ptToMm(b.y + b.height) && l.baseline() > ptToMm(b.y)) lines.push_back(l);
  }
  ASSERT_EQ(lines.size(), 2u);
  expectInside(lines, b);
  const auto first = lines[0].visibleGlyphs(), second = lines[1].visibleGlyphs();
  EXPECT_LE(std::abs(static_cast<long>(first) - static_cast<long>(second)), 4)
      << first << " " << second;
  EXPECT_EQ(lines[0].text() + lines[1].text(),
            U"江苏省南京市浦口区轨道交通设备制造与工程技术研究开发集团股份有限公司：");
}

TEST(Certificate, TextThatCannotFitIsAnErrorNamingTheField) {
  auto rec = sample();
  std::string longText;
  for (int i = 0; i < 30; ++i) longText += "在质量管理、质量创新和经营业绩方面成绩显著。";
  rec->set("citation", longText);
  try {
    test::engine().layout(rec, {});
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "$.citation");
    EXPECT_NE(e.message().find("too long for its box (citation): at the smallest size, 15pt"),
              std::string::npos)
        << e.message();
  }
}

TEST(Certificate, MissingRequiredFieldIsNamed) {
  auto rec = sample();
  rec->remove("recipient");
  try {
    test::engine().layout(rec, {});
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "$.recipient");
  }
}

TEST(Certificate, OptionalSerialLeftOutWhenAbsent) {
  // Printed when given …
  ASSERT_FALSE(linesWith(test::engine().layout(sample(), {}).list.pages[0], U"证书编号").empty());
  // … and left out, line and label, when not.
  auto rec = sample();
  rec->remove("serial");
  auto list = test::engine().layout(rec, {}).list;
  EXPECT_TRUE(linesWith(list.pages[0], U"证书编号").empty());
}

TEST(Certificate, DatesInChineseNumerals) {
  Date d{2012, 6, 13};
  EXPECT_EQ(chineseNumeralDate(d), "二〇一二年六月十三日");
  EXPECT_EQ(chineseNumeralDate(Date{2020, 10, 30}), "二〇二〇年十月三十日");
  EXPECT_EQ(chineseNumeralDate(Date{2021, 12, 21}), "二〇二一年十二月二十一日");
  EXPECT_EQ(chineseNumeralDate(Date{2009, 1, 5}), "二〇〇九年一月五日");
  EXPECT_EQ(chineseNumeralDate(Date{2011, 11, 10}), "二〇一一年十一月十日");
}

TEST(Certificate, HonorCertificateInsidePagePlacesTextOnTheRightPage) {
  auto rec = sample();
  rec->set("layout", "honor-certificate");
  rec->set("recipient", "欧阳明辉同志");
  auto list = test::engine().layout(rec, {}).list;
  ASSERT_EQ(list.pages.size(), 1u);
  EXPECT_NEAR(ptToMm(list.pages[0].widthPt), 285, 0.01);
  for (auto& l : test::linesOf(list.pages[0])) EXPECT_GT(l.left(), 285.0 / 2);
  expectInside(linesWith(list.pages[0], U"欧阳明辉同志："), box("honor-certificate", "recipient"));
}

int count(const std::string& text, const std::string& needle) {
  int n = 0;
  for (size_t pos = 0; (pos = text.find(needle, pos)) != std::string::npos; pos += needle.size())
    ++n;
  return n;
}

TEST(Certificate, ArtIsOneFormXObjectForAllPages) {
  DisplayList merged;
  for (const char* name : {"张三", "李四", "王五"}) {
    auto rec = sample();
    rec->set("recipient", name);
    auto list = test::engine().layout(rec, {}).list;
    for (auto& p : list.pages) merged.pages.push_back(std::move(p));
  }
  PdfOptions uncompressed;
  uncompressed.compress = false;
  auto pdf = writePdf(merged, uncompressed);
  std::string text(pdf.begin(), pdf.end());
  test::keepPdf(text);  // for the suite's qpdf and mutool check
  EXPECT_EQ(count(text, "/Subtype /Form"), 1);
  EXPECT_EQ(count(text, "/Fm1 Do"), 3);
}

TEST(Certificate, TheSameSealIsEmbeddedOnce) {
  DisplayList merged;
  const std::string seal = test::specimenSealDataUri();
  for (const char* name : {"张三", "李四", "王五"}) {
    auto rec = sample();
    rec->set("recipient", name);
    rec->set("seal", seal);
    auto list = test::engine().layout(rec, {}).list;  // each loads its own copy
    for (auto& p : list.pages) merged.pages.push_back(std::move(p));
  }
  PdfOptions uncompressed;
  uncompressed.compress = false;
  auto pdf = writePdf(merged, uncompressed);
  std::string text(pdf.begin(), pdf.end());
  test::keepPdf(text);                           // for the suite's qpdf and mutool check
  EXPECT_EQ(count(text, "/Subtype /Image"), 2);  // the colours and their alpha mask
}

}  // namespace
}  // namespace gongwen
