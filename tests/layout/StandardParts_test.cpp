// The parts of GB/T 9704 beyond one issuer and one seal, on the display list in mm: joint
// issuers with seals (7.3.5.1) and without (7.3.5.2), the 签名章 (7.3.5.3), the 命令 format
// (10.3), tables and figures in the body.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "common/Errors.h"
#include "common/Utf8.h"
#include "pdf/PdfWriter.h"
#include "support/DataUri.h"
#include "support/DocumentPages.h"
#include "support/Process.h"
#include "support/TestEngine.h"

namespace gongwen {
namespace {

using namespace test;

const std::string kSamples = std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples";

DisplayList layoutOf(const std::string& json) {
  RenderOptions o;
  o.baseDirectory = kSamples;
  return engine().layout(record(json), o).list;
}

// Where the InputError points ("no error" when there is none).
std::string errorAt(const std::string& json) {
  try {
    layoutOf(json);
  } catch (const InputError& e) {
    return e.where();
  }
  return "no error";
}

std::string quoted(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", \"" : "\"") + items[i] + "\"";
  return out + "]";
}

const std::string kBody =
    R"("body": ["为全面实施质量强市战略，经研究，决定开展质量强市示范城市创建工作。"])";

std::string notice(const std::string& issuer, const std::string& seal,
                   const std::string& more = "") {
  return R"({"layout": "gongwen", "issuer_mark": "南京市人民政府文件", "title": "关于测试的通知", )" +
         kBody + R"(, "issuer": )" + issuer + R"(, "date": "2012-06-13")" +
         (seal.empty() ? "" : R"(, "seal": )" + seal) + more + "}";
}

// The last page's images, in mm.
std::vector<ImageMm> lastImages(const DisplayList& list) { return imagesOf(list.pages.back()); }

bool overlapOrTouch(const ImageMm& a, const ImageMm& b) {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height &&
         b.y <= a.y + a.height;
}

TEST(JointSeals, TwoIssuersTwoSealsEachPressingItsNameTheLastTheDate) {
  auto list = layoutOf(notice(quoted({"南京市人民政府", "江苏省质量技术监督局"}),
                              quoted({"specimen-seal.png", "specimen-seal.png"})));
  auto images = lastImages(list);
  ASSERT_EQ(images.size(), 2u);
  EXPECT_FALSE(overlapOrTouch(images[0], images[1]));
  EXPECT_LT(images[0].x + images[0].width, images[1].x);  // issuer order: left to right
  Found first = findLine(list, U"南京市人民政府");
  Found second = findLine(list, U"江苏省质量技术监督局");
  Found date = findLine(list, U"2012年6月13日");
  ASSERT_GE(first.page, 0);
  ASSERT_GE(date.page, 0);
  // Both names on one line, each centred under its seal.
  auto centreOfText = [&](const LineMm& line, const std::u32string& name) {
    const std::u32string t = line.text();
    size_t at = t.find(name);
    EXPECT_NE(at, std::u32string::npos);
    // glyphs and characters correspond one to one in these names
    return (line.glyphs[at].left + line.glyphs[at + name.size() - 1].right) / 2;
  };
  const LineMm& names = first.line;
  EXPECT_NEAR(centreOfText(names, U"南京市人民政府"), images[0].x + images[0].width / 2, 0.05);
  EXPECT_NEAR(centreOfText(second.line, U"江苏省质量技术监督局"), images[1].x + images[1].width / 2,
              0.05);
  // The last seal centred on the date, which has the four-em right indent.
  EXPECT_NEAR(centreOf(date.line), images[1].x + images[1].width / 2, 0.05);
  EXPECT_NEAR(date.line.glyphs.back().right, kBlockRight - 4 * kCell, 0.05);
  EXPECT_NEAR(date.line.baseline() - names.baseline(), kPitch, 0.01);
  for (const auto& img : images) {
    EXPECT_GE(img.x, kBlockLeft - 0.01);
    EXPECT_LE(img.x + img.width, kBlockRight + 0.01);
    // Pressing the names: the names' em box lies inside the seal's height.
    EXPECT_LT(img.y, emTop(names));
    EXPECT_GT(img.y + img.height, emBottom(date.line));
  }
  // The first row's top within one line below the body.
  auto body = blackBodyLines(list).back();
  double bodyBottom = 0;
  for (const auto& l : body) {
    if (l.text().find(U"创建工作") != std::u32string::npos) bodyBottom = emBottom(l);
  }
  ASSERT_GT(bodyBottom, 0);
  EXPECT_GE(images[0].y, bodyBottom - 0.01);
  EXPECT_LE(images[0].y - bodyBottom, kPitch);
}

TEST(JointSeals, FourSealsGoInRowsNeverTouchingNorLeavingTheBlock) {
  auto list = layoutOf(notice(
      quoted({"南京市人民政府", "江苏省质量技术监督局", "南京市财政局", "南京市质量技术监督局"}),
      quoted(std::vector<std::string>(4, "specimen-seal.png"))));
  auto images = lastImages(list);
  ASSERT_EQ(images.size(), 4u);
  std::set<long> rows;
  for (size_t i = 0; i < images.size(); ++i) {
    rows.insert(std::lround(images[i].y));
    EXPECT_GE(images[i].x, kBlockLeft - 0.01);
    EXPECT_LE(images[i].x + images[i].width, kBlockRight + 0.01);
    EXPECT_LE(images[i].y + images[i].height, kBlockBottom + 0.01);
    for (size_t j = i + 1; j < images.size(); ++j) {
      EXPECT_FALSE(overlapOrTouch(images[i], images[j])) << i << " and " << j;
    }
  }
  EXPECT_GE(rows.size(), 2u);
  // The last seal is the lowest and presses the date.
  Found date = findLine(list, U"2012年6月13日");
  const ImageMm& last = images.back();
  for (const auto& img : images) EXPECT_LE(img.y, last.y + 0.01);
  EXPECT_NEAR(centreOf(date.line), last.x + last.width / 2, 0.05);
  for (const auto& name :
       {U"南京市人民政府", U"江苏省质量技术监督局", U"南京市财政局", U"南京市质量技术监督局"}) {
    EXPECT_GE(findLine(list, name).page, 0);
  }
}

TEST(JointSeals, ALongNameCentredOnItsSealStaysInTheBlock) {
  // The last name is longer than the seal's column by the date: the column moves left
  // until the name ends at the block's right edge; its seal still presses the date.
  auto list = layoutOf(
      notice(quoted({"南京市人民政府", "江苏省质量技术监督局", "南京市质量强市工作领导小组办公室"}),
             quoted(std::vector<std::string>(3, "specimen-seal.png"))));
  Found name = findLine(list, U"南京市质量强市工作领导小组办公室");
  ASSERT_GE(name.page, 0);
  EXPECT_LE(name.line.inkRight(), kBlockRight + 0.01);
  auto images = lastImages(list);
  ASSERT_EQ(images.size(), 3u);
  const ImageMm& last = images.back();
  EXPECT_NEAR(centreOf(name.line), last.x + last.width / 2, 0.05);  // centred on its seal
  Found date = findLine(list, U"2012年6月13日");
  EXPECT_LT(last.x, date.line.left());  // pressing the date
  EXPECT_GT(last.x + last.width, centreOf(date.line));
  for (const auto& img : images) {
    EXPECT_GE(img.x, kBlockLeft - 0.01);
    EXPECT_LE(img.x + img.width, kBlockRight + 0.01);
  }
}

TEST(JointSeals, WhereverTheBodyEndsTheSealsStayInTheBlockWithBodyTextAbove) {
  int checked = 0;
  for (int fillers = 8; fillers <= 30; fillers += 2) {
    std::string body = R"("body": [)";
    for (int i = 0; i < fillers; ++i)
      body += std::string(i ? ", " : "") + "\"这是用于填充版面的一段正文。\"";
    body += "]";
    auto list = layoutOf(
        R"({"layout": "gongwen", "issuer_mark": "南京市人民政府文件", "title": "关于测试的通知", )" +
        body +
        R"(, "issuer": ["南京市人民政府", "江苏省质量技术监督局"], "seal": ["specimen-seal.png", "specimen-seal.png"], "date": "2012-06-13"})");
    Found date = findLine(list, U"2012年6月13日");
    ASSERT_GE(date.page, 0) << fillers;
    auto images = imagesOf(list.pages[date.page]);
    ASSERT_EQ(images.size(), 2u) << fillers;
    for (const auto& img : images) {
      EXPECT_GE(img.y, kBlockTop - 0.01) << fillers;
      EXPECT_LE(img.y + img.height, kBlockBottom + 0.01) << fillers;
    }
    int bodyAbove = 0;
    const auto pages = blackBodyLines(list);
    for (const auto& l : pages[date.page]) {
      if (l.text().find(U"填充版面") != std::u32string::npos && l.baseline() < date.line.baseline())
        ++bodyAbove;
    }
    EXPECT_GE(bodyAbove, 2) << fillers
                            << " fillers: the seals' page carries two lines of 正文 (7.3.5.5)";
    ++checked;
  }
  EXPECT_EQ(checked, 12);
}

TEST(JointSeals, OneIssuerAsAListOfOneIsTheSingleIssuer) {
  auto single = layoutOf(notice(R"("南京市人民政府")", R"("specimen-seal.png")"));
  auto listed = layoutOf(notice(R"(["南京市人民政府"])", R"(["specimen-seal.png"])"));
  auto a = lastImages(single), b = lastImages(listed);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_NEAR(a[0].x, b[0].x, 1e-9);
  EXPECT_NEAR(a[0].y, b[0].y, 1e-9);
  EXPECT_NEAR(findLine(single, U"南京市人民政府").line.left(),
              findLine(listed, U"南京市人民政府").line.left(), 1e-9);
}

TEST(JointSeals, BadCountsAndSealsAreInputErrorsNamingTheField) {
  EXPECT_EQ(errorAt(notice(quoted({"南京市人民政府", "江苏省质量技术监督局"}),
                           quoted({"specimen-seal.png"}))),
            "$.seal");
  EXPECT_EQ(
      errorAt(notice(R"("南京市人民政府")", quoted({"specimen-seal.png", "specimen-seal.png"}))),
      "$.seal");
  EXPECT_EQ(errorAt(notice(quoted({"南京市人民政府", "江苏省质量技术监督局"}),
                           quoted({"specimen-seal.png", "no-such-seal.png"}))),
            "$.seal[1]");
  EXPECT_EQ(errorAt(notice(quoted({"南京市人民政府", ""}), "")), "$.issuer[1]");
  EXPECT_EQ(errorAt(notice(R"(["南京市人民政府", 3])", "")), "$.issuer[1]");
}

TEST(JointIssuersWithoutSeals, NamesStackInOrderAboveTheDate) {
  auto list =
      layoutOf(notice(quoted({"南京市人民政府", "江苏省质量技术监督局", "南京市财政局"}), ""));
  Found a = findLine(list, U"南京市人民政府");
  Found b = findLine(list, U"江苏省质量技术监督局");
  Found c = findLine(list, U"南京市财政局");
  Found date = findLine(list, U"2012年6月13日");
  ASSERT_GE(a.page, 0);
  ASSERT_GE(date.page, 0);
  EXPECT_NEAR(b.line.baseline() - a.line.baseline(), kPitch, 0.01);
  EXPECT_NEAR(c.line.baseline() - b.line.baseline(), kPitch, 0.01);
  EXPECT_NEAR(date.line.baseline() - c.line.baseline(), kPitch, 0.01);
  // One column; the longest name with the two-em right indent; the date two em right of it.
  EXPECT_NEAR(a.line.left(), b.line.left(), 0.01);
  EXPECT_NEAR(c.line.left(), b.line.left(), 0.01);
  EXPECT_NEAR(b.line.glyphs.back().right, kBlockRight - 2 * kCell, 0.05);
  EXPECT_NEAR(date.line.left(), b.line.left() + 2 * kCell, 0.05);
  EXPECT_TRUE(lastImages(list).empty());
}

std::string order(const std::string& more) {
  return R"({"layout": "order", "mark": "南京市人民政府令", "order_number": "第88号", )" + kBody +
         R"(, "date": "2012-06-13")" + more + "}";
}

TEST(OrderFormat, MarkTwentyMillimetresBelowTheBlockTopNumberAndBodyTwoLinesBelow) {
  auto list = layoutOf(order(R"(, "signer_title": "市长", "signer": "季建业")"));
  const Page& page = list.pages.front();
  std::vector<LineMm> red;
  for (const auto& l : linesOf(page)) {
    if (isRed(l.glyphs.front().color)) red.push_back(l);
  }
  ASSERT_EQ(red.size(), 1u);
  EXPECT_EQ(red[0].text(), U"南京市人民政府令");
  EXPECT_NEAR(emTop(red[0]), kBlockTop + 20, 0.3);
  EXPECT_NEAR(centreOf(red[0]), (kBlockLeft + kBlockRight) / 2, 0.3);
  Found number = findLine(list, U"第88号");
  ASSERT_EQ(number.page, 0);
  EXPECT_NEAR(centreOf(number.line), (kBlockLeft + kBlockRight) / 2, 0.05);
  // Two blank lines: the number's em top about two line pitches below the mark.
  EXPECT_NEAR(emTop(number.line) - emBottom(red[0]), 2 * kPitch, kPitch / 2);
  Found body = findLine(list, U"为全面实施");
  ASSERT_EQ(body.page, 0);
  EXPECT_NEAR(body.line.baseline() - number.line.baseline(), 3 * kPitch, 0.01);
}

TEST(SignatureSeal, TitleThenNameOneBlankLineBelowTheBodyDateBelow) {
  auto list = layoutOf(order(R"(, "signer_title": "市长", "signer": "季建业")"));
  Found signer = findLine(list, U"市长");
  Found date = findLine(list, U"2012年6月13日");
  Found body = findLine(list, U"创建工作");
  ASSERT_GE(signer.page, 0);
  EXPECT_NE(signer.line.text().find(U"季建业"), std::u32string::npos);
  EXPECT_NEAR(signer.line.baseline() - body.line.baseline(), 2 * kPitch, 0.01);
  EXPECT_NEAR(date.line.baseline() - signer.line.baseline(), kPitch, 0.01);
  // The date (longer than 市长　季建业) has the two-em right indent; the title starts two em
  // left of it (7.3.5.2).
  EXPECT_NEAR(date.line.glyphs.back().right, kBlockRight - 2 * kCell, 0.05);
  EXPECT_NEAR(signer.line.left(), date.line.left() - 2 * kCell, 0.05);
  // One em between the title (two characters) and the name.
  EXPECT_NEAR(signer.line.glyphs[2].left - signer.line.glyphs[0].left, 3 * kCell, 0.2);
}

TEST(SignatureSeal, TheSealStandsRightOfTheTitleOnItsLine) {
  auto list = layoutOf(order(R"(, "signer_title": "市长", "signature_seal": "specimen-seal.png")"));
  Found signer = findLine(list, U"市长");
  ASSERT_GE(signer.page, 0);
  auto images = imagesOf(list.pages[signer.page]);
  ASSERT_EQ(images.size(), 1u);
  EXPECT_NEAR(images[0].height, 10, 0.01);
  EXPECT_NEAR(images[0].x, signer.line.glyphs.front().left + 3 * kCell, 0.2);
  const double middle = (emTop(signer.line) + emBottom(signer.line)) / 2;
  EXPECT_NEAR(images[0].y + images[0].height / 2, middle, 0.05);
  EXPECT_LE(images[0].x + images[0].width, kBlockRight - 2 * kCell + 0.05);
}

TEST(SignatureSeal, CountsMustMatch) {
  EXPECT_EQ(errorAt(order(R"(, "signer_title": ["市长", "副市长"], "signer": "季建业")")),
            "$.signer_title");
  EXPECT_EQ(errorAt(order(R"(, "signer_title": "市长", "signature_seal": "not-there.png")")),
            "$.signature_seal");
}

std::string withBody(const std::string& items) {
  return R"({"layout": "gongwen", "issuer_mark": "南京市人民政府文件", "title": "关于测试的通知", )"
         R"("body": ["为全面实施质量强市战略，现将有关情况通报如下。", )" +
         items + R"(], "issuer": "南京市人民政府", "date": "2012-06-13"})";
}

std::string rowsOf(int n) {
  std::string rows;
  for (int i = 1; i <= n; ++i) {
    rows += std::string(i > 1 ? ", " : "") + "[\"" + std::to_string(i) +
            "\", \"南京长江涂料有限公司\", \"" + std::to_string(i * 7) + "\"]";
  }
  return rows;
}

TEST(BodyTable, HeaderRepeatsOnEveryPageRowsStayInTheBlockNumbersRight) {
  auto list = layoutOf(withBody(
      R"({"table": {"title": "表1　获奖企业", "header": ["序号", "企业名称", "产品数"], "rows": [)" +
      rowsOf(40) + "]}}"));
  int headers = 0, pagesWithRows = 0;
  for (const auto& page : list.pages) {
    auto lines = linesOf(page);
    bool rows = false;
    for (size_t i = 0; i < lines.size(); ++i) {
      const auto t = lines[i].text();
      if (t.find(U"企业名称") != std::u32string::npos) {
        ++headers;
        // The header is the first line of the table on its page.
        for (size_t k = i + 1; k < lines.size(); ++k) {
          EXPECT_EQ(lines[k].text().find(U"企业名称"), std::u32string::npos);
        }
      }
      if (t.find(U"南京长江涂料有限公司") != std::u32string::npos) {
        rows = true;
        EXPECT_GE(lines[i].left(), kBlockLeft);
        EXPECT_LE(lines[i].glyphs.back().right, kBlockRight);
        EXPECT_LE(lines[i].baseline(), kBlockBottom);
      }
    }
    if (rows) ++pagesWithRows;
  }
  EXPECT_GE(pagesWithRows, 2);
  EXPECT_EQ(headers, pagesWithRows);
  // Numbers right-aligned: the last glyph of every row ends at one x.
  std::set<long> rights;
  for (const auto& page : list.pages) {
    for (const auto& l : linesOf(page)) {
      if (l.text().find(U"南京长江涂料有限公司") != std::u32string::npos) {
        rights.insert(std::lround(l.glyphs.back().right * 100));
      }
    }
  }
  EXPECT_EQ(rights.size(), 1u);
  Found title = findLine(list, U"表1");
  ASSERT_GE(title.page, 0);
  EXPECT_NEAR(centreOf(title.line), (kBlockLeft + kBlockRight) / 2, 0.05);
  // Every rule inside the block.
  int rules = 0;
  for (const auto& page : list.pages) {
    for (const auto& r : rectsOf(page)) {
      ++rules;
      EXPECT_GE(r.x, kBlockLeft - 0.2);
      EXPECT_LE(r.x + r.width, kBlockRight + 0.2);
      EXPECT_LE(r.bottom(), kBlockBottom + 0.2);
    }
  }
  EXPECT_GT(rules, 0);
}

TEST(BodyTable, ARowTallerThanAPageIsSplitUnderTheRepeatedHeader) {
  std::string tall;
  for (int i = 0; i < 60; ++i) tall += "质量强市工作要求各级各部门强化质量意识。";
  auto list = layoutOf(
      withBody(R"({"table": {"header": ["序号", "说明"], "widths": [3, 20], "rows": [["1", ")" +
               tall + R"("], ["2", "南京"]]}})"));
  int pagesWithHeader = 0;
  for (const auto& page : list.pages) {
    bool header = false;
    for (const auto& l : linesOf(page)) {
      if (l.text().find(U"说明") != std::u32string::npos) header = true;
      if (l.glyphs.front().sizePt > 15) {  // not 页码
        EXPECT_LE(l.baseline(), kBlockBottom);
      }
    }
    if (header) ++pagesWithHeader;
  }
  EXPECT_GE(pagesWithHeader, 3);  // about 1200 characters in a 20-character column
  Found next = findLine(list, U"2南京");
  ASSERT_GE(next.page, 2);
}

TEST(BodyTable, BadTablesAreInputErrorsNamingTheirPath) {
  EXPECT_EQ(errorAt(withBody(R"({"table": {"header": ["a", "b"], "rows": [["1", "2"], ["3"]]}})")),
            "$.body[1].table.rows[1]");
  EXPECT_EQ(errorAt(withBody(R"({"table": {"header": ["a", "b"], "rows": [["1", true]]}})")),
            "$.body[1].table.rows[0][1]");
  EXPECT_EQ(errorAt(withBody(
                R"({"table": {"header": ["a", "b"], "rows": [["1", "2"]], "widths": [4]}})")),
            "$.body[1].table.widths");
  EXPECT_EQ(
      errorAt(withBody(
          R"({"table": {"header": ["a", "b"], "rows": [["1", "2"]], "widths": ["150mm", "80mm"]}})")),
      "$.body[1].table");
  EXPECT_EQ(
      errorAt(withBody(R"({"table": {"header": ["a"], "rows": [["1"]], "align": ["middle"]}})")),
      "$.body[1].table.align[0]");
  EXPECT_EQ(errorAt(withBody(R"({"table": {"header": ["a"], "rows": [["1"]], "colour": "red"}})")),
            "$.body[1].table.colour");
}

TEST(BodyTable, GivenWidthsInCharactersAndMillimetresCentreTheTable) {
  auto list = layoutOf(withBody(
      R"({"table": {"header": ["序号", "名称"], "rows": [["1", "南京"]], "widths": [3, "60mm"]}})"));
  auto rects = rectsOf(list.pages.front());
  double left = 1e9, right = 0;
  for (const auto& r : rects) {
    if (r.width > 10 && !isRed(r.color))
      left = std::min(left, r.x), right = std::max(right, r.x + r.width);
  }
  // Three characters of 三号 as the grid sets them (28 fill the 156 mm block), padding
  // included.
  const double width = 3 * 156.0 / 28 + 60;
  EXPECT_NEAR(right - left, width, 0.3);
  EXPECT_NEAR((left + right) / 2, (kBlockLeft + kBlockRight) / 2, 0.3);
}

TEST(BodyTable, WidthsThatAddUpToALineFillTheBlockUpright) {
  // 3 + 8 + 5 + 6 + 6 = 28 characters: the whole portrait block, not a landscape page.
  auto list = layoutOf(withBody(
      R"({"table": {"header": ["序号", "企业", "产品", "区县", "结果"], "rows": [["1", )"
      R"("南京长江涂料有限公司", "涂料", "雨花台区", "合格"]], "widths": [3, 8, 5, 6, 6]}})"));
  double left = 1e9, right = 0;
  int rects = 0;
  for (const auto& page : list.pages) {
    for (const auto& item : page.items) {  // nothing turned
      EXPECT_FALSE(std::holds_alternative<TransformedGroup>(item));
    }
    for (const auto& r : rectsOf(page)) {
      if (r.width > 10 && !isRed(r.color)) {
        left = std::min(left, r.x), right = std::max(right, r.x + r.width);
        ++rects;
      }
    }
  }
  ASSERT_GT(rects, 0);
  EXPECT_NEAR(left, kBlockLeft, 0.3);
  EXPECT_NEAR(right, kBlockRight, 0.3);
}

TEST(BodyFigure, CentredWithItsCaptionBelowOnTheSamePage) {
  auto list = layoutOf(withBody(
      R"({"image": "quality-honours-chart.jpg", "width_mm": 80, "caption": "图1　质量荣誉数量"})"));
  Found caption = findLine(list, U"图1");
  ASSERT_GE(caption.page, 0);
  auto images = imagesOf(list.pages[caption.page]);
  ASSERT_EQ(images.size(), 1u);
  EXPECT_NEAR(images[0].width, 80, 0.01);
  EXPECT_NEAR(images[0].x + images[0].width / 2, (kBlockLeft + kBlockRight) / 2, 0.01);
  EXPECT_GT(emTop(caption.line), images[0].y + images[0].height);
  EXPECT_LT(emTop(caption.line) - (images[0].y + images[0].height), kPitch);
  EXPECT_NEAR(centreOf(caption.line), (kBlockLeft + kBlockRight) / 2, 0.05);
  // The paragraph before it stays above it.
  Found before = findLine(list, U"为全面实施");
  EXPECT_LT(before.line.baseline(), images[0].y);
}

TEST(BodyFigure, FiguresOfEveryPlaceStayInTheBlockAndWithTheirCaption) {
  std::string items;
  for (int i = 1; i <= 5; ++i) {
    items += std::string(i > 1 ? ", " : "") + "\"这是用于填充版面的一段正文，说明下图的内容。\", " +
             R"({"image": "quality-honours-chart.jpg", "width_mm": 120, "caption": "图)" +
             std::to_string(i) + R"(　质量荣誉数量"})";
  }
  auto list = layoutOf(withBody(items));
  int figures = 0;
  for (size_t p = 0; p < list.pages.size(); ++p) {
    auto images = imagesOf(list.pages[p]);
    for (const auto& img : images) {
      ++figures;
      EXPECT_GE(img.y, kBlockTop - 0.01);
      EXPECT_LE(img.y + img.height, kBlockBottom + 0.01);
      // Its caption is the next line below it on this page.
      bool captioned = false;
      for (const auto& l : linesOf(list.pages[p])) {
        if (l.text().rfind(U"图", 0) == 0 && emTop(l) > img.y + img.height &&
            emTop(l) - (img.y + img.height) < kPitch)
          captioned = true;
      }
      EXPECT_TRUE(captioned) << "page " << p + 1;
    }
  }
  EXPECT_EQ(figures, 5);
}

TEST(BodyFigure, BadFiguresAreInputErrorsNamingTheirPath) {
  EXPECT_EQ(errorAt(withBody(R"({"image": "decision-quality-awards.json"})")), "$.body[1].image");
  EXPECT_EQ(errorAt(withBody(R"({"image": "quality-honours-chart.jpg", "width_mm": 200})")),
            "$.body[1].width_mm");
  EXPECT_EQ(errorAt(withBody(R"({"image": "quality-honours-chart.jpg", "size": 2})")),
            "$.body[1].size");
  EXPECT_EQ(errorAt(withBody(R"({"image": "data:image/gif;base64,R0lGODlh"})")), "$.body[1].image");
}

TEST(BodyFigure, AJpegIsEmbeddedAsItIsAndReadersShowIt) {
  auto list = layoutOf(withBody(
      R"({"image": "quality-honours-chart.jpg", "width_mm": 80, "caption": "图1　质量荣誉数量"})"));
  auto bytes = writePdf(list);
  TempDir dir;
  const std::string pdf = dir.file("figure.pdf");
  writeText(pdf, std::string(bytes.begin(), bytes.end()));
  EXPECT_NE(std::string(bytes.begin(), bytes.end()).find("/DCTDecode"), std::string::npos);
  auto check = runShell("qpdf --check " + shellQuote(pdf));
  EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
  // poppler lists it as a JPEG of the file's size in pixels.
  auto images = runShell("pdfimages -list " + shellQuote(pdf));
  ASSERT_EQ(images.exitCode, 0) << images.err;
  EXPECT_NE(images.out.find("jpeg"), std::string::npos) << images.out;
  EXPECT_NE(images.out.find("667"), std::string::npos) << images.out;
  auto draw = runShell("mutool draw -q -o /dev/null " + shellQuote(pdf));
  EXPECT_EQ(draw.exitCode, 0) << draw.err;
}

TEST(BodyFigure, AJpegDataUriIsAcceptedWhereFilesAreNot) {
  std::string jpeg = readText(kSamples + "/quality-honours-chart.jpg");
  std::string uri = pngDataUri(jpeg);
  uri.replace(0, std::string("data:image/png").size(), "data:image/jpeg");
  RenderOptions o;
  o.allowFilePaths = false;
  auto list =
      engine().layout(record(withBody(R"({"image": ")" + uri + R"(", "width_mm": 60})")), o).list;
  int images = 0;
  for (const auto& page : list.pages) images += static_cast<int>(imagesOf(page).size());
  EXPECT_EQ(images, 1);
  // A file path is refused there, naming the item.
  try {
    engine().layout(record(withBody(R"({"image": "quality-honours-chart.jpg"})")), o);
    ADD_FAILURE() << "a file path was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "$.body[1].image");
  }
}

}  // namespace
}  // namespace gongwen
