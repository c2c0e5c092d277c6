// 套打 (overlay) and printer calibration on certificates: the overlay page leaves out the
// art and the preprinted boxes and puts every other glyph exactly where the full page has
// it; an offset moves every glyph by exactly that offset; a scale works about the page's
// top-left corner; an offset that pushes a box off the page is an error naming the box;
// text keeps clear of the art's ink, and the loader refuses a box over the art; every PDF
// asks viewers not to scale it when printing.
#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

#include <cmath>
#include <tuple>

#include "common/Errors.h"
#include "common/Units.h"
#include "layout/ArtInk.h"
#include "layout/BoxTemplate.h"
#include "layout/FlowElements.h"
#include "layout/Grid.h"
#include "pdf/PdfWriter.h"
#include "support/DataUri.h"
#include "support/KeptPdfs.h"
#include "support/TestEngine.h"

namespace gongwen {
namespace {

// The certificate layouts ("boxes"), found in the catalogue.
std::vector<std::string> certificateLayouts() {
  std::vector<std::string> out;
  for (const auto& name : test::engine().layouts().names()) {
    if (test::engine().layouts().get(name).kind == "boxes") out.push_back(name);
  }
  return out;
}

Poco::JSON::Object::Ptr recordFor(const std::string& layout) {
  auto rec = test::record(R"({
    "recipient": "中电电气集团有限公司",
    "citation": "在2012年度全市质量强市工作中成绩突出，荣获第三届“市长质量奖”。特发此状，以资鼓励。",
    "issuer": "南京市人民政府",
    "date": "2012-06-13",
    "serial": "NJ-2012-0001"
  })");
  rec->set("layout", layout);
  rec->set("seal", test::specimenSealDataUri());
  return rec;
}

struct GlyphAt {
  uint32_t glyph;
  double x, y, size;
  auto key() const { return std::tie(y, x, glyph, size); }
  bool operator<(const GlyphAt& o) const { return key() < o.key(); }
};

std::vector<GlyphAt> glyphsOf(const Page& page) {
  std::vector<GlyphAt> out;
  for (const auto& item : page.items) {
    if (const auto* run = std::get_if<GlyphRun>(&item)) {
      for (const auto& g : run->glyphs) out.push_back({g.glyph, g.x, g.y, run->sizePt});
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

template <typename T>
size_t countOf(const Page& page) {
  return static_cast<size_t>(std::count_if(page.items.begin(), page.items.end(), [](const auto& i) {
    return std::holds_alternative<T>(i);
  }));
}

Page layOut(const std::string& layout, const PrintAdjust& print,
            Poco::JSON::Object::Ptr rec = nullptr) {
  RenderOptions options;
  options.print = print;
  auto result = test::engine().layout(rec ? rec : recordFor(layout), options);
  EXPECT_EQ(result.list.pages.size(), 1u);
  return result.list.pages.at(0);
}

TEST(Overlay, EveryCertificateLayoutSupportsIt) {
  const auto names = certificateLayouts();
  ASSERT_GE(names.size(), 3u);  // certificate, certificate-8k, honor-certificate
  for (const auto& name : names) {
    const BoxTemplate* tpl = test::engine().boxTemplate(name);
    ASSERT_NE(tpl, nullptr) << name;
    EXPECT_TRUE(tpl->artPreprinted) << name;
    bool sealPreprinted = false;
    for (const auto& b : tpl->boxes) {
      if (b.role == "seal") sealPreprinted = b.preprinted;
      if (b.role == "recipient" || b.role == "citation" || b.role == "date") {
        EXPECT_FALSE(b.preprinted) << name << " " << b.role;
      }
    }
    EXPECT_TRUE(sealPreprinted) << name << ": the seal is stamped by hand on a card";
  }
}

TEST(Overlay, PutsEveryGlyphWhereTheFullPageHasIt) {
  for (const auto& name : certificateLayouts()) {
    PrintAdjust overlay;
    overlay.overlay = true;
    const Page full = layOut(name, {});
    const Page over = layOut(name, overlay);
    EXPECT_EQ(countOf<PlacedArtwork>(full), 1u) << name;
    EXPECT_EQ(countOf<PlacedImage>(full), 1u) << name;
    EXPECT_EQ(countOf<PlacedArtwork>(over), 0u) << name << ": the card carries the art";
    EXPECT_EQ(countOf<PlacedImage>(over), 0u) << name << ": the seal is stamped by hand";
    EXPECT_EQ(over.widthPt, full.widthPt);
    EXPECT_EQ(over.heightPt, full.heightPt);

    // The full page's glyphs, less those of the preprinted boxes (the title), are the
    // overlay's, in the same places to the last bit.
    const BoxTemplate* tpl = test::engine().boxTemplate(name);
    auto inPreprinted = [&](const GlyphAt& g) {
      for (const auto& b : tpl->boxes) {
        if (b.preprinted && b.imageField.empty() && g.x >= b.x - 0.01 && g.x <= b.x + b.width &&
            g.y >= b.y && g.y <= b.y + b.height + 0.01)
          return true;
      }
      return false;
    };
    std::vector<GlyphAt> expected;
    for (const auto& g : glyphsOf(full)) {
      if (!inPreprinted(g)) expected.push_back(g);
    }
    const auto got = glyphsOf(over);
    ASSERT_GT(got.size(), 40u) << name;
    ASSERT_EQ(got.size(), expected.size()) << name;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].glyph, expected[i].glyph) << name << " glyph " << i;
      EXPECT_EQ(got[i].x, expected[i].x) << name << " glyph " << i;
      EXPECT_EQ(got[i].y, expected[i].y) << name << " glyph " << i;
      EXPECT_EQ(got[i].size, expected[i].size) << name << " glyph " << i;
    }
    if (name == "certificate") {
      EXPECT_LT(got.size(), glyphsOf(full).size()) << "the title left out";
    }
  }
}

TEST(Overlay, AnOffsetMovesEveryGlyphByExactlyThatOffset) {
  for (bool overlay : {false, true}) {
    PrintAdjust plain, moved;
    plain.overlay = moved.overlay = overlay;
    moved.offsetXMm = 1.5;
    moved.offsetYMm = -0.8;
    const Page a = layOut("certificate", plain);
    const Page b = layOut("certificate", moved);
    const auto ga = glyphsOf(a), gb = glyphsOf(b);
    ASSERT_GT(ga.size(), 40u);
    ASSERT_EQ(ga.size(), gb.size());
    for (size_t i = 0; i < ga.size(); ++i) {
      EXPECT_NEAR(gb[i].x - ga[i].x, mmToPt(1.5), 1e-9);
      EXPECT_NEAR(gb[i].y - ga[i].y, mmToPt(-0.8), 1e-9);
      EXPECT_EQ(gb[i].glyph, ga[i].glyph);
      EXPECT_EQ(gb[i].size, ga[i].size);
    }
    // The art and the seal move with it.
    for (size_t i = 0; i < b.items.size(); ++i) {
      if (const auto* art = std::get_if<PlacedArtwork>(&b.items[i])) {
        EXPECT_NEAR(art->x, mmToPt(1.5), 1e-9);
        EXPECT_NEAR(art->y, mmToPt(-0.8), 1e-9);
      }
      if (const auto* img = std::get_if<PlacedImage>(&b.items[i])) {
        const auto& before = std::get<PlacedImage>(a.items[i]);
        EXPECT_NEAR(img->x - before.x, mmToPt(1.5), 1e-9);
        EXPECT_NEAR(img->y - before.y, mmToPt(-0.8), 1e-9);
      }
    }
  }
}

TEST(Overlay, AScaleWorksAboutThePagesTopLeftCornerThenTheOffsetIsAdded) {
  PrintAdjust adjust;
  adjust.scale = 0.98;
  adjust.offsetXMm = 2;
  adjust.offsetYMm = 1;
  const Page a = layOut("certificate", {});
  const Page b = layOut("certificate", adjust);
  const auto ga = glyphsOf(a), gb = glyphsOf(b);
  ASSERT_GT(ga.size(), 40u);
  ASSERT_EQ(ga.size(), gb.size());
  for (size_t i = 0; i < ga.size(); ++i) {
    EXPECT_NEAR(gb[i].x, 0.98 * ga[i].x + mmToPt(2), 1e-9);
    EXPECT_NEAR(gb[i].y, 0.98 * ga[i].y + mmToPt(1), 1e-9);
    EXPECT_NEAR(gb[i].size, 0.98 * ga[i].size, 1e-9);
  }
  // Scaled art is drawn as paths (a form is placed unscaled), scaled about the same origin.
  EXPECT_EQ(countOf<PlacedArtwork>(b), 0u);
  const Artwork& art = *test::engine().boxTemplate("certificate")->art;
  std::vector<const VectorPath*> paths;
  for (const auto& item : b.items) {
    if (const auto* p = std::get_if<VectorPath>(&item)) paths.push_back(p);
  }
  ASSERT_EQ(paths.size(), art.paths.size());
  const auto& s0 = art.paths[0].segments[0];
  EXPECT_NEAR(paths[0]->segments[0].x1, 0.98 * s0.x1 + mmToPt(2), 1e-9);
  EXPECT_NEAR(paths[0]->segments[0].y1, 0.98 * s0.y1 + mmToPt(1), 1e-9);
  RenderOptions o;
  o.print = adjust;
  const auto pdf = test::engine().renderPdf(recordFor("certificate"), o);
  test::keepPdf(std::string_view(reinterpret_cast<const char*>(pdf.data()), pdf.size()));
}

TEST(Overlay, AnOffsetThatPushesABoxOffThePageNamesTheBox) {
  PrintAdjust adjust;
  adjust.offsetXMm = 45;  // the recipient box ends 40 mm from the right edge
  try {
    layOut("certificate", adjust);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(e.where().find("layouts/certificate.json: $.boxes[1]"), std::string::npos)
        << e.where();
    EXPECT_NE(e.message().find("recipient box off the page"), std::string::npos) << e.message();
  }
  adjust.offsetXMm = 0;
  adjust.offsetYMm = -30;  // the title box is 29 mm from the top, but 套打 leaves it out
  EXPECT_THROW(layOut("certificate", adjust), InputError);
  adjust.overlay = true;
  EXPECT_NO_THROW(layOut("certificate", adjust));
  adjust.offsetYMm = -80;
  EXPECT_THROW(layOut("certificate", adjust), InputError);
}

TEST(Overlay, AnOffsetMovesAFlowLayoutsPageToo) {
  auto doc = test::article("关于召开会议的通知", "定于六月十三日召开会议。\n请各单位准时参加。");
  RenderOptions plain, moved;
  moved.print.offsetXMm = 2;
  moved.print.offsetYMm = 3;
  const Page a = test::engine().layout(doc, plain).list.pages.at(0);
  const Page b = test::engine().layout(doc, moved).list.pages.at(0);
  const auto ga = glyphsOf(a), gb = glyphsOf(b);
  ASSERT_GT(ga.size(), 10u);
  ASSERT_EQ(ga.size(), gb.size());
  for (size_t i = 0; i < ga.size(); ++i) {
    EXPECT_NEAR(gb[i].x - ga[i].x, mmToPt(2), 1e-9);
    EXPECT_NEAR(gb[i].y - ga[i].y, mmToPt(3), 1e-9);
  }
  moved.print.offsetYMm = -45;  // the title's top is less than 45 mm from the page's top
  try {
    test::engine().layout(doc, moved);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "page 1");
    EXPECT_NE(e.message().find("off the page"), std::string::npos) << e.message();
  }
}

TEST(Overlay, BadNumbersAreErrors) {
  PrintAdjust adjust;
  EXPECT_THROW(parseOffset("1.5", adjust, "--offset"), InputError);
  EXPECT_THROW(parseOffset("1.5;2", adjust, "--offset"), InputError);
  EXPECT_THROW(parseOffset("x,2", adjust, "--offset"), InputError);
  parseOffset("+1.5,-0.8", adjust, "--offset");
  EXPECT_EQ(adjust.offsetXMm, 1.5);
  EXPECT_EQ(adjust.offsetYMm, -0.8);
  EXPECT_THROW(parseScale("0.99x", "--scale"), InputError);
  adjust.scale = 0.3;
  EXPECT_THROW(checkPrintAdjust(adjust, "--scale"), InputError);
}

// Every glyph's em box against the art's ink, on the full page of every certificate layout,
// with long texts that fill their boxes.
TEST(TextClearOfArt, NoGlyphTouchesTheArtsInk) {
  for (const auto& name : certificateLayouts()) {
    for (bool longTexts : {false, true}) {
      auto rec = recordFor(name);
      if (longTexts) {
        rec->set("recipient", "中国电子科技集团公司第五十五研究所南京国博电子有限公司");
        rec->set(
            "citation",
            std::string(
                "在2012年度全市质量强市工作中成绩突出，以卓越的质量管理体系、持续的技术创新和良好的"
                "社会责任表现，荣获第三届“市长质量奖”，为全市经济社会发展作出了积极贡献。特发此状，"
                "以资鼓励。"));
        rec->set("serial", "NJ-2012-QUALITY-AWARD-000000000123456");
      }
      const Page page = layOut(name, {}, rec);
      const BoxTemplate* tpl = test::engine().boxTemplate(name);
      ASSERT_TRUE(tpl->art) << name;
      const ArtInk ink = inkOf(*tpl->art);
      ASSERT_GT(ink.strokes.size(), 20u) << name;
      size_t checked = 0;
      for (const auto& item : page.items) {
        const auto* run = std::get_if<GlyphRun>(&item);
        if (!run) continue;
        for (const auto& g : run->glyphs) {
          const double top = g.y - kEmAscent * run->sizePt;
          const RectPt box{g.x, top, g.x + std::max(g.advance, run->sizePt * 0.5),
                           top + run->sizePt};
          EXPECT_FALSE(ink.touches(box, mmToPt(0.5)))
              << name << ": a glyph at " << ptToMm(g.x) << ", " << ptToMm(g.y) << " mm";
          ++checked;
        }
      }
      EXPECT_GT(checked, 40u) << name;
    }
  }
}

TEST(TextClearOfArt, TheLoaderRefusesABoxOverTheArt) {
  // The serial where it used to be, on the gold corner scroll.
  std::string text =
      test::readText(std::string(GONGWEN_SOURCE_DATA_DIR) + "/layouts/certificate.json");
  const std::string now = R"("x_mm": 61, "y_mm": 180, "width_mm": 95)";
  const auto at = text.find(now);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, now.size(), R"("x_mm": 28, "y_mm": 181, "width_mm": 110)");
  const Layout layout = Layout::fromJson(text, "certificate.json", flowElementKinds());
  try {
    parseBoxTemplate(layout, test::engine().fonts());
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "certificate.json: $.boxes[6]");
    EXPECT_NE(e.message().find("serial box overlaps the art"), std::string::npos) << e.message();
  }
}

TEST(NoSilentScaling, EveryPdfAsksViewersToPrintAtActualSize) {
  RenderOptions options;
  auto pdf = test::engine().renderPdf(recordFor("certificate-8k"), options);
  const std::string bytes(pdf.begin(), pdf.end());
  EXPECT_NE(bytes.find("/PrintScaling /None"), std::string::npos);
  EXPECT_NE(bytes.find("/MediaBox [ 0 0 1048.8"), std::string::npos)
      << "the page is the 8开 card's, 370 × 260 mm";
  test::keepPdf(bytes);
  auto doc = test::engine().renderPdf(test::article("标题", "正文。"), options);
  EXPECT_NE(std::string(doc.begin(), doc.end()).find("/PrintScaling /None"), std::string::npos);
}

}  // namespace
}  // namespace gongwen
