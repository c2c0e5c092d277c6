// The PDF writer on hand-made display lists: every kind of font embedded as a subset
// CID font, text that round-trips, glyphs exactly where the list put them, fonts and
// images written once, document info in Chinese.
#include "pdf/PdfWriter.h"

#include <gtest/gtest.h>
#include <hb.h>
#include <zlib.h>

#include <cstdlib>
#include <regex>

#include "common/AtomicFile.h"
#include "common/Utf8.h"
#include "pdf/PdfCache.h"
#include "support/KeptPdfs.h"
#include "support/Process.h"
#include "support/TestEngine.h"
#include "support/TestFonts.h"

namespace gongwen {
namespace {

using test::runShell;
using test::shellQuote;
using test::TempDir;

// Shapes `text` with `font` and places it from (x, y) at `size`.
GlyphRun shapeRun(const FontPtr& font, const std::u32string& text, double x, double y, double size,
                  Color color = {}) {
  hb_buffer_t* buf = hb_buffer_create();
  hb_buffer_add_utf32(buf, reinterpret_cast<const uint32_t*>(text.data()),
                      static_cast<int>(text.size()), 0, -1);
  hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
  hb_buffer_set_script(buf, HB_SCRIPT_HAN);
  hb_buffer_set_language(buf, hb_language_from_string("zh-Hans", -1));
  hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_shape(font->hbFont(), buf, nullptr, 0);
  unsigned n = 0;
  auto* info = hb_buffer_get_glyph_infos(buf, &n);
  auto* pos = hb_buffer_get_glyph_positions(buf, nullptr);
  GlyphRun run;
  run.font = font;
  run.sizePt = size;
  run.color = color;
  double scale = size / font->unitsPerEm();
  for (unsigned i = 0; i < n; ++i) {
    PlacedGlyph g;
    g.glyph = info[i].codepoint;
    g.x = x;
    g.y = y;
    g.advance = pos[i].x_advance * scale;
    unsigned end = i + 1 < n ? info[i + 1].cluster : static_cast<unsigned>(text.size());
    if (i == 0 || info[i].cluster != info[i - 1].cluster)
      g.text = text.substr(info[i].cluster, end - info[i].cluster);
    x += g.advance;
    run.glyphs.push_back(g);
  }
  hb_buffer_destroy(buf);
  return run;
}

Page a4() { return Page{}; }

std::string writeTo(const TempDir& dir, const DisplayList& list,
                    const std::string& name = "t.pdf") {
  std::string path = dir.file(name);
  writeFileAtomically(path, writePdf(list));
  return path;
}

std::string pdffonts(const std::string& pdf) { return runShell("pdffonts " + shellQuote(pdf)).out; }
std::string pdftotext(const std::string& pdf) {
  return runShell("pdftotext -enc UTF-8 " + shellQuote(pdf) + " -").out;
}

struct FontCase {
  const char* name;
  const char* path;
  unsigned face;
  const char* pdfType;
  std::u32string text;
};

class EmbedsEveryFontKind : public ::testing::TestWithParam<FontCase> {};

TEST_P(EmbedsEveryFontKind, AsSubsetCidFontWithRealText) {
  const FontCase& c = GetParam();
  auto font = Font::load(c.path, c.face);
  DisplayList list;
  Page page = a4();
  page.items.push_back(shapeRun(font, c.text, 72, 100, 16));
  list.pages.push_back(page);
  TempDir dir;
  std::string pdf = writeTo(dir, list);

  auto check = runShell("qpdf --check " + shellQuote(pdf));
  EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
  std::string fonts = pdffonts(pdf);
  EXPECT_NE(fonts.find(c.pdfType), std::string::npos) << fonts;
  EXPECT_TRUE(std::regex_search(fonts, std::regex("\n[A-Z]{6}\\+\\S+ +CID"))) << fonts;
  EXPECT_TRUE(std::regex_search(fonts, std::regex("Identity-H +yes yes yes"))) << fonts;
  std::string text = pdftotext(pdf);
  EXPECT_NE(text.find(encodeUtf8(c.text)), std::string::npos) << text;
  auto draw = runShell("mutool draw -q -o /dev/null " + shellQuote(pdf));
  EXPECT_EQ(draw.exitCode, 0);
  EXPECT_EQ(draw.err.find("error"), std::string::npos) << draw.err;
}

INSTANTIATE_TEST_SUITE_P(Fonts, EmbedsEveryFontKind,
                         ::testing::Values(FontCase{"FandolFang_CFF", test::kFandolFang, 0,
                                                    "CID Type 0C", U"仿宋正文，“引号”；《书名》。"},
                                           FontCase{"NotoSerifCJK_CIDKeyedCFF_ttc",
                                                    test::kNotoSerifCjk, test::kNotoScFace,
                                                    "CID Type 0C", U"思源宋体——标题……"},
                                           FontCase{"Uming_TrueType_ttc", test::kUming, 0,
                                                    "CID TrueType", U"文鼎明体中文"},
                                           FontCase{"HanaMinB_TrueType_ExtB", test::kHanaMinB, 0,
                                                    "CID TrueType", U"\U00020BB7\U0002A6A5"}),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(PdfWriter, AFontUsedOnManyPagesIsEmbeddedOnce) {
  auto font = Font::load(test::kFandolFang);
  DisplayList list;
  for (int i = 0; i < 5; ++i) {
    Page page = a4();
    page.items.push_back(
        shapeRun(font, U"第" + decodeUtf8(std::to_string(i + 1)) + U"页", 72, 100, 16));
    list.pages.push_back(page);
  }
  TempDir dir;
  std::string pdf = writeTo(dir, list);
  std::string fonts = pdffonts(pdf);
  int rows = 0;
  for (size_t p = fonts.find("CID Type 0C"); p != std::string::npos;
       p = fonts.find("CID Type 0C", p + 1))
    ++rows;
  EXPECT_EQ(rows, 1) << fonts;
  auto qdf = runShell("qpdf --qdf --object-streams=disable " + shellQuote(pdf) + " -");
  int programs = 0;
  for (size_t p = qdf.out.find("/FontFile3"); p != std::string::npos;
       p = qdf.out.find("/FontFile3", p + 1))
    ++programs;
  EXPECT_EQ(programs, 1);
}

TEST(PdfWriter, GlyphsLandExactlyWhereTheListPutsThem) {
  auto font = Font::load(test::kFandolFang);
  DisplayList list;
  Page page = a4();
  GlyphRun run = shapeRun(font, U"中文排版", 100, 200, 16);
  // Spread them irregularly: the TJ adjustments must reproduce any positions.
  double xs[] = {100.0, 117.25, 131.5, 160.125};
  for (size_t i = 0; i < run.glyphs.size(); ++i) run.glyphs[i].x = xs[i];
  page.items.push_back(run);
  list.pages.push_back(page);
  TempDir dir;
  std::string pdf = writeTo(dir, list);
  auto trace = runShell("mutool trace " + shellQuote(pdf)).out;
  std::regex glyph("<g unicode=\"[^\"]*\" glyph=\"[^\"]*\" x=\"([0-9.]+)\" y=\"([0-9.]+)\"");
  std::vector<std::pair<double, double>> found;
  for (auto it = std::sregex_iterator(trace.begin(), trace.end(), glyph);
       it != std::sregex_iterator(); ++it) {
    found.emplace_back(std::stod((*it)[1]), std::stod((*it)[2]));
  }
  ASSERT_EQ(found.size(), 4u) << trace;
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_NEAR(found[i].first, xs[i], 0.01);
    EXPECT_NEAR(found[i].second, 841.8898 - 200, 0.01);
  }
}

// A condensed run (a long red mark): Tz narrows the glyphs, their height stays, the
// positions are still exactly the list's, and the text after it is not condensed.
TEST(PdfWriter, CondensedRunIsNarrowedWithTzAndLandsWhereTheListPutsIt) {
  auto font = Font::load(test::kFandolFang);
  DisplayList list;
  Page page = a4();
  GlyphRun run = shapeRun(font, U"中文排版", 100, 200, 40);
  run.horizontalScale = 0.6;
  for (auto& g : run.glyphs) {
    g.x = 100 + (g.x - 100) * 0.6;
    g.advance *= 0.6;
  }
  page.items.push_back(run);
  page.items.push_back(shapeRun(font, U"正文", 100, 300, 16));
  list.pages.push_back(page);
  TempDir dir;
  auto trace = runShell("mutool trace " + shellQuote(writeTo(dir, list))).out;
  std::regex span("trm=\"([0-9.]+) 0 0 ([0-9.]+)\"");
  std::vector<std::pair<double, double>> trms;
  for (auto it = std::sregex_iterator(trace.begin(), trace.end(), span);
       it != std::sregex_iterator(); ++it) {
    trms.emplace_back(std::stod((*it)[1]), std::stod((*it)[2]));
  }
  ASSERT_EQ(trms.size(), 2u) << trace;
  EXPECT_NEAR(trms[0].first, 24, 0.01);   // 40pt × 60 % wide
  EXPECT_NEAR(trms[0].second, 40, 0.01);  // as tall as ever
  EXPECT_NEAR(trms[1].first, 16, 0.01);   // the next run is not condensed
  std::regex glyph("<g unicode=\"[^\"]*\" glyph=\"[^\"]*\" x=\"([0-9.]+)\"");
  std::vector<double> xs;
  for (auto it = std::sregex_iterator(trace.begin(), trace.end(), glyph);
       it != std::sregex_iterator(); ++it) {
    xs.push_back(std::stod((*it)[1]));
  }
  ASSERT_EQ(xs.size(), 6u);
  for (size_t i = 0; i < 4; ++i) EXPECT_NEAR(xs[i], run.glyphs[i].x, 0.01);
}

// /W lists only the glyphs whose width is not the default /DW 1000 (half-width digits here,
// not the full-width characters), and a viewer still puts every glyph where the list does.
TEST(PdfWriter, WidthsListOnlyGlyphsNarrowerOrWiderThanAnEm) {
  auto font = Font::load(test::kFandolFang);
  DisplayList list;
  Page page = a4();
  GlyphRun run = shapeRun(font, U"第12页", 100, 200, 16);
  page.items.push_back(run);
  list.pages.push_back(page);
  TempDir dir;
  std::string pdf = writeTo(dir, list);
  auto qdf = runShell("qpdf --qdf --object-streams=disable " + shellQuote(pdf) + " -").out;
  ASSERT_NE(qdf.find("/DW 1000"), std::string::npos);
  const size_t w = qdf.find("/W [");
  ASSERT_NE(w, std::string::npos);
  const std::string widths = qdf.substr(w, qdf.find(">>", w) - w);
  EXPECT_NE(widths.find("500"), std::string::npos) << widths;
  EXPECT_EQ(widths.find("1000"), std::string::npos) << widths;

  auto trace = runShell("mutool trace " + shellQuote(pdf)).out;
  std::regex glyph("<g unicode=\"[^\"]*\" glyph=\"[^\"]*\" x=\"([0-9.]+)\"");
  std::vector<double> xs;
  for (auto it = std::sregex_iterator(trace.begin(), trace.end(), glyph);
       it != std::sregex_iterator(); ++it) {
    xs.push_back(std::stod((*it)[1]));
  }
  ASSERT_EQ(xs.size(), run.glyphs.size()) << trace;
  for (size_t i = 0; i < xs.size(); ++i) EXPECT_NEAR(xs[i], run.glyphs[i].x, 0.01) << i;
}

TEST(PdfWriter, RedRectangleIsAFilledPathInRed) {
  DisplayList list;
  Page page = a4();
  page.items.push_back(FilledRect{79.37, 200, 442.2, 1.0, Color{0.9, 0.0, 0.07}});
  list.pages.push_back(page);
  TempDir dir;
  std::string trace = runShell("mutool trace " + shellQuote(writeTo(dir, list))).out;
  EXPECT_NE(trace.find("<fill_path"), std::string::npos) << trace;
  EXPECT_TRUE(std::regex_search(trace, std::regex("<fill_path[^>]*color=\"0?\\.9 0 0?\\.07\"")))
      << trace;
}

// A 2×2 PNG, red with alpha, built with zlib.
std::vector<uint8_t> tinyPng() {
  auto be32 = [](std::vector<uint8_t>& v, uint32_t x) {
    for (int s = 24; s >= 0; s -= 8) v.push_back(static_cast<uint8_t>(x >> s));
  };
  auto chunk = [&](std::vector<uint8_t>& out, const char* type, const std::vector<uint8_t>& data) {
    be32(out, static_cast<uint32_t>(data.size()));
    std::vector<uint8_t> body(type, type + 4);
    body.insert(body.end(), data.begin(), data.end());
    out.insert(out.end(), body.begin(), body.end());
    be32(out, static_cast<uint32_t>(crc32(0, body.data(), static_cast<uInt>(body.size()))));
  };
  std::vector<uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  std::vector<uint8_t> ihdr;
  be32(ihdr, 2);
  be32(ihdr, 2);
  ihdr.insert(ihdr.end(), {8, 6, 0, 0, 0});  // 8-bit RGBA
  chunk(png, "IHDR", ihdr);
  std::vector<uint8_t> raw;
  for (int row = 0; row < 2; ++row) {
    raw.push_back(0);
    for (int px = 0; px < 2; ++px)
      raw.insert(raw.end(), {230, 0, 18, static_cast<uint8_t>(px ? 255 : 64)});
  }
  std::vector<uint8_t> z(compressBound(static_cast<uLong>(raw.size())));
  uLongf zlen = static_cast<uLongf>(z.size());
  compress(z.data(), &zlen, raw.data(), static_cast<uLong>(raw.size()));
  z.resize(zlen);
  chunk(png, "IDAT", z);
  chunk(png, "IEND", {});
  return png;
}

TEST(PdfWriter, PngWithAlphaIsDrawnWithASoftMaskOncePerDocument) {
  auto image = std::make_shared<ImageData>();
  image->png = tinyPng();
  image->pixelWidth = image->pixelHeight = 2;
  DisplayList list;
  for (int i = 0; i < 3; ++i) {
    Page page = a4();
    page.items.push_back(PlacedImage{image, 100, 100, 120, 120});
    list.pages.push_back(page);
  }
  TempDir dir;
  std::string pdf = writeTo(dir, list);
  auto images = runShell("pdfimages -list " + shellQuote(pdf)).out;
  EXPECT_NE(images.find("smask"), std::string::npos) << images;
  auto qdf = runShell("qpdf --qdf --object-streams=disable " + shellQuote(pdf) + " -").out;
  int smasks = 0;
  for (size_t p = qdf.find("/SMask "); p != std::string::npos; p = qdf.find("/SMask ", p + 1))
    ++smasks;
  EXPECT_EQ(smasks, 1) << "the image is written once";
}

TEST(PdfWriter, DocumentInfoInChinese) {
  DisplayList list;
  list.pages.push_back(a4());
  list.info.title = "南京市召开质量强市工作会议";
  list.info.author = "南京市人民政府";
  list.info.subject = "质量𠮷";
  TempDir dir;
  std::string info = runShell("pdfinfo " + shellQuote(writeTo(dir, list))).out;
  EXPECT_TRUE(std::regex_search(info, std::regex("Title: +南京市召开质量强市工作会议\n"))) << info;
  EXPECT_TRUE(std::regex_search(info, std::regex("Author: +南京市人民政府\n"))) << info;
  EXPECT_TRUE(std::regex_search(info, std::regex("Subject: +质量𠮷\n"))) << info;
  EXPECT_TRUE(std::regex_search(info, std::regex("Creator: +gongwen [0-9.]+\n"))) << info;
  EXPECT_NE(info.find("CreationDate:"), std::string::npos) << info;
}

TEST(PdfWriter, ReproducibleWithSourceDateEpoch) {
  auto font = Font::load(test::kFandolFang);
  DisplayList list;
  Page page = a4();
  page.items.push_back(shapeRun(font, U"同样的输入", 72, 100, 16));
  list.pages.push_back(page);
  ::setenv("SOURCE_DATE_EPOCH", "1339545600", 1);  // 2012-06-13 00:00:00 UTC
  auto a = writePdf(list);
  auto b = writePdf(list);
  ::setenv("SOURCE_DATE_EPOCH", "1339632000", 1);  // a day later
  auto c = writePdf(list);
  ::setenv("SOURCE_DATE_EPOCH", "0", 1);  // the epoch itself is a date too
  auto d = writePdf(list);
  ::setenv("SOURCE_DATE_EPOCH", "soon", 1);  // not a number: ignored, the clock's time
  auto e = writePdf(list);
  ::unsetenv("SOURCE_DATE_EPOCH");
  EXPECT_EQ(a, b);
  // The date comes from the variable, not from the clock.
  const std::string first(a.begin(), a.end()), later(c.begin(), c.end()), epoch(d.begin(), d.end()),
      ignored(e.begin(), e.end());
  EXPECT_NE(first.find("/CreationDate (D:20120613"), std::string::npos);
  EXPECT_NE(later.find("/CreationDate (D:20120614"), std::string::npos);
  EXPECT_NE(epoch.find("/CreationDate (D:19700101000000"), std::string::npos);
  EXPECT_EQ(ignored.find("/CreationDate (D:1970"), std::string::npos);
  EXPECT_NE(ignored.find("/CreationDate (D:20"), std::string::npos);
}

TEST(PdfWriter, SizeIsTheFontsPlusLittle) {
  auto font = Font::load(test::kFandolFang);
  DisplayList list;
  Page page = a4();
  std::u32string text;
  for (int i = 0; i < 500; ++i) text.push_back(U"质量强市工作会议南京召开全面实施战略促进"[i % 20]);
  for (int line = 0; line < 20; ++line)
    page.items.push_back(shapeRun(font, text.substr(line * 25, 25), 79, 100 + line * 29, 16));
  list.pages.push_back(page);
  TempDir dir;
  std::string pdf = writeTo(dir, list);
  // The font program's stored length: FontDescriptor → FontFile3 → /Length (indirect).
  auto json = runShell("qpdf --json=1 --json-key=objects " + shellQuote(pdf)).out;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(json, m, std::regex("\"/FontFile3\": \"([0-9]+) 0 R\"")));
  std::string program = m[1];
  ASSERT_TRUE(std::regex_search(
      json, m, std::regex("\"" + program + " 0 R\": \\{[^}]*\"/Length\": \"([0-9]+) 0 R\"")));
  std::string lengthRef = m[1];
  ASSERT_TRUE(std::regex_search(json, m, std::regex("\"" + lengthRef + " 0 R\": ([0-9]+)")));
  long fontBytes = std::stol(m[1]);
  long fileBytes = static_cast<long>(writePdf(list).size());
  EXPECT_LE(fileBytes, fontBytes + 20 * 1024) << "file " << fileBytes << ", font " << fontBytes;
}

}  // namespace
}  // namespace gongwen

namespace gongwen {
namespace {

// A server keeps the subsets and seals that repeat from one PDF to the next: the second PDF
// is the same bytes, made from the cache.
TEST(PdfCache, RepeatedDocumentsReuseSubsetsAndImages) {
  ::setenv("SOURCE_DATE_EPOCH", "1339545600", 1);
  auto rec = test::record(test::readText(std::string(GONGWEN_SOURCE_DATA_DIR) +
                                         "/samples/certificate-mayor-quality-award.json"));
  RenderOptions options;
  options.baseDirectory = std::string(GONGWEN_SOURCE_DATA_DIR) + "/samples";
  auto list = test::engine().layout(rec, options).list;
  PdfCache cache;
  PdfOptions cached;
  cached.cache = &cache;
  const auto plain = writePdf(list);
  const auto first = writePdf(list, cached);
  const auto second = writePdf(list, cached);
  test::keepPdf({reinterpret_cast<const char*>(second.data()), second.size()});
  ::unsetenv("SOURCE_DATE_EPOCH");
  EXPECT_EQ(first, plain);
  EXPECT_EQ(second, plain);
  const ImageData* seal = nullptr;
  for (const auto& item : list.pages[0].items) {
    if (const auto* img = std::get_if<PlacedImage>(&item)) seal = img->image.get();
  }
  ASSERT_NE(seal, nullptr);
  // The first document prepared every subset and the seal; the second found them all.
  const PdfCache::Stats stats = cache.stats();
  EXPECT_GE(stats.fontMisses, 2u);  // the title's, the body's, … fonts
  EXPECT_EQ(stats.fontHits, stats.fontMisses);
  EXPECT_EQ(stats.imageMisses, 1u);
  EXPECT_EQ(stats.imageHits, 1u);
  EXPECT_EQ(stats.formMisses, 1u) << "the border, deflated once";
  EXPECT_EQ(stats.formHits, 1u);
}

}  // namespace
}  // namespace gongwen
