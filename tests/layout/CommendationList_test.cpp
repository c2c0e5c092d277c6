// 表彰名单 (layout commendation-list): names on a grid of equal columns aligned across
// rows, 张　三 for two-character names, long names over two columns, order by strokes or
// pinyin with compound surnames as a whole, entries as a ruled table whose header repeats
// and whose rows never split, rare characters from the fallback font, errors with paths.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "common/Errors.h"
#include "common/Units.h"
#include "common/Utf8.h"
#include "support/PageLines.h"
#include "support/TestEngine.h"
#include "text/NameCollator.h"

namespace gongwen {
namespace {

constexpr double kLeftMm = 28;
const double kPitchMm = (156.0 - ptToMm(16)) / 27;  // cell pitch of 16pt text on the grid

DisplayList render(const std::string& json) {
  return test::engine().layout(test::record(json), {}).list;
}

std::string listOf(const std::string& groups, const std::string& sort = "given") {
  return R"({"layout": "commendation-list", "title": "名单", "sort": ")" + sort +
         R"(", "groups": )" + groups + "}";
}

// Lines of 16pt fangsong text below the title (names and table cells).
std::vector<test::LineMm> nameLines(const DisplayList& list) {
  std::vector<test::LineMm> out;
  for (const auto& page : list.pages) {
    for (auto& l : test::bodyLines(page)) out.push_back(l);
  }
  return out;
}

std::vector<std::u32string> namesInOrder(const DisplayList& list) {
  std::vector<std::u32string> out;
  for (const auto& l : nameLines(list)) {
    std::u32string current;
    double lastRight = -1;
    for (const auto& g : l.glyphs) {
      if (!current.empty() && g.left - lastRight > 0.5 * kPitchMm) {
        out.push_back(current);
        current.clear();
      }
      if (g.ch != U'\u3000') current += g.text;
      lastRight = g.right;
    }
    if (!current.empty()) out.push_back(current);
  }
  return out;
}

TEST(CommendationList, NamesSitInColumnsAlignedAcrossRows) {
  auto list = render(listOf(R"([{"heading": "先进个人", "names": ["张三", "李四五", "王小明",
      "赵六", "钱七七", "孙八", "周九九", "吴十", "郑一一", "冯二", "陈三三", "褚四"]}])"));
  std::set<long> starts;
  for (const auto& l : nameLines(list)) {
    if (l.glyphs.front().font->familyName().find("Hei") != std::string::npos) continue;  // heading
    double prevRight = -100;
    for (const auto& g : l.glyphs) {
      if (g.left - prevRight > 0.5 * kPitchMm || prevRight < 0) {
        // a name starts: on a column boundary (2 cells in, 4 cells a column)
        const double cells = (g.left - kLeftMm) / kPitchMm;
        EXPECT_NEAR(cells, std::round(cells), 0.02);
        EXPECT_EQ((std::lround(cells) - 2) % 4, 0) << "cell " << cells;
        starts.insert(std::lround(cells));
      }
      prevRight = g.right;
    }
  }
  EXPECT_EQ(starts.size(), 6u);  // six columns: cells 2, 6, …, 22
}

TEST(CommendationList, TwoCharacterNamesGetAFullWidthSpace) {
  auto list = render(listOf(R"([{"names": ["张三", "李四五"]}])"));
  auto lines = nameLines(list);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text().substr(0, 3), U"张\u3000三");
  EXPECT_NEAR(lines[0].glyphs[2].left - lines[0].glyphs[0].left, 2 * kPitchMm,
              0.01);  // 三 in cell 3
  EXPECT_NEAR(lines[0].glyphs[3].left - lines[0].glyphs[0].left, 4 * kPitchMm,
              0.01);  // next column
}

TEST(CommendationList, FourCharacterNamesTakeTwoColumns) {
  auto list = render(listOf(R"([{"names": ["欧阳明辉", "李四五", "王五六"]}])"));
  auto lines = nameLines(list);
  ASSERT_EQ(lines.size(), 1u);
  // 欧阳明辉 in cells 2–5, 李四五 from cell 10 (two columns on), 王五六 from cell 14.
  EXPECT_NEAR(lines[0].glyphs[4].left - lines[0].glyphs[0].left, 8 * kPitchMm, 0.01);
  EXPECT_NEAR(lines[0].glyphs[7].left - lines[0].glyphs[0].left, 12 * kPitchMm, 0.01);
}

TEST(CommendationList, LongUnitNamesTakeRowsOfTheirOwn) {
  auto list = render(
      listOf(R"([{"names": ["南京长江涂料有限公司", "张三", "南京紫峰电子科技有限公司"]}])"));
  auto names = nameLines(list);
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(names[0].text(), U"南京长江涂料有限公司");
  EXPECT_EQ(names[1].text(), U"张\u3000三");
}

TEST(CommendationList, StrokeOrderWithCompoundSurnamesAsAWhole) {
  auto list = render(listOf(
      R"([{"names": ["欧阳明", "李四", "欧六", "王五", "丁一", "司马光", "上官云"]}])", "strokes"));
  // 丁 (2 strokes) 上官 (上: 3) 王 (4) 司马 (司: 5) 李 (7) 欧 (8), and 欧六 before 欧阳明: the
  // surname 欧 sorts before the surname 欧阳 whatever the given names.
  EXPECT_EQ(namesInOrder(list), (std::vector<std::u32string>{U"丁一", U"上官云", U"王五", U"司马光",
                                                             U"李四", U"欧六", U"欧阳明"}));
}

TEST(CommendationList, PinyinOrder) {
  auto list =
      render(listOf(R"([{"names": ["张三", "欧阳明", "李四", "王五", "安然"]}])", "pinyin"));
  EXPECT_EQ(namesInOrder(list),
            (std::vector<std::u32string>{U"安然", U"李四", U"欧阳明", U"王五", U"张三"}));
}

TEST(CommendationList, GivenOrderKeepsTheInput) {
  auto list = render(listOf(R"([{"names": ["张三", "李四", "王五"]}])"));
  EXPECT_EQ(namesInOrder(list), (std::vector<std::u32string>{U"张三", U"李四", U"王五"}));
}

TEST(CommendationList, RareCharacterComesFromTheFallbackFont) {
  auto list = render(listOf(R"([{"names": ["陈𠮷", "李四五"]}])"));
  bool found = false;
  const Font* role = test::engine().fonts().font("fangsong").get();
  for (const auto& l : nameLines(list)) {
    for (const auto& g : l.glyphs) {
      if (g.ch != U'\U00020BB7') continue;
      found = true;
      EXPECT_NE(g.font, role);
      EXPECT_GT(g.right - g.left, 0.9 * ptToMm(16));
    }
  }
  EXPECT_TRUE(found);
  for (const auto& page : list.pages) {
    for (const auto& item : page.items) {
      if (const auto* run = std::get_if<GlyphRun>(&item)) {
        for (const auto& g : run->glyphs) EXPECT_NE(g.glyph, 0u);  // never .notdef
      }
    }
  }
}

std::string entries(int n, const std::string& unit) {
  std::string out = "[";
  for (int i = 0; i < n; ++i) {
    out += std::string(i ? "," : "") + R"({"unit": ")" + unit + std::to_string(i) +
           R"(", "name": "张)" + std::string(i % 2 ? "三" : "四") + R"(", "position": "工程师"})";
  }
  return out + "]";
}

TEST(CommendationList, TableHeaderOnEveryPageAndRowsNeverSplit) {
  // Units long enough to wrap to two lines: rows of two grid lines.
  auto list = render(listOf(R"([{"heading": "技术标兵", "entries": )" +
                            entries(30, "南京市质量技术监督局标准化研究所第") + "}]"));
  ASSERT_GE(list.pages.size(), 3u);
  int rowsSeen = 0;
  for (size_t p = 0; p < list.pages.size(); ++p) {
    auto lines = test::linesOf(list.pages[p]);
    int headers = 0;
    for (const auto& l : lines) {
      const std::u32string t = l.text();
      if (t.find(U"序号") != std::u32string::npos) {
        ++headers;
        EXPECT_NE(t.find(U"单位"), std::u32string::npos);
        EXPECT_NE(t.find(U"职务"), std::u32string::npos);
      }
    }
    // Every page that shows table rows starts them with the header.
    bool hasRows = false;
    for (const auto& l : lines)
      hasRows = hasRows || l.text().find(U"工程师") != std::u32string::npos;
    if (hasRows) {
      EXPECT_EQ(headers, 1) << "page " << p + 1;
    }
    // A row's two lines of unit text are on the same page: count the rows' second lines
    // (they end with the row's number) and first lines (they hold 工程师).
    int firsts = 0, seconds = 0;
    for (const auto& l : lines) {
      const std::u32string t = l.text();
      if (t.find(U"工程师") != std::u32string::npos) {
        ++firsts;
      } else if (!t.empty() && t.find(U"序号") == std::u32string::npos && t.back() >= U'0' &&
                 t.back() <= U'9' && l.baseline() < 262) {
        ++seconds;
      }
    }
    EXPECT_EQ(firsts, seconds) << "page " << p + 1;
    rowsSeen += firsts;
  }
  EXPECT_EQ(rowsSeen, 30);
}

TEST(CommendationList, TableRulesFrameTheRows) {
  auto list = render(listOf(
      R"([{"entries": [{"unit": "南京长江涂料有限公司", "name": "张三", "position": "质量部部长"}]}])"));
  // Rules: above the header, above the row, below the row (full width), and 5 verticals.
  int horizontal = 0, vertical = 0;
  for (const auto& item : list.pages[0].items) {
    if (const auto* r = std::get_if<FilledRect>(&item)) {
      if (r->width > r->height) {
        ++horizontal;
        EXPECT_NEAR(ptToMm(r->width), 156, 0.01);
      } else {
        ++vertical;
      }
    }
  }
  EXPECT_EQ(horizontal, 3);
  EXPECT_EQ(vertical, 5);
}

std::string errorOf(const std::string& json) {
  try {
    render(json);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(CommendationList, ErrorsNameTheJsonPath) {
  EXPECT_EQ(errorOf(listOf(R"([{"names": ["张三", ""]}])")),
            "$.groups[0].names[1]: is empty: give a name");
  EXPECT_EQ(errorOf(listOf(R"([{"names": ["张三", 5]}])")),
            "$.groups[0].names[1]: must be a string, found a number");
  EXPECT_EQ(errorOf(listOf(R"([{"heading": "x"}])")),
            "$.groups[0]: a group has either \"names\" (a list of names) or \"entries\" (a list of "
            "{\"unit\", \"name\", \"position\"}), not neither");
  EXPECT_NE(errorOf(listOf(R"([{"names": [], "entries": []}])")).find("not both"), std::string::npos);
  EXPECT_EQ(
      errorOf(listOf(R"([{"names": ["张三"]}])", "alphabet")),
      "$.sort: must be one of given (as listed), strokes (姓氏笔画) or pinyin, found \"alphabet\"");
  EXPECT_EQ(
      errorOf(listOf(R"([{"entries": [{"unit": "甲", "phone": "123"}]}])")),
      "$.groups[0].entries[0].phone: unknown column (the table has index, unit, name, position)");
  EXPECT_EQ(
      errorOf(listOf(R"({"names": []})")),
      "$.groups: must be a list of groups ({\"heading\": \"…\", \"names\": […]}), found an object");
}

TEST(NameCollator, SplitsCompoundSurnames) {
  NameCollator c(NameOrder::Strokes, {"欧阳", "司马"});
  EXPECT_EQ(c.split(U"欧阳明"), (std::pair<std::u32string, std::u32string>{U"欧阳", U"明"}));
  EXPECT_EQ(c.split(U"欧明"), (std::pair<std::u32string, std::u32string>{U"欧", U"明"}));
  EXPECT_EQ(c.split(U"欧阳"),
            (std::pair<std::u32string, std::u32string>{U"欧", U"阳"}));  // just 欧阳: surname 欧
}

TEST(CommendationList, AsAnAttachmentOfADocument) {
  auto rec =
      test::record(test::readText(std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples/decision-quality-awards.json"));
  rec->remove("seal");
  auto list = test::engine().layout(rec, {}).list;
  std::u32string all;
  for (const auto& page : list.pages) {
    for (const auto& l : test::linesOf(page)) all += l.text() + U"\n";
  }
  EXPECT_NE(all.find(U"2011年度南京市质量奖获奖企业名单"), std::u32string::npos);
  EXPECT_NE(all.find(U"南京燕子矶纺织有限公司"), std::u32string::npos);
}

}  // namespace
}  // namespace gongwen
