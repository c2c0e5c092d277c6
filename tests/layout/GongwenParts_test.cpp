// 版记, attachments, page numbers, letters, minutes and the seal's input checks, on the
// display list in mm.
#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include <cmath>

#include "common/Errors.h"
#include "common/Utf8.h"
#include "support/DocumentPages.h"
#include "support/Process.h"
#include "support/TestEngine.h"

namespace gongwen {
namespace {

using namespace test;

const std::string kSamples = std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples";

DisplayList renderFile(const std::string& name) {
  RenderOptions o;
  o.baseDirectory = kSamples;
  return engine().layout(record(readText(kSamples + "/" + name)), o).list;
}

// The page number line of a page ("— N —"), or an empty line.
LineMm folioOf(const Page& page) {
  for (auto& l : linesOf(page)) {
    if (l.baseline() > kBlockBottom + 5) return l;
  }
  return {};
}

TEST(GongwenColophon, AtTheBottomOfTheLastPageBetweenThickAndThinRules) {
  auto list = renderFile("decision-quality-awards.json");
  const Page& last = list.pages.back();
  auto rules = rectsOf(last);
  ASSERT_EQ(rules.size(), 3u);
  for (const auto& r : rules) {
    EXPECT_NEAR(r.width, 156, 0.01);
    EXPECT_NEAR(r.x, kBlockLeft, 0.01);
    EXPECT_FALSE(isRed(r.color));
  }
  EXPECT_NEAR(rules[0].height, 0.35, 1e-6);
  EXPECT_NEAR(rules[1].height, 0.25, 1e-6);
  EXPECT_NEAR(rules[2].height, 0.35, 1e-6);
  EXPECT_NEAR(rules[2].bottom(), kBlockBottom, 0.01);  // on the block's bottom edge
  Found cc = findLine(list, U"抄送：");
  Found printed = findLine(list, U"印发");
  ASSERT_EQ(cc.page, static_cast<int>(list.pages.size()) - 1);
  const double em14 = emMm(14);
  EXPECT_NEAR(cc.line.glyphs[0].sizePt, 14, 1e-9);
  EXPECT_NEAR(cc.line.left(), kBlockLeft + em14, 0.01);
  EXPECT_GT(cc.line.baseline(), rules[0].bottom());
  EXPECT_LT(cc.line.baseline(), rules[1].y);
  EXPECT_GT(printed.line.baseline(), rules[1].bottom());
  EXPECT_LT(printed.line.baseline(), rules[2].y);
  EXPECT_NEAR(printed.line.left(), kBlockLeft + em14, 0.01);  // 南京市人民政府办公厅
  EXPECT_NEAR(printed.line.glyphs.back().right, kBlockRight - em14, 0.01);
  EXPECT_NE(printed.line.text().find(U"2012年6月14日印发"), std::u32string::npos);
  // Wrapped cc lines align after the colon, and the list ends with 。
  Found wrapped = findLine(list, U"南京警备区。");
  ASSERT_EQ(wrapped.page, cc.page);
  // (0.1 mm: the first line is justified, which moves its names by a few hundredths)
  EXPECT_NEAR(wrapped.line.left(), cc.line.glyphs[3].left, 0.1);
}

Poco::JSON::Object::Ptr signedDoc(int fillers) {
  Poco::JSON::Object::Ptr r = new Poco::JSON::Object;
  r->set("layout", "gongwen");
  r->set("issuer_mark", "南京市人民政府文件");
  r->set("title", "关于测试的通知");
  Poco::JSON::Array::Ptr body = new Poco::JSON::Array;
  for (int i = 0; i < fillers; ++i) body->add("这是用于填充版面的一段正文。");
  r->set("body", body);
  r->set("issuer", "南京市人民政府");
  r->set("date", "2012-06-13");
  Poco::JSON::Array::Ptr cc = new Poco::JSON::Array;
  cc->add("市委办公厅");
  r->set("cc", cc);
  r->set("printer", "南京市人民政府办公厅");
  r->set("print_date", "2012-06-14");
  return r;
}

TEST(GongwenColophon, APageOfItsOwnCarriesNoPageNumber) {
  int alone = 0;
  for (int f = 5; f < 30; ++f) {
    auto list = engine().layout(signedDoc(f), {}).list;
    auto pages = blackBodyLines(list);
    const bool onlyColophon = pages.back().empty();
    alone += onlyColophon;
    EXPECT_EQ(folioOf(list.pages.back()).glyphs.empty(), onlyColophon) << "fillers " << f;
    for (size_t p = 0; p + 1 < list.pages.size(); ++p) {
      EXPECT_EQ(encodeUtf8(folioOf(list.pages[p]).text()), "— " + std::to_string(p + 1) + " —");
    }
    // Never on top of the text above it.
    std::vector<RectMm> rules;
    for (const auto& r : rectsOf(list.pages.back())) {
      if (!isRed(r.color)) rules.push_back(r);
    }
    ASSERT_FALSE(rules.empty());
    for (const auto& l : pages.back()) EXPECT_LT(emBottom(l), rules.front().y);
  }
  EXPECT_GE(alone, 1);
}

TEST(GongwenAttachments, NewPageLabelThirdLineTitleNumbersRunOn) {
  auto list = renderFile("decision-quality-awards.json");
  Found label = findLine(list, U"附件");
  Found title;
  for (size_t p = 0; p < list.pages.size(); ++p) {
    for (auto& l : linesOf(list.pages[p])) {
      if (std::abs(l.glyphs[0].sizePt - 22) < 0.01 && p > 0) title = {static_cast<int>(p), l};
    }
  }
  // "附件：…" under the body comes first; the page's own label is the line that is only 附件.
  Found own;
  for (size_t p = 0; p < list.pages.size(); ++p) {
    for (auto& l : linesOf(list.pages[p])) {
      if (l.text() == U"附件") own = {static_cast<int>(p), l};
    }
  }
  ASSERT_EQ(own.page, 2);
  EXPECT_NEAR(own.line.left(), kBlockLeft, 0.01);
  EXPECT_NEAR(slotOf(own.line.baseline(), 16), 0, 1e-6);
  EXPECT_EQ(own.line.glyphs[0].font, engine().fonts().font("heiti").get());
  ASSERT_EQ(title.page, 2);
  EXPECT_EQ(encodeUtf8(title.line.text()), "2011年度南京市质量奖获奖企业名单");
  EXPECT_NEAR(slotOf(title.line.baseline(), 22), 2, 1e-6);
  EXPECT_NEAR(centreOf(title.line), 106, 0.3);
  EXPECT_EQ(encodeUtf8(folioOf(list.pages[2]).text()), "— 3 —");
  // The list under the body.
  Found note = findLine(list, U"附件：2011年度南京市质量奖获奖企业名单");
  ASSERT_EQ(note.page, 1);
  EXPECT_NEAR(note.line.left(), kBlockLeft + 2 * kCell, 0.01);
  (void)label;
}

TEST(GongwenAttachments, SeveralAreNumberedAndTheirNamesAligned) {
  auto r = record(R"({"layout": "gongwen", "issuer_mark": "南京市人民政府文件", "title": "标题",
    "body": "正文。",
    "attachments": [
      {"title": "2011年度南京市质量奖获奖企业名单", "body": "名单。"},
      {"title": "南京市质量强市工作2012年度目标任务分解方案及各区县各部门质量工作责任分工和考核办法。", "body": ["一、目标", "正文。"]}
    ]})");
  auto list = engine().layout(r, {}).list;
  Found first = findLine(list, U"附件：1.2011年度");
  Found second = findLine(list, U"2.南京市质量强市");
  ASSERT_GE(first.page, 0);
  ASSERT_GE(second.page, 0);
  double one = 0, name1 = 0;
  for (const auto& g : first.line.glyphs) {
    if (g.ch == U'1' && one == 0) one = g.left;
  }
  for (size_t i = 0; i + 1 < first.line.glyphs.size(); ++i) {
    if (first.line.glyphs[i].ch == U'.') name1 = first.line.glyphs[i + 1].left;
  }
  EXPECT_NEAR(second.line.left(), one, 0.01);  // 2. under 1.
  // The long second name wraps under its first character; no final 。
  auto lines = linesOf(list.pages[second.page]);
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i].text().find(U"2.南京市") != std::u32string::npos) {
      double name2 = 0;
      for (size_t k = 0; k + 1 < lines[i].glyphs.size(); ++k) {
        if (lines[i].glyphs[k].ch == U'.') name2 = lines[i].glyphs[k + 1].left;
      }
      EXPECT_NEAR(name2, name1, 0.1);  // justified lines move by a few hundredths
      EXPECT_NEAR(lines[i + 1].left(), name2, 0.1);
      EXPECT_NE(lines[i + 1].text().back(), U'。');
    }
  }
  Found label2;
  for (size_t p = 0; p < list.pages.size(); ++p) {
    for (auto& l : linesOf(list.pages[p])) {
      if (l.text() == U"附件2") label2 = {static_cast<int>(p), l};
    }
  }
  ASSERT_GE(label2.page, 2);
  EXPECT_NEAR(slotOf(label2.line.baseline(), 16), 0, 1e-6);
  Found heading = findLine(list, U"一、目标");
  EXPECT_EQ(heading.page, label2.page);
  EXPECT_EQ(heading.line.glyphs[0].font, engine().fonts().font("heiti").get());
}

std::string errorWhere(const std::string& json, RenderOptions o = {}) {
  try {
    engine().layout(record(json), o);
  } catch (const InputError& e) {
    return e.where() + ": " + e.message();
  }
  return "no error";
}

TEST(GongwenAttachments, BadAttachmentsAreNamed) {
  const std::string head =
      R"({"layout": "gongwen", "issuer_mark": "南京市人民政府文件", "title": "标题", "body": "正文。", "attachments": )";
  EXPECT_EQ(errorWhere(head + R"([{"body": "x"}]})").rfind("$.attachments[0].title: ", 0), 0u);
  EXPECT_EQ(errorWhere(head + R"([{"title": "名单", "layout": "nosuch"}]})")
                .rfind("$.attachments[0].layout: unknown layout", 0),
            0u);
  EXPECT_EQ(errorWhere(head + R"([{"title": "名单"}]})").rfind("$.attachments[0].body: ", 0), 0u);
  EXPECT_EQ(errorWhere(head + R"("名单"})").rfind("$.attachments: ", 0), 0u);
}

TEST(GongwenSeal, BadSealsAreInputErrorsNamingTheField) {
  TempDir dir;
  writeText(dir.file("not.png"), "GIF89a not a png");
  std::string png = readText(kSamples + "/specimen-seal.png");
  writeText(dir.file("cut.png"), png.substr(0, png.size() / 2));
  const std::string head =
      R"({"layout": "gongwen", "issuer_mark": "南京市人民政府文件", "title": "标题", "body": "正文。", "issuer": "南京市人民政府", "date": "2012-06-13", "seal": )";
  RenderOptions o;
  o.baseDirectory = dir.path();
  EXPECT_NE(errorWhere(head + R"("not.png"})", o).find("$.seal: the image is not a PNG"),
            std::string::npos);
  EXPECT_NE(errorWhere(head + R"("cut.png"})", o).find("$.seal: the image is cut short"),
            std::string::npos);
  EXPECT_NE(errorWhere(head + R"("missing.png"})", o).find("$.seal: cannot read"),
            std::string::npos);
  EXPECT_NE(errorWhere(head + R"("data:image/png;base64,@@@"})", o).find("$.seal: "),
            std::string::npos);
  EXPECT_NE(errorWhere(head + R"("data:image/gif;base64,AAAA"})", o).find("only PNG and JPEG"),
            std::string::npos);
  o.allowFilePaths = false;
  EXPECT_NE(errorWhere(head + R"("not.png"})", o).find("data:image/png;base64"), std::string::npos);
  EXPECT_NE(
      errorWhere(
          R"({"layout": "gongwen", "issuer_mark": "南京市人民政府文件", "title": "标题", "body": "正文。", "seal": "x.png"})")
          .find("$.seal: a seal needs"),
      std::string::npos);
}

TEST(GongwenSeal, DataUriWorksLikeTheFile) {
  std::string png = readText(kSamples + "/specimen-seal.png");
  static const char* b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string enc;
  for (size_t i = 0; i < png.size(); i += 3) {
    uint32_t v = static_cast<uint8_t>(png[i]) << 16;
    if (i + 1 < png.size()) v |= static_cast<uint8_t>(png[i + 1]) << 8;
    if (i + 2 < png.size()) v |= static_cast<uint8_t>(png[i + 2]);
    enc += b64[(v >> 18) & 63];
    enc += b64[(v >> 12) & 63];
    enc += i + 1 < png.size() ? b64[(v >> 6) & 63] : '=';
    enc += i + 2 < png.size() ? b64[v & 63] : '=';
  }
  RenderOptions o;
  o.allowFilePaths = false;
  auto list =
      engine()
          .layout(
              record(
                  R"({"layout": "gongwen", "issuer_mark": "南京市人民政府文件", "title": "标题", "body": "正文。", "issuer": "南京市人民政府", "date": "2012-06-13", "seal": "data:image/png;base64,)" +
                  enc + R"("})"),
              o)
          .list;
  auto images = imagesOf(list.pages[0]);
  ASSERT_EQ(images.size(), 1u);
  EXPECT_NEAR(images[0].width, 42, 0.01);
}

TEST(Letter, MarkThirtyMillimetresFromThePageTopDoubleLinesNoFirstPageNumber) {
  auto list = renderFile("letter-quality-inspection.json");
  std::vector<LineMm> red;
  for (auto& l : linesOf(list.pages[0])) {
    if (isRed(l.glyphs[0].color)) red.push_back(l);
  }
  ASSERT_EQ(red.size(), 1u);
  EXPECT_NEAR(emTop(red[0]), 30, 0.01);
  EXPECT_NEAR(centreOf(red[0]), 106, 0.05);
  auto rules = rectsOf(list.pages[0]);
  ASSERT_EQ(rules.size(), 4u);
  for (const auto& r : rules) {
    EXPECT_TRUE(isRed(r.color));
    EXPECT_NEAR(r.width, 170, 0.01);
    EXPECT_NEAR(r.x + r.width / 2, 106, 0.01);
  }
  EXPECT_NEAR(rules[0].y - emBottom(red[0]), 4, 0.01);
  EXPECT_GT(rules[0].height, rules[1].height);  // thick over thin
  EXPECT_LT(rules[2].height, rules[3].height);  // thin over thick
  EXPECT_NEAR(rules[3].bottom(), 297 - 20, 0.01);
  EXPECT_TRUE(folioOf(list.pages[0]).glyphs.empty());
  ASSERT_GE(list.pages.size(), 2u);
  EXPECT_EQ(encodeUtf8(folioOf(list.pages[1]).text()), "— 2 —");
  EXPECT_EQ(rectsOf(list.pages[1]).size(), 0u);  // double lines on the first page only
  Found number = findLine(list, U"宁质监函〔2012〕15号");
  ASSERT_EQ(number.page, 0);
  EXPECT_NEAR(number.line.glyphs.back().right, kBlockRight, 0.01);
  EXPECT_GE(emTop(number.line) - rules[1].bottom(), 0.875 * emMm(16));
  Found cc = findLine(list, U"抄送：");
  EXPECT_EQ(cc.page, static_cast<int>(list.pages.size()) - 1);
  EXPECT_EQ(findLine(list, U"印发").page, -1);
}

TEST(Minutes, MarkIssueAttendance) {
  auto list = renderFile("minutes-quality-conference.json");
  LineMm mark;
  for (auto& l : linesOf(list.pages[0])) {
    if (isRed(l.glyphs[0].color)) {
      mark = l;
      break;
    }
  }
  ASSERT_FALSE(mark.glyphs.empty());
  EXPECT_EQ(encodeUtf8(mark.text()), "南京市质量强市工作会议纪要");
  EXPECT_NEAR(emTop(mark), kBlockTop + 35, 0.01);
  EXPECT_NEAR(centreOf(mark), 106, 0.05);
  Found issue = findLine(list, U"第1期");
  EXPECT_NEAR(centreOf(issue.line), 106, 0.05);
  Found present = findLine(list, U"出席：");
  ASSERT_GE(present.page, 0);
  EXPECT_NEAR(present.line.left(), kBlockLeft + 2 * kCell, 0.01);
  EXPECT_EQ(present.line.glyphs[0].font, engine().fonts().font("heiti").get());
  EXPECT_EQ(present.line.glyphs[3].font, engine().fonts().font("fangsong").get());
  // The wrapped line starts after the colon (2 + 3 cells in).
  auto lines = linesOf(list.pages[present.page]);
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i].text().rfind(U"出席：", 0) == 0) {
      EXPECT_NEAR(lines[i + 1].left(), kBlockLeft + 5 * kCell, 0.01);
    }
  }
  Found observers = findLine(list, U"列席：");
  EXPECT_GT(observers.line.baseline(), present.line.baseline());
}

}  // namespace
}  // namespace gongwen
