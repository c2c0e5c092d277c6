// 横排表格 (GB/T 9704-2012 8): a table too wide for the portrait block is set on landscape
// pages, turned a quarter on the A4 portrait paper (a TransformedGroup), its head towards the
// binding edge on odd pages and the cut edge on even pages (both the paper's left edge for a
// left-bound document), the header repeated on each, the page number where every other page
// has it; and every writer honours the turn (PDF cm, OFD CTM, SVG transform).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "common/Errors.h"
#include "common/Json.h"
#include "common/Utf8.h"
#include "layout/LandscapePages.h"
#include "ofd/OfdWriter.h"
#include "pdf/PdfWriter.h"
#include "render/DisplayListText.h"
#include "render/SvgPreview.h"
#include "support/DocumentPages.h"
#include "support/OfdReader.h"
#include "support/Process.h"
#include "support/TestEngine.h"

namespace gongwen {
namespace {

using namespace test;

constexpr double kPtPerMm = 72 / 25.4;
const std::string kSamples = std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples";

DisplayList layoutOf(const std::string& json) {
  RenderOptions o;
  o.baseDirectory = kSamples;
  return engine().layout(record(json), o).list;
}

// `rows` rows of the nine-column table, as JSON.
std::string rowsOf(int rows) {
  std::string r;
  for (int i = 1; i <= rows; ++i) {
    r += std::string(i > 1 ? ", " : "") + "[\"" + std::to_string(i) +
         R"(", "玄武区", "0", "2", "9", "11", "已递交", "6月13日", "玄武湖食品、钟山智能装备"])";
  }
  return r;
}

// A notice whose body holds a nine-column table of `rows` rows, then a closing paragraph.
std::string wideTable(int rows) {
  const std::string r = rowsOf(rows);
  return R"({"layout": "gongwen", "issuer_mark": "南京市人民政府文件", "title": "关于测试的通知", )"
         R"("body": ["为全面实施质量强市战略，现将有关情况通报如下。", )"
         R"({"table": {"title": "表1　各区县质量荣誉", "header": ["序号", "区县", "市长质量奖（个）", )"
         R"("市质量奖（家）", "南京名牌产品（个）", "荣誉合计（项）", "目标责任状", "递交日期", "备注"], )"
         R"("rows": [)" +
         r +
         R"(]}}, "表后的正文接着排在下一个竖排页上。"], "issuer": "南京市人民政府", )"
         R"("date": "2012-06-13"})";
}

// A glyph of a group, in the group's own (landscape) coordinates and on the paper, mm.
struct TurnedGlyph {
  char32_t ch;
  double u, v;  // landscape: along the line, down the page
  double x, y;  // paper
};

const TransformedGroup* groupOf(const Page& page) {
  for (const auto& item : page.items) {
    if (const auto* g = std::get_if<TransformedGroup>(&item)) return g;
  }
  return nullptr;
}

std::vector<TurnedGlyph> glyphsOf(const TransformedGroup& group) {
  std::vector<TurnedGlyph> out;
  for (const auto& item : group.items) {
    const auto* run = std::get_if<GlyphRun>(&item);
    if (!run) continue;
    for (const auto& g : run->glyphs) {
      if (g.text.empty()) continue;
      double x = g.x, y = g.y;
      group.transform.apply(x, y);
      out.push_back({g.text[0], g.x / kPtPerMm, g.y / kPtPerMm, x / kPtPerMm, y / kPtPerMm});
    }
  }
  return out;
}

// Top-level (upright) 14pt text of a page: its page number.
std::vector<LineMm> folioOf(const Page& page) {
  std::vector<LineMm> out;
  for (const auto& l : linesOf(page)) {
    if (std::abs(l.glyphs.front().sizePt - 14) < 0.1 && l.baseline() > kBlockBottom) {
      out.push_back(l);
    }
  }
  return out;
}

TEST(LandscapeTable, ParityRuleHeadToTheBindingOnOddPagesToTheCutOnEven) {
  EXPECT_EQ(bindingEdge(1), PaperEdge::Left);
  EXPECT_EQ(bindingEdge(2), PaperEdge::Right);
  for (size_t page = 1; page <= 6; ++page) {
    const PaperEdge binding = bindingEdge(page);
    const PaperEdge head = landscapeHeadEdge(page);
    if (page % 2) {
      EXPECT_EQ(head, binding) << page;
    } else {
      EXPECT_NE(head, binding) << page;
    }
    // Left-bound: on the paper, both are its left edge.
    EXPECT_EQ(head, PaperEdge::Left) << page;
  }
}

TEST(LandscapeTable, GeometryTurnsThePortraitBlockOntoItself) {
  const PageGeometry portrait;
  const PageGeometry l = landscapeGeometry(portrait);
  EXPECT_DOUBLE_EQ(l.widthMm, 297);
  EXPECT_DOUBLE_EQ(l.heightMm, 210);
  EXPECT_DOUBLE_EQ(l.blockWidthMm, 225);
  EXPECT_DOUBLE_EQ(l.blockHeightMm, 156);
  EXPECT_EQ(l.linesPerPage, 15);  // 156 mm at the portrait pitch (10.23 mm), whole lines
  for (PaperEdge head : {PaperEdge::Left, PaperEdge::Right}) {
    const Affine t = landscapeToPortrait(portrait, head);
    EXPECT_NEAR(t.a * t.d - t.b * t.c, 1, 1e-12);  // a turn, not a mirror
    double minX = 1e9, maxX = -1e9, minY = 1e9, maxY = -1e9;
    for (double u : {l.marginLeftMm, l.marginLeftMm + l.blockWidthMm}) {
      for (double v : {l.marginTopMm, l.marginTopMm + l.blockHeightMm}) {
        double x = u * kPtPerMm, y = v * kPtPerMm;
        t.apply(x, y);
        minX = std::min(minX, x / kPtPerMm), maxX = std::max(maxX, x / kPtPerMm);
        minY = std::min(minY, y / kPtPerMm), maxY = std::max(maxY, y / kPtPerMm);
      }
    }
    EXPECT_NEAR(minX, kBlockLeft, 1e-9);
    EXPECT_NEAR(maxX, kBlockRight, 1e-9);
    EXPECT_NEAR(minY, kBlockTop, 1e-9);
    EXPECT_NEAR(maxY, kBlockBottom, 1e-9);
    // The head (the landscape block's top edge) lands on the paper's `head` side.
    double x = (l.marginLeftMm + 100) * kPtPerMm, y = l.marginTopMm * kPtPerMm;
    t.apply(x, y);
    EXPECT_NEAR(x / kPtPerMm, head == PaperEdge::Left ? kBlockLeft : kBlockRight, 1e-9);
  }
}

TEST(LandscapeTable, SetTurnedOnPortraitPagesHeaderRepeatedHeadLeftFolioUpright) {
  const DisplayList list = layoutOf(wideTable(30));
  std::vector<size_t> turned;
  for (size_t i = 0; i < list.pages.size(); ++i) {
    EXPECT_NEAR(list.pages[i].widthPt / kPtPerMm, 210, 0.01);  // the paper stays portrait
    EXPECT_NEAR(list.pages[i].heightPt / kPtPerMm, 297, 0.01);
    if (groupOf(list.pages[i])) turned.push_back(i);
  }
  ASSERT_GE(turned.size(), 3u);   // 30 rows on 15-line pages: odd and even pages both
  EXPECT_EQ(turned.front(), 1u);  // after the page of the lead paragraph
  for (size_t k = 1; k < turned.size(); ++k) EXPECT_EQ(turned[k], turned[k - 1] + 1);

  // The folio of a portrait page, for comparison: same baseline, odd right, even left.
  const auto firstFolio = folioOf(list.pages.front());
  ASSERT_EQ(firstFolio.size(), 1u);
  const double folioBaseline = firstFolio.front().baseline();

  int rows = 0;
  for (size_t i : turned) {
    SCOPED_TRACE("page " + std::to_string(i + 1));
    const Page& page = list.pages[i];
    const TransformedGroup& g = *groupOf(page);
    // A quarter turn: landscape lines run up the paper, their head on the left.
    EXPECT_DOUBLE_EQ(g.transform.a, 0);
    EXPECT_DOUBLE_EQ(g.transform.b, -1);
    EXPECT_DOUBLE_EQ(g.transform.c, 1);
    EXPECT_DOUBLE_EQ(g.transform.d, 0);
    // Nothing of the table outside the group, nothing of it outside the portrait block.
    for (const auto& item : page.items) {
      if (const auto* run = std::get_if<GlyphRun>(&item)) {
        EXPECT_LT(run->sizePt, 15);
      }
      EXPECT_FALSE(std::holds_alternative<FilledRect>(item));
    }
    const auto glyphs = glyphsOf(g);
    ASSERT_FALSE(glyphs.empty());
    for (const auto& t : glyphs) {
      EXPECT_GE(t.x, kBlockLeft - 0.01);
      EXPECT_LE(t.x, kBlockRight);
      EXPECT_GE(t.y, kBlockTop);
      EXPECT_LE(t.y, kBlockBottom + 0.01);
    }
    int rules = 0;
    for (const auto& item : g.items) {
      const auto* r = std::get_if<FilledRect>(&item);
      if (!r) continue;
      ++rules;
      for (double px : {r->x, r->x + r->width}) {
        for (double py : {r->y, r->y + r->height}) {
          double x = px, y = py;
          g.transform.apply(x, y);
          EXPECT_GE(x / kPtPerMm, kBlockLeft - 0.2);
          EXPECT_LE(x / kPtPerMm, kBlockRight + 0.2);
          EXPECT_GE(y / kPtPerMm, kBlockTop - 0.2);
          EXPECT_LE(y / kPtPerMm, kBlockBottom + 0.2);
        }
      }
    }
    EXPECT_GT(rules, 0);
    // The header: the first table line of every landscape page (the title above it on the
    // first), and the line nearest the paper's left edge, the head.
    double headerV = 1e9, firstRowV = 1e9, headerX = 1e9, rowX = -1e9;
    for (const auto& t : glyphs) {
      if (t.ch == U'区' || t.ch == U'县') {  // 区县: the header's second column
        if (t.ch == U'县') headerV = std::min(headerV, t.v), headerX = std::min(headerX, t.x);
      }
      if (t.ch == U'玄') firstRowV = std::min(firstRowV, t.v), rowX = std::max(rowX, t.x);
    }
    ASSERT_LT(headerV, 1e8) << "no header";
    ASSERT_LT(firstRowV, 1e8) << "no rows";
    EXPECT_LT(headerV, firstRowV);
    EXPECT_LT(headerX, rowX);  // the head towards the left edge: 订口 odd, 切口 even
    for (const auto& t : glyphs) rows += t.ch == U'钟' ? 1 : 0;  // 钟山: once a row
    // The page number: upright, where the other pages of its parity have it.
    const auto folio = folioOf(page);
    ASSERT_EQ(folio.size(), 1u);
    EXPECT_NEAR(folio.front().baseline(), folioBaseline, 0.01);
    const double em = 14 / kPtPerMm;
    if ((i + 1) % 2) {
      EXPECT_NEAR(folio.front().glyphs.back().right, kBlockRight - em, 0.05);
    } else {
      EXPECT_NEAR(folio.front().left(), kBlockLeft + em, 0.05);
    }
    EXPECT_EQ(folio.front().text(), U"— " + decodeUtf8(std::to_string(i + 1)) + U" —");
  }
  EXPECT_EQ(rows, 30);  // every row once: none split, none lost

  // The body goes on upright on the next portrait page.
  Found after = findLine(list, U"表后的正文");
  ASSERT_GE(after.page, 0);
  EXPECT_EQ(static_cast<size_t>(after.page), turned.back() + 1);
  EXPECT_EQ(groupOf(list.pages[after.page]), nullptr);
  EXPECT_NEAR(slotOf(after.line.baseline(), 16), 0, 0.01);
}

// A notice with two attachments: a page of text, then one whose body is `lead` (strings),
// a nine-column table of `rows` rows, and a closing paragraph.
std::string attachmentTable(const std::string& lead, int rows) {
  const std::string r = rowsOf(rows);
  return R"({"layout": "gongwen", "issuer_mark": "南京市人民政府文件", "title": "关于测试的通知", )"
         R"("body": ["为全面实施质量强市战略，现将有关情况通报如下。"], )"
         R"("attachments": [{"title": "工作要求", "body": ["各区县要按照目标责任状抓好落实。"]}, )"
         R"({"title": "各区县质量荣誉获得情况统计表", "body": [)" +
         lead +
         R"({"table": {"title": "表1　各区县质量荣誉", "header": ["序号", "区县", "市长质量奖（个）", )"
         R"("市质量奖（家）", "南京名牌产品（个）", "荣誉合计（项）", "目标责任状", "递交日期", "备注"], )"
         R"("rows": [)" +
         r +
         R"(]}}, "注：表后的说明接着排在下一个竖排页上。"]}], "issuer": "南京市人民政府", )"
         R"("date": "2012-06-13"})";
}

// The page of an upright 22pt line (a title) holding `text`, or -1.
int uprightTitlePage(const DisplayList& list, const std::u32string& text) {
  for (size_t i = 0; i < list.pages.size(); ++i) {
    for (const auto& l : linesOf(list.pages[i])) {
      if (std::abs(l.glyphs.front().sizePt - 22) < 0.1 &&
          l.text().find(text) != std::u32string::npos)
        return static_cast<int>(i);
    }
  }
  return -1;
}

// The glyphs of a group's runs of `sizePt`, as lines (by their landscape baseline v), mm.
std::vector<std::pair<double, std::u32string>> turnedLines(const TransformedGroup& group,
                                                           double sizePt) {
  std::map<long, std::u32string> rows;
  for (const auto& item : group.items) {
    const auto* run = std::get_if<GlyphRun>(&item);
    if (!run || std::abs(run->sizePt - sizePt) > 0.1) continue;
    for (const auto& g : run->glyphs) rows[std::lround(g.y / kPtPerMm * 10)] += g.text;
  }
  std::vector<std::pair<double, std::u32string>> out;
  for (auto& [v, text] : rows) out.emplace_back(v / 10.0, text);
  return out;
}

TEST(LandscapeTable, AnAttachmentOpeningWithOneHasItsLabelAndTitleOnTheLandscapePage) {
  const DisplayList list = layoutOf(attachmentTable(R"("根据表彰结果，按区县统计如下。", )", 20));
  // The covering notice, the first attachment, then straight the landscape pages: no
  // portrait page holding only the label and the title.
  const Found first = findLine(list, U"附件1");
  ASSERT_GE(first.page, 0);
  EXPECT_EQ(findLine(list, U"附件2").page, -1);  // not upright anywhere
  EXPECT_EQ(uprightTitlePage(list, U"各区县质量荣誉获得情况统计表"), -1);
  const size_t turnedPage = static_cast<size_t>(first.page) + 1;
  ASSERT_LT(turnedPage, list.pages.size());
  const TransformedGroup* group = groupOf(list.pages[turnedPage]);
  ASSERT_NE(group, nullptr);
  for (size_t i = 0; i < turnedPage; ++i) EXPECT_EQ(groupOf(list.pages[i]), nullptr) << i;

  // On it, in the table's group (turned with it), as on a portrait attachment page: 附件2
  // flush left on the first line, the title centred (22pt), one blank line, the text, then
  // the table's title and the table.
  const PageGeometry l = landscapeGeometry(PageGeometry{});
  const double pitch = l.blockHeightMm / l.linesPerPage;
  const auto body = turnedLines(*group, 16);
  const auto titles = turnedLines(*group, 22);
  ASSERT_GE(body.size(), 4u);
  ASSERT_EQ(titles.size(), 1u);
  EXPECT_EQ(body[0].second, U"附件2");
  EXPECT_EQ(titles[0].second, U"各区县质量荣誉获得情况统计表");
  EXPECT_EQ(body[1].second, U"根据表彰结果，按区县统计如下。");
  EXPECT_EQ(body[2].second, U"表1　各区县质量荣誉");
  double labelLeft = 1e9, titleLeft = 1e9, titleRight = -1e9;
  for (const auto& item : group->items) {
    const auto* run = std::get_if<GlyphRun>(&item);
    if (!run || run->glyphs.empty()) continue;
    const double v = run->glyphs.front().y / kPtPerMm;
    if (std::abs(v - body[0].first) < 0.05) labelLeft = run->glyphs.front().x / kPtPerMm;
    if (std::abs(run->sizePt - 22) < 0.1) {
      titleLeft = std::min(titleLeft, run->glyphs.front().x / kPtPerMm);
      titleRight =
          std::max(titleRight, (run->glyphs.back().x + run->glyphs.back().advance) / kPtPerMm);
    }
  }
  EXPECT_NEAR(labelLeft, l.marginLeftMm, 0.01);
  EXPECT_NEAR((titleLeft + titleRight) / 2, l.marginLeftMm + l.blockWidthMm / 2, 0.5);
  EXPECT_LT(body[0].first, titles[0].first);
  EXPECT_NEAR(body[1].first - titles[0].first, 2 * pitch, 1.5);  // one blank line between
  double firstRule = 1e9;
  for (const auto& item : group->items) {
    if (const auto* r = std::get_if<FilledRect>(&item)) firstRule = std::min(firstRule, r->y);
  }
  EXPECT_GT(firstRule / kPtPerMm, body[2].first);  // the table below its title
  // Every row once, the header on each landscape page, the bookmark on the turned page.
  int rows = 0;
  size_t last = turnedPage;
  for (size_t i = turnedPage; i < list.pages.size() && groupOf(list.pages[i]); ++i) {
    last = i;
    for (const auto& t : glyphsOf(*groupOf(list.pages[i]))) rows += t.ch == U'钟' ? 1 : 0;
  }
  EXPECT_EQ(rows, 20);
  EXPECT_GT(last, turnedPage);
  bool bookmark = false;
  for (const auto& e : list.outline) {
    if (e.title == "各区县质量荣誉获得情况统计表") {
      bookmark = true;
      EXPECT_EQ(e.page, turnedPage);
    }
  }
  EXPECT_TRUE(bookmark);
  // What follows the table goes on upright, on the next portrait page.
  const Found after = findLine(list, U"注：表后的说明");
  ASSERT_GE(after.page, 0);
  EXPECT_EQ(static_cast<size_t>(after.page), last + 1);
  EXPECT_NEAR(slotOf(after.line.baseline(), 16), 0, 0.01);
  // The writers: the PDF draws it (its text read back), the OFD turns it with the same CTM.
  TempDir dir;
  const auto pdf = writePdf(list);
  writeText(dir.file("a.pdf"), std::string(pdf.begin(), pdf.end()));
  auto text = runShell("pdftotext -raw -enc UTF-8 " + shellQuote(dir.file("a.pdf")) + " -");
  ASSERT_EQ(text.exitCode, 0);
  EXPECT_NE(text.out.find("附件2"), std::string::npos) << text.out;
  EXPECT_LT(text.out.find("附件2"), text.out.find("表1"));
  auto parts = unzipParts(writeOfd(list));
  XmlPart page(parts.at("Doc_0/Pages/Page_" + std::to_string(turnedPage) + "/Content.xml"));
  int turnedTexts = 0;
  for (auto* t : page.all("TextObject")) turnedTexts += t->getAttribute("CTM").empty() ? 0 : 1;
  EXPECT_GT(turnedTexts, 10);
}

TEST(LandscapeTable, AnAttachmentWithLongTextBeforeItKeepsItUpright) {
  // Text that fills most of a landscape page: the table could not start there, so the
  // label, title and text stay on portrait pages and the table starts a page of its own.
  std::string lead;
  for (int i = 0; i < 4; ++i) {
    lead += R"("各区县人民政府要按照目标责任状的要求，进一步强化质量意识，全面落实科学发展观，)"
            R"(以质量提升企业竞争力、城市竞争力，以质量促进经济转型升级，走速度、质量、效益、)"
            R"(环境多赢的发展之路，为全市率先基本实现现代化作出新的更大贡献。", )";
  }
  const DisplayList list = layoutOf(attachmentTable(lead, 5));
  const Found label = findLine(list, U"附件2");
  ASSERT_GE(label.page, 0);
  EXPECT_EQ(groupOf(list.pages[label.page]), nullptr);
  EXPECT_EQ(uprightTitlePage(list, U"各区县质量荣誉获得情况统计表"), label.page);
  size_t turned = 0;
  for (const auto& page : list.pages) turned += groupOf(page) ? 1 : 0;
  EXPECT_EQ(turned, 1u);
  // The turned page holds the table only.
  for (const auto& page : list.pages) {
    if (const auto* g = groupOf(page)) {
      EXPECT_TRUE(turnedLines(*g, 22).empty());
    }
  }
}

TEST(LandscapeTable, AShortTextMissingItsLineByLessThanACharacterStaysWhole) {
  // The sample's 区县 column: 雨花台区 is its only four-character cell; the proportional
  // widths gave the column a little over three characters (雨花/台区). It takes the width
  // from a column that gives it without a row growing taller.
  const DisplayList list = layoutOf(readText(kSamples + "/notice-district-honours-landscape.json"));
  int found = 0, turnedPages = 0;
  for (const auto& page : list.pages) {
    const TransformedGroup* g = groupOf(page);
    if (!g) continue;
    ++turnedPages;
    for (const auto& item : g->items) {
      const auto* run = std::get_if<GlyphRun>(&item);
      if (!run || run->glyphs.empty() || run->glyphs.front().text != U"雨") continue;
      std::u32string text;
      for (const auto& glyph : run->glyphs) text += glyph.text;
      if (text == U"雨花石医药") continue;  // the 备注 column's
      ++found;
      EXPECT_EQ(text, U"雨花台区");
    }
  }
  EXPECT_EQ(found, 1);
  EXPECT_EQ(turnedPages, 2);  // no longer than before
}

TEST(LandscapeTable, NarrowTablesStayUprightTooWideOnesAreNamed) {
  const std::string narrow =
      R"({"layout": "gongwen", "issuer_mark": "南京市人民政府文件", "title": "关于测试的通知", )"
      R"("body": ["现将有关情况通报如下。", {"table": {"header": ["序号", "名称"], )"
      R"("rows": [["1", "南京"]]}}], "issuer": "南京市人民政府", "date": "2012-06-13"})";
  for (const auto& page : layoutOf(narrow).pages) EXPECT_EQ(groupOf(page), nullptr);
  // Given widths past the portrait block (200 mm): landscape; past the landscape one: refused.
  auto withWidths = [](const std::string& widths) {
    return R"({"layout": "gongwen", "issuer_mark": "南京市人民政府文件", "title": "关于测试的通知", )"
           R"("body": ["通报如下。", )"
           R"({"table": {"header": ["a", "b"], "rows": [["1", "2"]], "widths": [)" +
           widths + R"(]}}], "issuer": "南京市人民政府", "date": "2012-06-13"})";
  };
  int groups = 0;
  for (const auto& page : layoutOf(withWidths(R"("120mm", "80mm")")).pages)
    groups += groupOf(page) ? 1 : 0;
  EXPECT_EQ(groups, 1);
  try {
    layoutOf(withWidths(R"("150mm", "80mm")"));
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "$.body[1].table");
    EXPECT_NE(e.message().find("landscape"), std::string::npos) << e.message();
  }
}

TEST(LandscapeTable, PdfTurnsTheGroupWithCmAndPdftotextReadsTheCells) {
  const DisplayList list = layoutOf(wideTable(20));
  PdfOptions o;
  o.compress = false;
  const auto pdf = writePdf(list, o);
  const std::string text(pdf.begin(), pdf.end());
  // flip ∘ turn ∘ flip: [0 1 -1 0 …] in PDF's y-up space.
  EXPECT_NE(text.find("q 0 1 -1 0 "), std::string::npos);
  TempDir dir;
  writeText(dir.file("t.pdf"), text);
  auto check = runShell("qpdf --check " + shellQuote(dir.file("t.pdf")));
  EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
  auto out = runShell("pdftotext -enc UTF-8 " + shellQuote(dir.file("t.pdf")) + " -");
  ASSERT_EQ(out.exitCode, 0);
  for (const char* cell : {"序号", "玄武", "已递交", "6月13日", "表1", "钟山智能装备"}) {
    EXPECT_NE(out.out.find(cell), std::string::npos) << cell;
  }
  // In the layout mode pdftotext reads the turned page as the landscape page it is: the
  // header, then the rows in order, each on its own line.
  auto layout = runShell("pdftotext -layout -enc UTF-8 " + shellQuote(dir.file("t.pdf")) + " -");
  ASSERT_EQ(layout.exitCode, 0);
  size_t at = layout.out.find("序号");
  ASSERT_NE(at, std::string::npos);
  int rowsInOrder = 0;
  for (int i = 1; i <= 20; ++i) {
    // Row i after row i − 1 (a page break between them: the page number, the header).
    const size_t row = layout.out.find(std::to_string(i) + " 玄武", at);
    if (row == std::string::npos) break;
    at = row;
    ++rowsInOrder;
  }
  EXPECT_EQ(rowsInOrder, 20) << layout.out;
}

TEST(LandscapeTable, OfdObjectsCarryTheTurnAsCtmAndLandWhereThePdfsDo) {
  const DisplayList list = layoutOf(wideTable(20));
  size_t turnedPage = 0;
  while (turnedPage < list.pages.size() && !groupOf(list.pages[turnedPage])) ++turnedPage;
  ASSERT_LT(turnedPage, list.pages.size());
  const TransformedGroup& group = *groupOf(list.pages[turnedPage]);
  // The first glyph of the group's first text, on the paper (mm).
  const GlyphRun* firstRun = nullptr;
  for (const auto& item : group.items) {
    if ((firstRun = std::get_if<GlyphRun>(&item)) && !firstRun->glyphs.empty()) break;
  }
  ASSERT_NE(firstRun, nullptr);
  double wantX = firstRun->glyphs.front().x, wantY = firstRun->glyphs.front().y;
  group.transform.apply(wantX, wantY);

  auto parts = unzipParts(writeOfd(list));
  const auto it = parts.find("Doc_0/Pages/Page_" + std::to_string(turnedPage) + "/Content.xml");
  ASSERT_NE(it, parts.end());
  XmlPart page(it->second);
  auto texts = page.all("TextObject");
  ASSERT_GT(texts.size(), 10u);
  int turned = 0;
  for (auto* t : texts) {
    const std::string ctm = t->getAttribute("CTM");
    if (ctm.empty()) continue;  // the page number, upright
    ++turned;
    const auto m = ofdArray(ctm);
    ASSERT_EQ(m.size(), 6u);
    EXPECT_EQ(m[0], 0);
    EXPECT_EQ(m[1], -1);
    EXPECT_EQ(m[2], 1);
    EXPECT_EQ(m[3], 0);
  }
  EXPECT_EQ(turned + 1, static_cast<int>(texts.size()));
  // The first text object: Boundary corner + CTM(TextCode X, Y) is the glyph's place.
  auto* first = texts.front();
  if (first->getAttribute("CTM").empty()) first = texts[1];
  const auto box = ofdArray(first->getAttribute("Boundary"));
  const auto m = ofdArray(first->getAttribute("CTM"));
  auto* code = XmlPart::under(first, "TextCode").front();
  const double x = std::stod(code->getAttribute("X")), y = std::stod(code->getAttribute("Y"));
  EXPECT_NEAR(box[0] + m[0] * x + m[2] * y + m[4], wantX / kPtPerMm, 0.01);
  EXPECT_NEAR(box[1] + m[1] * x + m[3] * y + m[5], wantY / kPtPerMm, 0.01);
  // Every turned object's box inside the portrait page.
  for (auto* t : texts) {
    const auto b = ofdArray(t->getAttribute("Boundary"));
    EXPECT_GE(b[0], kBlockLeft - 3);
    EXPECT_LE(b[0] + b[2], kBlockRight + 3);
  }
}

TEST(LandscapeTable, SvgPreviewAndTextDumpShowTheGroup) {
  const DisplayList list = layoutOf(wideTable(5));
  size_t turnedPage = 0;
  while (turnedPage < list.pages.size() && !groupOf(list.pages[turnedPage])) ++turnedPage;
  ASSERT_LT(turnedPage, list.pages.size());
  const std::string svg = pageSvg(list.pages[turnedPage]);
  EXPECT_NE(svg.find("<g transform=\"matrix(0 -1 1 0 "), std::string::npos);
  EXPECT_NE(svg.find("</g>"), std::string::npos);
  EXPECT_NE(svg.find(">玄<"), std::string::npos);
  const std::string dump = displayListText(list, engine().fonts());
  EXPECT_NE(dump.find("  group 0.00 -1.00 1.00 0.00 "), std::string::npos);
  EXPECT_NE(dump.find("  end group\n"), std::string::npos);
}

}  // namespace
}  // namespace gongwen
