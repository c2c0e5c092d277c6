// The body, signature, 7.3.5.5 and headings of the gongwen layout, on the display list in mm.
#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include <cmath>

#include "common/Errors.h"
#include "common/Utf8.h"
#include "support/DocumentPages.h"
#include "support/TestEngine.h"
#include "text/CharClass.h"

namespace gongwen {
namespace {

using namespace test;

const std::string kSamples = std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples";
const std::string kFiller = "这是用于填充版面的一段正文。";  // one short line
// 56 characters: three lines (26 after the indent, 28, 2) that, tightened by one
// character a line, fit in two (27 + 29).
const std::string kShortLast = [] {
  std::u32string t =
      U"质量兴企业兴城市兴质量强企业强城市强全面落实科学发展观实现科学发展率先发展"
      U"必须以质量提升企业竞争力城市竞争力以质量促进经济转型升级";
  return encodeUtf8(t.substr(0, 55) + U"。");
}();

// The font of character `ch` in the first line that holds `text` (null: not found).
const Font* fontOfChar(const DisplayList& list, const std::u32string& text, char32_t ch) {
  Found f = findLine(list, text);
  for (const auto& g : f.line.glyphs) {
    if (g.ch == ch) return g.font;
  }
  return nullptr;
}

struct Doc {
  std::vector<std::string> body;
  bool signature = true;
  bool seal = false;
};

Poco::JSON::Object::Ptr recordOf(const Doc& d) {
  Poco::JSON::Object::Ptr r = new Poco::JSON::Object;
  r->set("layout", "gongwen");
  r->set("issuer_mark", "南京市人民政府文件");
  r->set("title", "关于测试的通知");
  Poco::JSON::Array::Ptr body = new Poco::JSON::Array;
  for (const auto& p : d.body) body->add(p);
  r->set("body", body);
  if (d.signature) {
    r->set("issuer", "南京市人民政府");
    r->set("date", "2012-06-13");
  }
  if (d.seal) r->set("seal", "specimen-seal.png");
  return r;
}

DisplayList layoutOf(const Doc& d) {
  RenderOptions o;
  o.baseDirectory = kSamples;
  return engine().layout(recordOf(d), o).list;
}

struct LinePos {
  int page = -1;
  int slot = -1;
  LineMm line;
};

// The last line of body text (black 16pt, indented or flush left) before the signature.
LinePos lastBodyLine(const DisplayList& list) {
  LinePos out;
  auto pages = blackBodyLines(list);
  for (size_t p = 0; p < pages.size(); ++p) {
    for (const auto& l : pages[p]) {
      if (l.text().find(U"南京市人民政府") != std::u32string::npos ||
          l.text().find(U"2012年") != std::u32string::npos)
        continue;
      out = {static_cast<int>(p), static_cast<int>(std::lround(slotOf(l.baseline(), 16))), l};
    }
  }
  return out;
}

// A body of `fillers` one-line paragraphs, then `tail`.
Doc withFillers(int fillers, std::vector<std::string> tail, bool signature, bool seal) {
  Doc d;
  for (int i = 0; i < fillers; ++i) d.body.push_back(kFiller);
  for (auto& t : tail) d.body.push_back(t);
  d.signature = signature;
  d.seal = seal;
  return d;
}

// The filler count that makes the unsigned body end on grid line `slot` of page 2.
int fillersEndingAt(int slot, const std::vector<std::string>& tail) {
  for (int f = 0; f < 60; ++f) {
    LinePos last = lastBodyLine(layoutOf(withFillers(f, tail, false, false)));
    if (last.page == 1 && last.slot == slot) return f;
  }
  ADD_FAILURE() << "no filler count ends the body on line " << slot << " of page 2";
  return 0;
}

TEST(GongwenSignature, WithoutSealIssuerTwoEmFromTheRightDateTwoEmToItsRight) {
  auto list = layoutOf(withFillers(2, {}, true, false));
  LinePos last = lastBodyLine(list);
  Found issuer = findLine(list, U"南京市人民政府");
  Found date = findLine(list, U"2012年6月13日");
  ASSERT_EQ(issuer.page, last.page);
  EXPECT_NEAR(slotOf(issuer.line.baseline(), 16), last.slot + 2, 1e-6);  // one blank line
  EXPECT_NEAR(date.line.baseline() - issuer.line.baseline(), kPitch, 1e-6);
  EXPECT_NEAR(date.line.left(), issuer.line.left() + 2 * kCell, 0.01);
  // Whichever is longer ends two em from the right edge (here the date).
  EXPECT_NEAR(std::max(issuer.line.glyphs.back().right, date.line.glyphs.back().right),
              kBlockRight - 2 * kCell, 0.01);
}

TEST(GongwenSignature, WithoutSealALongIssuerEndsTwoEmFromTheRight) {
  auto r = recordOf(withFillers(2, {}, false, false));
  r->set("issuer", "南京市质量强市工作领导小组办公室");
  r->set("date", "2012-06-13");
  auto list = engine().layout(r, {}).list;
  Found issuer = findLine(list, U"南京市质量强市工作领导小组办公室");
  Found date = findLine(list, U"2012年6月13日");
  EXPECT_NEAR(issuer.line.glyphs.back().right, kBlockRight - 2 * kCell, 0.01);
  EXPECT_NEAR(date.line.left(), issuer.line.left() + 2 * kCell, 0.01);
}

TEST(GongwenSignature, WithoutSealADateLongerThanTheIssuerKeepsTheTwoEmIndent) {
  Doc d = withFillers(2, {}, false, false);
  auto r = recordOf(d);
  r->set("issuer", "市府办");
  r->set("date", "2012-12-31");
  auto list = engine().layout(r, {}).list;
  Found issuer = findLine(list, U"市府办");
  Found date = findLine(list, U"2012年12月31日");
  EXPECT_NEAR(date.line.glyphs.back().right, kBlockRight - 2 * kCell, 0.01);
  EXPECT_NEAR(issuer.line.left(), date.line.left() - 2 * kCell, 0.01);
}

TEST(GongwenSignature, WithSealDateFourEmInIssuerCentredSealOverBoth) {
  auto list = layoutOf(withFillers(2, {}, true, true));
  LinePos last = lastBodyLine(list);
  Found issuer = findLine(list, U"南京市人民政府");
  Found date = findLine(list, U"2012年6月13日");
  auto images = imagesOf(list.pages[issuer.page]);
  ASSERT_EQ(images.size(), 1u);
  const ImageMm& seal = images[0];
  EXPECT_NEAR(date.line.glyphs.back().right, kBlockRight - 4 * kCell, 0.01);
  EXPECT_NEAR(centreOf(issuer.line), centreOf(date.line), 0.01);
  EXPECT_NEAR(seal.x + seal.width / 2, centreOf(date.line), 0.01);
  EXPECT_NEAR(seal.width, 42, 0.01);
  // Issuer and date read a little below the seal's centre; both under the seal.
  const double middle = (emTop(issuer.line) + emBottom(date.line)) / 2;
  const double centre = seal.y + seal.height / 2;
  EXPECT_GT(middle, centre);
  EXPECT_LT(middle - centre, 6);
  EXPECT_LT(seal.y, emTop(issuer.line));
  EXPECT_GT(seal.y + seal.height, emBottom(date.line));
  // Its top within one line below the text above, never on it.
  EXPECT_GE(seal.y - emBottom(last.line), 0);
  EXPECT_LE(seal.y - emBottom(last.line), kPitch);
  EXPECT_LE(seal.y + seal.height, kBlockBottom);
}

TEST(GongwenSignature, NoteInParenthesesTwoEmInOnTheLineAfterTheDate) {
  auto r = recordOf(withFillers(2, {}, true, false));
  r->set("note", "此件公开发布");
  auto list = engine().layout(r, {}).list;
  Found date = findLine(list, U"2012年6月13日");
  Found note = findLine(list, U"（此件公开发布）");
  ASSERT_EQ(note.page, date.page);
  EXPECT_NEAR(note.line.baseline() - date.line.baseline(), kPitch, 1e-6);
  EXPECT_NEAR(note.line.left(), kBlockLeft + 2 * kCell, 0.01);
}

// 7.3.5.5: wherever the body ends, the signature never opens a page by itself.
TEST(GongwenSignature, NeverOpensAPageAloneWhereverTheBodyEnds) {
  for (bool seal : {false, true}) {
    for (int f = 10; f < 34; ++f) {
      auto list = layoutOf(withFillers(f, {kShortLast, kShortLast}, true, seal));
      LinePos last = lastBodyLine(list);
      Found issuer = findLine(list, U"南京市人民政府");
      ASSERT_GE(issuer.page, 0);
      EXPECT_EQ(issuer.page, last.page) << "fillers " << f << (seal ? " with seal" : "");
      EXPECT_LT(last.slot, slotOf(issuer.line.baseline(), 16));
      auto pages = blackBodyLines(list);
      for (const auto& l : pages[issuer.page]) {
        const double slot = slotOf(l.baseline(), 16);
        EXPECT_NEAR(slot, std::round(slot), 1e-6);
      }
      for (const auto& img : imagesOf(list.pages[issuer.page])) {
        EXPECT_LE(img.y + img.height, kBlockBottom + 1e-6);
      }
    }
  }
}

TEST(GongwenSignature, TightensTheCharacterSpacingOfThePageBeforeWithinOneCharacterALine) {
  const int f = fillersEndingAt(20, {kShortLast, kShortLast, kShortLast});
  auto plain = layoutOf(withFillers(f, {kShortLast, kShortLast, kShortLast}, false, false));
  auto signed_ = layoutOf(withFillers(f, {kShortLast, kShortLast, kShortLast}, true, false));
  LinePos before = lastBodyLine(plain), after = lastBodyLine(signed_);
  Found issuer = findLine(signed_, U"南京市人民政府");
  ASSERT_EQ(before.slot, 20);
  EXPECT_EQ(after.page, 1);
  EXPECT_EQ(issuer.page, 1);  // the block stayed on the page with the body
  EXPECT_EQ(after.slot, 18);  // two lines gained
  int tightened = 0;
  auto pages = blackBodyLines(signed_);
  for (const auto& l : pages[1]) {
    const int cells = static_cast<int>(std::lround((kBlockRight - l.left()) / kCell));
    const int n = static_cast<int>(l.visibleGlyphs());
    bool han = true;
    for (const auto& g : l.glyphs) han = han && isFullWidth(g.ch);
    if (han && n > cells) {
      ++tightened;
      EXPECT_EQ(n, cells + 1) << encodeUtf8(l.text());  // the bound: one character more
      if (l.text().back() != U'。') {
        EXPECT_NEAR(l.inkRight(), kBlockRight, 0.05);
      }
    }
  }
  EXPECT_GE(tightened, 2);
  EXPECT_LE(tightened, 4);
}

TEST(GongwenSignature, CarriesTheLastLinesOverWhenTighteningCannotHelp) {
  const int f = fillersEndingAt(21, {});
  auto list = layoutOf(withFillers(f, {}, true, true));
  LinePos last = lastBodyLine(list);
  Found issuer = findLine(list, U"南京市人民政府");
  ASSERT_EQ(issuer.page, 2);
  EXPECT_EQ(last.page, 2);
  int above = 0;
  auto pages = blackBodyLines(list);
  for (const auto& l : pages[2]) above += l.baseline() < issuer.line.baseline();
  EXPECT_EQ(above, 2);  // "min_lines_with_signature"
}

TEST(GongwenBody, HeadingFontsPerLevelAndRunInHeadings) {
  auto r = record(R"({"layout": "gongwen", "issuer_mark": "南京市人民政府文件", "title": "标题",
    "body": ["一、总体要求", "（一）工作目标", "1.加强领导", "（1）明确责任", "正文段落。",
             "（二）强化措施。各单位要认真落实。", {"heading": "专项行动", "level": 1}]})");
  auto list = engine().layout(r, {}).list;
  const auto& fonts = engine().fonts();
  auto fontOf = [&](const std::u32string& text, char32_t ch) { return fontOfChar(list, text, ch); };
  EXPECT_EQ(fontOf(U"一、总体要求", U'总'), fonts.font("heiti").get());
  EXPECT_EQ(fontOf(U"（一）工作目标", U'工'), fonts.font("kaiti").get());
  EXPECT_EQ(fontOf(U"1.加强领导", U'加'), fonts.font("fangsong").get());
  EXPECT_EQ(fontOf(U"（1）明确责任", U'明'), fonts.font("fangsong").get());
  EXPECT_EQ(fontOf(U"正文段落。", U'正'), fonts.font("fangsong").get());
  EXPECT_EQ(fontOf(U"（二）强化措施。", U'强'), fonts.font("kaiti").get());  // run-in
  EXPECT_EQ(fontOf(U"（二）强化措施。", U'单'), fonts.font("fangsong").get());
  EXPECT_EQ(fontOf(U"专项行动", U'专'), fonts.font("heiti").get());
  Found h = findLine(list, U"一、总体要求");
  EXPECT_NEAR(h.line.left(), kBlockLeft + 2 * kCell, 0.01);
}

TEST(GongwenBody, ALongNumberedParagraphIsAListItemInTheBodyFont) {
  // A one-sentence statement of two lines, and a paragraph whose first sentence takes
  // more than a line: items of a numbered list, not headings. A short statement and a
  // title of two lines stay headings.
  auto r = record(R"({"layout": "gongwen", "issuer_mark": "南京市人民政府文件", "title": "标题",
    "body": ["一、在流通领域抽查中提供被抽查经营者的登记信息，协助核实标称生产企业的主体资格。",
             "二、对抽查中发现的不合格产品依法督促经营者下架退市并将处理情况及时通报。随后开展复查。",
             "三、加强组织领导。",
             "四、关于进一步加强全市重点产品质量监督抽查工作和提升产品质量水平的若干要求",
             "正文。"]})");
  auto list = engine().layout(r, {}).list;
  const auto& fonts = engine().fonts();
  auto fontOf = [&](const std::u32string& text, char32_t ch) { return fontOfChar(list, text, ch); };
  EXPECT_EQ(fontOf(U"一、在流通领域", U'流'), fonts.font("fangsong").get());
  EXPECT_EQ(fontOf(U"二、对抽查中", U'抽'), fonts.font("fangsong").get());
  EXPECT_EQ(fontOf(U"三、加强组织领导", U'组'), fonts.font("heiti").get());
  EXPECT_EQ(fontOf(U"四、关于进一步", U'进'), fonts.font("heiti").get());
}

TEST(GongwenBody, AHeadingNeverStaysAloneAtTheBottomOfAPage) {
  for (int f = 0; f < 24; ++f) {
    Doc d = withFillers(f + 8, {"一、总体要求", kShortLast, kFiller}, false, false);
    auto list = layoutOf(d);
    Found h = findLine(list, U"一、总体要求");
    ASSERT_GE(h.page, 0);
    auto pages = blackBodyLines(list);
    bool followed = false;
    for (const auto& l : pages[h.page]) followed = followed || l.baseline() > h.line.baseline();
    EXPECT_TRUE(followed) << "fillers " << f + 8;
  }
}

TEST(GongwenBody, TheFirstPageMustShowBodyText) {
  Poco::JSON::Object::Ptr r = new Poco::JSON::Object;
  r->set("layout", "gongwen");
  r->set("issuer_mark", "南京市人民政府文件");
  r->set("title", "关于测试的通知");
  Poco::JSON::Array::Ptr recipients = new Poco::JSON::Array;
  for (int i = 0; i < 40; ++i) recipients->add("南京市某某区人民政府办公室");
  r->set("recipients", recipients);
  r->set("body", "正文。");
  try {
    engine().layout(r, {});
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "$.title");
    EXPECT_NE(std::string(e.what()).find("first page"), std::string::npos);
  }
}

TEST(GongwenBody, BadBodyItemsAreNamed) {
  auto error = [](const std::string& body) {
    try {
      engine().layout(record(R"({"layout": "gongwen", "issuer_mark": "南京市人民政府文件",
        "title": "标题", "body": )" +
                             body + "}"),
                      {});
    } catch (const InputError& e) {
      return e.where();
    }
    return std::string("no error");
  };
  EXPECT_EQ(error(R"(["段落。", 5])"), "$.body[1]");
  EXPECT_EQ(error(R"(["段落。", {"heading": "一、总则", "level": 7}])"), "$.body[1].level");
  EXPECT_EQ(error(R"([{"title": "x"}])"), "$.body[0].title");
  EXPECT_EQ(error("42"), "$.body");
}

}  // namespace
}  // namespace gongwen
